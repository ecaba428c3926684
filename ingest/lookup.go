package ingest

import (
	"database/sql/driver"
	"strings"

	"enfance/internal/exports"
)

// Values as people write them, resolved to what the warehouse stores: a commune's name to its
// INSEE code, a code in another case to the code, a label to the code of a closed list, through
// the registry and the territory's [valeurs] mapping. Each resolution is kept per file: the
// same values come back row after row.

// addCommune records a commune of the reference data and the key of its name.
func (k *known) addCommune(code, name string) {
	k.communes[code] = true
	key := communeKey(name)
	if other, ok := k.communeNames[key]; ok && other != code {
		k.communeNames[key] = "" // two communes of the territory write alike: only the code tells
		return
	}
	k.communeNames[key] = code
}

// communeKey is a commune's name as it compares: folded, « St » and « Ste » as « Saint » and
// « Sainte », without hyphens, spaces, nor numbers (a postcode, a department in brackets).
func communeKey(name string) string {
	var b strings.Builder
	for _, w := range strings.Split(fold(name), "_") {
		switch {
		case digits(w) >= 0: // empty or all digits
			continue
		case w == "st":
			w = "saint"
		case w == "ste":
			w = "sainte"
		}
		b.WriteString(w)
	}
	return b.String()
}

// addCode records a code of a kind other rows refer to.
func (k *known) addCode(kind, code string) {
	if k.codes[kind] == nil {
		k.codes[kind], k.codeKeys[kind] = map[string]bool{}, map[string]string{}
	}
	k.codes[kind][code] = true
	key := fold(code)
	if other, ok := k.codeKeys[kind][key]; ok && other != code {
		k.codeKeys[kind][key] = ""
		return
	}
	k.codeKeys[kind][key] = code
}

// addName records the name of a code, which a file may write in its place (« Multi-accueil Les
// Loupiots » for MA-LOUPS): a name two codes share, or another code's writing, tells nothing.
func (k *known) addName(kind, name, code string) {
	key := fold(name)
	if other, ok := k.codeKeys[kind][key]; ok && other != code {
		k.codeKeys[kind][key] = ""
		return
	}
	k.codeKeys[kind][key] = code
}

// resolved is a value of a column as a file writes it.
type resolved struct {
	column int
	raw    string
}

// lookup resolves a value once per file: f is only called for a value not seen yet.
func (c *converter) lookup(col int, raw string, f func() (string, bool)) (string, bool) {
	key := resolved{col, raw}
	if v, ok := c.resolved[key]; ok {
		return v, v != ""
	}
	v, ok := f()
	if !ok {
		v = ""
	}
	c.resolved[key] = v
	return v, ok
}

// custom is the territory's own value for a label of the column ([valeurs]), if any.
func (c *converter) custom(col *exports.Column, raw string) (string, bool) {
	v, ok := c.values[col.Name][exports.Words(raw)]
	return v, ok
}

// commune reads a commune: its INSEE code, the code without the leading zero a spreadsheet
// dropped, its name as the reference data gives it, or the territory's mapping.
func (c *converter) commune(rec record, i int, col *exports.Column, raw string) (driver.Value, *rejection) {
	if c.known.communes[raw] {
		return raw, nil
	}
	ambiguous := false
	code, ok := c.lookup(i, raw, func() (string, bool) {
		if v, ok := c.custom(col, raw); ok && c.known.communes[v] {
			return v, true
		}
		if len(raw) == 4 && digits(raw) >= 0 && c.known.communes["0"+raw] {
			return "0" + raw, true
		}
		code, found := c.known.communeNames[communeKey(raw)]
		ambiguous = found && code == ""
		return code, code != ""
	})
	switch {
	case ok:
		return code, nil
	case ambiguous:
		return nil, c.reject(rec, col, raw, codeCommune, "désigne plusieurs communes du territoire : donnez le code INSEE, "+
			"ou la correspondance dans [valeurs."+c.kind.Name+"."+col.Name+"] du fichier du territoire")
	}
	return nil, c.reject(rec, col, raw, codeCommune, "n'est ni le code INSEE ni le nom d'une commune du territoire (fichier des communes) ; "+
		"une autre écriture se déclare dans [valeurs."+c.kind.Name+"."+col.Name+"] du fichier du territoire (enfance inspect la propose)")
}

// refReasons say why a code of a kind other rows refer to is not known.
var refReasons = map[string][2]string{
	"structures":   {codeStructure, "n'est pas un code de structure connu (absent du fichier structures)"},
	"antennes_rpe": {codeAntenne, "n'est pas un code d'antenne connu (absent du fichier antennes_rpe)"},
}

// code reads a column of codes; one referring to another kind must be a code of that kind's
// files, in any case and punctuation, or the territory's mapping of another writing (a name).
func (c *converter) code(rec record, i int, col *exports.Column, raw string) (driver.Value, *rejection) {
	if col.Ref == "" || c.unchecked || c.known.codes[col.Ref][raw] {
		return raw, nil
	}
	code, ok := c.lookup(i, raw, func() (string, bool) {
		if v, ok := c.custom(col, raw); ok && c.known.codes[col.Ref][v] {
			return v, true
		}
		code := c.known.codeKeys[col.Ref][fold(raw)]
		return code, code != ""
	})
	if ok {
		return code, nil
	}
	reason, ok := refReasons[col.Ref]
	if !ok {
		reason = [2]string{"code_inconnu", "n'est pas un code connu (absent des fichiers " + col.Ref + ")"}
	}
	return nil, c.reject(rec, col, raw, reason[0], reason[1]+" ; une autre écriture se déclare dans [valeurs."+
		c.kind.Name+"."+col.Name+"] du fichier du territoire (enfance inspect la propose)")
}

// label reads a value of a closed list: its code, a label of the registry or of the territory.
func (c *converter) label(i int, col *exports.Column, raw string) (string, bool) {
	if len(raw) < 30 && c.exact(col, raw) {
		return raw, true
	}
	return c.lookup(i, raw, func() (string, bool) { return col.Code(raw, c.values[col.Name]) })
}

// exact tells a value that is a code of its list, as most exports write it.
func (c *converter) exact(col *exports.Column, raw string) bool {
	for _, v := range col.Values {
		if v == raw {
			return true
		}
	}
	return false
}

// list reads codes or labels separated by |, ; or , and stores the codes joined by |.
func (c *converter) list(rec record, i int, col *exports.Column, raw string) (driver.Value, *rejection) {
	if !strings.ContainsAny(raw, ";,") && c.allCodes(col, raw) {
		return raw, nil
	}
	var codes []string
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == '|' || r == ';' || r == ',' }) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		code, ok := c.label(i, col, strings.TrimSpace(part))
		if !ok {
			return nil, c.reject(rec, col, raw, codeEnum, notInList(c.kind, col).Error())
		}
		codes = append(codes, code)
	}
	return strings.Join(codes, "|"), nil
}

// allCodes tells a list written with its codes, as the registry stores it.
func (c *converter) allCodes(col *exports.Column, raw string) bool {
	for part := range strings.SplitSeq(raw, "|") {
		if !c.exact(col, part) {
			return false
		}
	}
	return true
}

// notInList says that a value is none of its list's, and where another writing is declared.
func notInList(k exports.Kind, col *exports.Column) error {
	return bad("n'est pas une valeur permise (%s) ; un autre libellé se déclare dans [valeurs.%s.%s] du fichier du territoire "+
		"(enfance inspect le propose)", strings.Join(col.Values, ", "), k.Name, col.Name)
}

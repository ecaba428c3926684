package reports

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"

	"enfance/internal/marts"
)

// RejectsWorkbook is the file the service sends back to the structures: a summary sentence per
// structure, the refused files with their reason and the action to take, and each rejected line
// with its column, its value as written (persons masked) and the reason, which says what was
// expected. It is made only when something was refused or rejected.
func RejectsWorkbook(b *marts.Bundle, year int) ([]byte, bool, error) {
	refused, lines := refusedFiles(b.QualiteDonnees), b.LignesRejetees
	if len(refused) == 0 && len(lines) == 0 && len(b.Incomplete(year, year)) == 0 {
		return nil, false, nil
	}
	files := sheet{name: "Fichiers refusés", headers: []string{"Structure", "Fichier", "Raison", "Que faire"},
		formats: []cellFormat{asText, asText, asText, asText}}
	for _, f := range refused {
		files.rows = append(files.rows, []any{f.Code, f.Fichier, f.Detail, refusalAction})
	}
	rows := sheet{name: "Lignes rejetées", headers: []string{"Structure", "Fichier", "Ligne", "Colonne", "Valeur lue", "Raison et valeur attendue"},
		formats: []cellFormat{asText, asText, asInt, asText, asText, asText}}
	for _, r := range lines {
		rows.rows = append(rows.rows, []any{r.Code, r.Fichier, r.Ligne, r.Colonne, r.Valeur, r.Motif})
	}
	out, err := writeWorkbook([]sheet{rejectsSummary(b, year, refused), files, rows}, b.InfosEntrepot.SecretStatistique)
	return out, true, err
}

const refusalAction = "Corrigez ou exportez à nouveau ce fichier (voir la raison ; les colonnes attendues sont dans docs/exports.md), déposez-le dans le dossier des exports et relancez le traitement."

func refusedFiles(all []marts.QualiteDonnees) []marts.QualiteDonnees {
	return slices.DeleteFunc(slices.Clone(all), func(f marts.QualiteDonnees) bool { return f.Statut != "refuse" })
}

// rejectsSummary says per structure, in one sentence, what is missing, refused and rejected:
// « mars 2025 manquant ; 1 fichier refusé ; 12 lignes rejetées dans 1 fichier ».
func rejectsSummary(b *marts.Bundle, year int, refused []marts.QualiteDonnees) sheet {
	type counts struct {
		missing []string
		refused int
		lines   map[[2]any]bool // (file, line)
		files   map[string]bool
	}
	by := map[string]*counts{}
	get := func(code string) *counts {
		if code == "" {
			code = "(structure non reconnue)"
		}
		if by[code] == nil {
			by[code] = &counts{lines: map[[2]any]bool{}, files: map[string]bool{}}
		}
		return by[code]
	}
	for _, c := range b.Completude {
		if c.Annee == year && c.Statut != "complet" {
			x := get(c.Code)
			x.missing = append(x.missing, c.Words())
		}
	}
	for _, f := range refused {
		get(f.Code).refused++
	}
	for _, r := range b.LignesRejetees {
		x := get(r.Code)
		x.lines[[2]any{r.Fichier, r.Ligne}] = true
		x.files[r.Fichier] = true
	}
	s := sheet{name: "Synthèse", headers: []string{"Structure", "Ce qu'il faut demander ou corriger"}, formats: []cellFormat{asText, asText}}
	names := map[string]string{}
	for _, c := range b.Completude {
		names[c.Code] = c.Nom + " (" + c.Code + ")"
	}
	for _, code := range slices.Sorted(maps.Keys(by)) {
		x := by[code]
		var parts []string
		parts = append(parts, x.missing...)
		if x.refused > 0 {
			parts = append(parts, strconv.Itoa(x.refused)+" fichier(s) refusé(s)")
		}
		if len(x.lines) > 0 {
			parts = append(parts, strconv.Itoa(len(x.lines))+" ligne(s) rejetée(s) dans "+strconv.Itoa(len(x.files))+" fichier(s)")
		}
		s.rows = append(s.rows, []any{cmp.Or(names[code], code), strings.Join(parts, " ; ")})
	}
	return s
}

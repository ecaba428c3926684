package exports

import (
	"fmt"
	"strings"
)

// Markdown writes the registry as the French page docs/exports.md.
func Markdown() []byte {
	var b strings.Builder
	b.WriteString("# Les exports des structures\n\n")
	b.WriteString("Page générée à partir du registre des types d'export (`internal/exports`) par\n")
	b.WriteString("`go test ./internal/exports -update` ; ne pas la modifier à la main.\n\n")
	b.WriteString("Chaque fichier du dossier des exports est reconnu par le début de son nom (le préfixe), par exemple\n")
	b.WriteString("`eaje_presences_MA-LOUPS_2025-03.csv`. Les en-têtes de colonnes sont reconnus sans tenir compte des\n")
	b.WriteString("majuscules, des accents, des espaces ni de la ponctuation, ainsi que leurs autres noms ci-dessous.\n")
	b.WriteString("Une colonne marquée « oui » est obligatoire : une ligne où elle manque est rejetée.\n\n")
	b.WriteString("| préfixe | une ligne = |\n|---|---|\n")
	for _, k := range Kinds {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s |\n", k.Name, k.Name, k.Grain)
	}
	for _, k := range Kinds {
		fmt.Fprintf(&b, "\n## %s\n\n%s Une ligne = %s.\n", k.Name, k.Doc, k.Grain)
		if len(k.Key) > 0 {
			fmt.Fprintf(&b, "Une ligne est identifiée par %s : une seconde ligne avec les mêmes valeurs est un doublon, rejeté.\n", codes(k.Key))
		}
		b.WriteString("\n| colonne | type | obligatoire | valeurs | autres noms | description |\n|---|---|---|---|---|---|\n")
		for _, c := range k.Columns {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", c.Name, c.Type, yes(c.Required),
				codes(c.Values), codes(c.Aliases), c.Doc)
		}
	}
	return []byte(b.String())
}

func yes(b bool) string {
	if b {
		return "oui"
	}
	return ""
}

func codes(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return "`" + strings.Join(values, "`, `") + "`"
}

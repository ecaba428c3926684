package exports

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Markdown writes the registry as the French page docs/exports.md.
func Markdown() []byte {
	var b strings.Builder
	b.WriteString("# Les exports des structures\n\n")
	b.WriteString("Page générée à partir du registre des types d'export (`internal/exports`) par\n")
	b.WriteString("`go test ./internal/exports -update` ; ne pas la modifier à la main.\n\n")
	b.WriteString("Chaque fichier du dossier des exports est reconnu par le début de son nom (le préfixe), par exemple\n")
	b.WriteString("`eaje_presences_MA-LOUPS_2025-03.csv`, ou, si son nom ne dit rien, par son en-tête.\n\n")
	b.WriteString("Les en-têtes sont comparés comme des mots : majuscules, accents, ponctuation, une unité ou une remarque\n")
	b.WriteString("entre parenthèses ou crochets (`Heures réalisées (h)`), les mots outils (de, du, des, d', l', la, le, les,\n")
	b.WriteString("en, par, à, au, aux, et) et un « N° », « Nb » ou « Nombre de » initial ne comptent pas ; un en-tête qui\n")
	b.WriteString("ne nomme rien est comparé encore sans les mots qui disent de qui est la valeur (enfant, individu, jeune,\n")
	b.WriteString("famille, allocataire, AM, assistant maternel, mois, jour) : `DATE_NAISSANCE_INDIVIDU` est `date_naissance`.\n")
	b.WriteString("Les autres noms reconnus de chaque colonne sont dans les tableaux. Un en-tête qui peut désigner deux\n")
	b.WriteString("colonnes, ou deux en-têtes qui en désignent une, font refuser le fichier en nommant les candidates :\n")
	b.WriteString("jamais de choix au hasard. Un autre en-tête se déclare dans le fichier du territoire\n")
	b.WriteString("(`[colonnes.<type>] \"Nom de l'en-tête\" = \"colonne\"`) ; `enfance inspect FICHIER` propose ce bloc.\n")
	b.WriteString("Une colonne marquée « oui » est obligatoire : une ligne où elle manque est rejetée.\n\n")
	b.WriteString("## Règles de lecture\n\n")
	b.WriteString("- Fichiers CSV en UTF-8 (avec ou sans BOM) ou Windows-1252, séparés par `;`, `,` ou une tabulation,\n")
	b.WriteString("  fins de ligne CRLF ou LF ; classeurs XLSX (la ligne d'en-tête est cherchée sous un éventuel bloc de titre).\n")
	b.WriteString("- Nombres avec virgule ou point décimal (`12,5`, `1 234,5`) ; dates `jj/mm/aaaa`, `jj/mm/aa` ou `aaaa-mm-jj`\n")
	b.WriteString("  (ou dates Excel), ou en mots (`lundi 2 juin 2025`, `1er juin 2025`) ; une colonne gardée au mois accepte\n")
	b.WriteString("  aussi le mois seul (`03/2025`, `2025-03`, `mars 2025`), une colonne d'année une date entière (son année) ;\n")
	b.WriteString("  heures du jour `07:30` ou `7h30` ; durées `7,5`, `7h30`, `7h`, `7:30`, `07:30:00` ou cellule Excel de\n")
	b.WriteString("  durée (`[h]:mm`), converties en heures exactement ; oui/non.\n")
	b.WriteString("- Une liste fermée accepte le code, un libellé du tableau, ou l'un d'eux au féminin ou au pluriel\n")
	b.WriteString("  (`Présent(e)`, `Désistée`, `Parents`). Une commune se donne par son code INSEE (un zéro initial perdu par\n")
	b.WriteString("  un tableur est rendu) ou par son nom (accents, majuscules, tirets et « St »/« Saint » ne comptent pas) ;\n")
	b.WriteString("  un nom porté par deux communes du territoire est refusé. Un code de structure ou d'antenne est reconnu\n")
	b.WriteString("  quelle que soit sa casse. Toute autre écriture se déclare dans le fichier du territoire :\n")
	b.WriteString("  `[valeurs.<type>.<colonne>] \"SNCF\" = \"autre\"` (libellés, noms de structure, communes).\n")
	b.WriteString("- Une personne écrite en deux colonnes (Nom et Prénom, dans n'importe quel ordre) est une seule identité,\n")
	b.WriteString("  avec le même pseudonyme que dans un export qui l'écrit en une colonne (« Rose RICHARD ») ; aucune partie\n")
	b.WriteString("  du nom n'est jamais laissée de côté.\n")
	b.WriteString("- Une ligne qui ne peut pas être prise va dans `raw.rejets` avec son fichier, sa ligne, sa colonne, sa valeur\n")
	b.WriteString("  et la raison ; le reste du fichier est chargé. Lignes vides et ligne de total finale sont ignorées\n")
	b.WriteString("  avec un avertissement. Un fichier illisible est refusé en entier, avec un message.\n")
	b.WriteString("- Deux fichiers de même contenu comptent une fois. Deux fichiers du même type dont le nom ne diffère que par\n")
	b.WriteString("  une marque de copie (`(2)`, `_corrige`, `_v2`) sont une correction l'un de l'autre : le plus récent (date du\n")
	b.WriteString("  nom, sinon date de modification) remplace l'autre. Dont le nom ne diffère que par une date d'export\n")
	b.WriteString("  (`_2025-04-10`, `_20250410`), ils ne le sont que s'ils couvrent la même période : celle du nom (`_2025`,\n")
	b.WriteString("  `_2025-03`), sinon les mois des dates de la colonne de période du fichier (`date` pour les présences). Des\n")
	b.WriteString("  exports mensuels nommés par leur date d'export (`_20250131`, `_20250228`…) se chargent donc tous. Un type sans\n")
	b.WriteString("  colonne de date de période (registre, structures, capacités, inscriptions…) garde le plus récent.\n")
	b.WriteString("- Une année (`_2025`) ou un mois (`_2025-03`) dans le nom est la période du fichier : une date hors de\n")
	b.WriteString("  cette période est rejetée.\n")
	b.WriteString("- Une ligne dont la clé (« identifiée par » ci-dessous) est déjà chargée depuis un autre fichier du même type\n")
	b.WriteString("  est un doublon, rejeté : le fichier premier dans l'ordre des chemins garde la ligne, quel que soit l'ordre de\n")
	b.WriteString("  lecture. Les listes données à leur date (structures, antennes, registre des assistants maternels, agents,\n")
	b.WriteString("  population) peuvent citer la même ligne dans plusieurs fichiers : leur clé n'est unique que dans un fichier.\n")
	b.WriteString("- Une valeur plus longue que la « longueur max. » de sa colonne (en caractères) est rejetée. Un texte libre\n")
	b.WriteString("  (commentaire, motif, intitulé) écrit sur plusieurs lignes ou avec des tabulations est mis sur une ligne,\n")
	b.WriteString("  chaque retour à la ligne devenant une espace, et le résumé du chargement le compte ; ailleurs, un caractère\n")
	b.WriteString("  de contrôle fait rejeter la ligne.\n")
	b.WriteString("- Un nombre, une date ou une année hors de ses « bornes » (les valeurs qu'une donnée réelle peut prendre) est\n")
	fmt.Fprintf(&b, "  rejeté avec la borne dépassée. Les dates d'activité vont de %d au jour du chargement ; une date prévue\n", FirstActivityYear)
	b.WriteString("  (séjour, fermeture, contrat) peut aller jusqu'à la fin d'une année suivante ; une fin de validité n'a pas\n")
	b.WriteString("  de borne haute (`31/12/2099` veut dire « toujours valide »).\n")
	b.WriteString("- Chaque colonne fautive d'une ligne rejetée est une ligne de `raw.rejets` (même fichier, même ligne) ; les\n")
	b.WriteString("  lignes rejetées de `raw.chargements` comptent les lignes du fichier. Les contrôles entre colonnes ne portent\n")
	b.WriteString("  que sur des valeurs lues : les heures au-delà de l'amplitude du jour quand les heures, la structure et le jour\n")
	b.WriteString("  l'ont été ; les doublons sur des lignes dont chaque valeur l'a été.\n")
	b.WriteString("- Les fichiers sont lus comme fichiers ordinaires du dossier : un lien symbolique, un tube, un périphérique\n")
	b.WriteString("  ou une socket est refusé ; un fichier de plus de 512 Mo aussi.\n")
	b.WriteString("- Un message ou un rejet ne cite jamais une valeur d'une colonne de personne (nom, identifiant) : il écrit\n")
	b.WriteString("  « (masqué) » ; une date de naissance est citée au mois. Une valeur d'une autre colonne n'est citée que si elle\n")
	b.WriteString("  ne contient aucune lettre (nombre, date, heure) ou si c'est un code d'une liste fermée ; sinon le message\n")
	b.WriteString("  donne sa longueur, car une colonne décalée peut contenir des noms. La ligne et la colonne permettent de la\n")
	b.WriteString("  retrouver dans le fichier.\n")
	b.WriteString("- Les enfants, jeunes et assistants maternels sont remplacés par un pseudonyme (HMAC-SHA-256 avec la clé\n")
	b.WriteString("  de l'installation) : un enfant par son nom et sa date de naissance, un assistant maternel par son\n")
	b.WriteString("  identifiant. Les noms n'entrent jamais dans l'entrepôt ; les dates de naissance y sont gardées au mois.\n\n")
	fmt.Fprintf(&b, "- Les types auxquels d'autres renvoient sont chargés d'abord, dans cet ordre : %s.\n\n", codes(LoadOrder()))
	b.WriteString("| préfixe | une ligne = |\n|---|---|\n")
	for _, k := range Kinds {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s |\n", k.Name, k.Name, k.Grain)
	}
	for _, k := range Kinds {
		fmt.Fprintf(&b, "\n## %s\n\n%s Une ligne = %s.\n", k.Name, k.Doc, k.Grain)
		switch {
		case len(k.Key) > 0 && k.Snapshot:
			fmt.Fprintf(&b, "Une ligne est identifiée par %s : une seconde ligne avec les mêmes valeurs dans le fichier est un doublon, rejeté ; "+
				"chaque fichier donne la liste à sa date, la même ligne peut figurer dans plusieurs fichiers.\n", codes(k.Key))
		case len(k.Key) > 0:
			fmt.Fprintf(&b, "Une ligne est identifiée par %s : une seconde ligne avec les mêmes valeurs, dans le fichier ou dans un autre "+
				"fichier du même type, est un doublon, rejeté.\n", codes(k.Key))
		}
		if len(k.Identity) > 0 {
			fmt.Fprintf(&b, "Une personne est identifiée, et pseudonymisée, par %s.\n", codes(k.Identity))
		}
		b.WriteString("\n| colonne | type | obligatoire | longueur max. | bornes | valeurs | autres noms | description |\n|---|---|---|---|---|---|---|---|\n")
		for _, c := range k.Columns {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %d | %s | %s | %s | %s |\n", c.Name, c.Type, yes(c.Required),
				c.Longest(), rules(c), values(c), names(c), c.Doc)
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

// rules are a column's bounds and checks against other kinds.
func rules(c Column) string {
	parts := []string{}
	if b := c.Bounds(); b != "" {
		parts = append(parts, b)
	}
	if c.Ref != "" {
		parts = append(parts, "un code du fichier `"+c.Ref+"`")
	}
	if c.DayOf != "" {
		parts = append(parts, "au plus l'amplitude du jour (`"+c.DayOf+"`)")
	}
	return strings.Join(parts, " ; ")
}

// values are a closed list's codes, each with its other labels.
func values(c Column) string {
	parts := make([]string, len(c.Values))
	for i, v := range c.Values {
		var labels []string
		for _, l := range slices.Sorted(maps.Keys(c.Labels)) {
			if c.Labels[l] == v {
				labels = append(labels, l)
			}
		}
		parts[i] = "`" + v + "`"
		if len(labels) > 0 {
			parts[i] += " (ou " + codes(labels) + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// names are a column's other headers, and those of a given name split from a person.
func names(c Column) string {
	s := codes(c.Aliases)
	if len(c.Given) > 0 {
		s += " ; prénom à part : " + codes(c.Given)
	}
	return s
}

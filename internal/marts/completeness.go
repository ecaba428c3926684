package marts

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"enfance/internal/frfmt"
)

// exportLabels name the kinds of export in plain French, for the documents.
var exportLabels = map[string]string{
	"eaje_presences": "présences", "eaje_fermetures": "jours de fermeture", "acm_periodes": "périodes déclarées",
	"acm_presences": "présences", "sejours": "séjours", "sejours_inscriptions": "inscriptions aux séjours",
	"am_registre": "registre des assistants maternels", "rpe_ateliers": "ateliers", "rpe_participations": "participations aux ateliers",
	"rpe_contacts": "contacts", "formation_sessions": "sessions de formation", "formation_inscriptions": "inscriptions aux formations",
}

// statusWords write the states of marts.completude in plain French.
var statusWords = map[string]string{"partiel": "partiel", "manquant": "manquant", "refuse": "refusé"}

// Incomplete says, structure by structure, which exports of the years are not complete:
// « A Pas de Loups (MA-LOUPS) : présences mars 2025 (manquant) ; présences avril 2025 (refusé) ».
func (b *Bundle) Incomplete(first, last int) []string {
	rows := b.Completude
	var lines []string
	var current string
	var parts []string
	flush := func() {
		if len(parts) > 0 {
			lines = append(lines, current+" : "+strings.Join(parts, " ; "))
		}
		parts = nil
	}
	for _, c := range rows {
		if c.Statut == "complet" || c.Annee < first || c.Annee > last {
			continue
		}
		name := c.Nom + " (" + c.Code + ")"
		if name != current {
			flush()
			current = name
		}
		parts = append(parts, c.Words())
	}
	flush()
	return lines
}

// Words says an export owed and its state: « présences mars 2025 (manquant) ».
func (c Completude) Words() string {
	return c.KindWords() + " " + periodWords(c.Periode) + " (" + statusWords[c.Statut] + ")"
}

// KindWords names the kind of export owed in plain French: « présences », « contacts ».
func (c Completude) KindWords() string { return cmp.Or(exportLabels[c.Type], c.Type) }

// periodWords writes a period of marts.completude: « mars 2025 », « 2025 », or the ACM's code.
func periodWords(p string) string {
	if len(p) == 7 && p[4] == '-' {
		if m, err := strconv.Atoi(p[5:]); err == nil && m >= 1 && m <= 12 {
			return frfmt.Month(time.Month(m)) + " " + p[:4]
		}
	}
	return p
}

package marts

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"enfance/internal/frfmt"
)

// ExportLabels name the kinds of export in plain French, for the documents.
var ExportLabels = map[string]string{
	"eaje_presences": "présences", "eaje_fermetures": "jours de fermeture", "acm_periodes": "périodes déclarées",
	"acm_presences": "présences", "sejours": "séjours", "sejours_inscriptions": "inscriptions aux séjours",
	"am_registre": "registre des assistants maternels", "rpe_ateliers": "ateliers", "rpe_participations": "participations aux ateliers",
	"rpe_contacts": "contacts", "formation_sessions": "sessions de formation", "formation_inscriptions": "inscriptions aux formations",
}

// StatusWords write the states of marts.completude in plain French.
var StatusWords = map[string]string{"partiel": "partiel", "manquant": "manquant", "refuse": "refusé"}

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
		parts = append(parts, cmp.Or(ExportLabels[c.Type], c.Type)+" "+PeriodWords(c.Periode)+" ("+StatusWords[c.Statut]+")")
	}
	flush()
	return lines
}

// PeriodWords writes a period of marts.completude: « mars 2025 », « 2025 », or the ACM's code.
func PeriodWords(p string) string {
	if len(p) == 7 && p[4] == '-' {
		if m, err := strconv.Atoi(p[5:]); err == nil && m >= 1 && m <= 12 {
			return frfmt.Month(time.Month(m)) + " " + p[:4]
		}
	}
	return p
}

package config

import (
	"strings"
	"testing"
)

func TestLoadCTG(t *testing.T) {
	tests := []struct {
		name, toml, wantErr string
	}{
		{"years and targets", "[ctg]\npremiere_annee = 2022\nderniere_annee = 2026\n[ctg.cibles]\ncouverture_totale = 60\neaje_occupation_reelle = 0.75\n", ""},
		{"no CTG", "", ""},
		{"unknown indicator", "[ctg]\npremiere_annee = 2022\nderniere_annee = 2026\n[ctg.cibles]\ncouverture = 60\n",
			"ctg.cibles.couverture : indicateur inconnu (codes possibles : am_actives,"},
		{"a rate in percent", "[ctg]\npremiere_annee = 2022\nderniere_annee = 2026\n[ctg.cibles]\neaje_occupation_reelle = 75\n",
			"ctg.cibles.eaje_occupation_reelle 75 : un taux s'écrit en fraction (0.75 pour 75 %)"},
		{"years reversed", "[ctg]\npremiere_annee = 2026\nderniere_annee = 2022\n", "ctg.derniere_annee 2022 est avant ctg.premiere_annee 2026"},
		{"targets without years", "[ctg.cibles]\nplaces_am = 1500\n", "ctg.cibles sans ctg.premiere_annee ni ctg.derniere_annee"},
		{"one year missing", "[ctg]\npremiere_annee = 2022\n", "ctg.premiere_annee 2022 et ctg.derniere_annee 0"},
		{"negative target", "[ctg]\npremiere_annee = 2022\nderniere_annee = 2026\n[ctg.cibles]\nplaces_am = -3\n", "ctg.cibles.places_am -3 est négative"},
		{"unknown key", "[ctg]\npremiere = 2022\n", "clé inconnue « ctg.premiere »"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(strings.NewReader(tt.toml), "t.toml")
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if tt.toml != "" && (c.CTG.PremiereAnnee != 2022 || c.CTG.DerniereAnnee != 2026 || c.CTG.Cibles["eaje_occupation_reelle"] != 0.75) {
					t.Errorf("ctg = %+v", c.CTG)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want %q", err, tt.wantErr)
			}
		})
	}
}

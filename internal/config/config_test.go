package config

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestDefaultIsValid(t *testing.T) {
	if err := Default().Validate(); err != nil {
		t.Fatalf("Default().Validate() = %v", err)
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		toml    string
		wantErr string // substring; empty means no error
		check   func(t *testing.T, c Config)
	}{
		{name: "empty file keeps the defaults", toml: "", check: func(t *testing.T, c Config) {
			if !reflect.DeepEqual(c, Default()) {
				t.Errorf("got %+v, want the defaults", c)
			}
		}},
		{name: "overrides", toml: "[territoire]\nnom = \"CC de Flandre Intérieure\"\nsiren_epci = \"200040947\"\nannee_reference = 2024\n[seuils]\nage_retraite = 62\n",
			check: func(t *testing.T, c Config) {
				if c.Territoire.Nom != "CC de Flandre Intérieure" || c.Territoire.AnneeReference != 2024 || c.Seuils.AgeRetraite != 62 {
					t.Errorf("got %+v", c)
				}
				if c.Seuils.SecretStatistique != 5 {
					t.Errorf("secret_statistique = %d, want the default 5", c.Seuils.SecretStatistique)
				}
			}},
		{name: "unknown key", toml: "[seuils]\nage_retrait = 62\n", wantErr: "clé inconnue « seuils.age_retrait »"},
		{name: "syntax error has a position", toml: "[territoire]\nnom = \n", wantErr: "t.toml:2:"},
		{name: "bad siren", toml: "[territoire]\nsiren_epci = \"2000409\"\n", wantErr: "n'est pas un SIREN"},
		{name: "bad threshold", toml: "[seuils]\nsecret_statistique = 0\n", wantErr: "seuils.secret_statistique 0"},
		{name: "every problem at once", toml: "[territoire]\nnom = \"\"\n[seuils]\nage_retraite = 90\n",
			wantErr: "territoire.nom est vide : donnez le nom du territoire\nseuils.age_retraite 90"},
		{name: "wrong type", toml: "[seuils]\nage_retraite = \"64\"\n", wantErr: "t.toml"},
		{name: "column mapping", toml: "[colonnes.eaje_presences]\n\"Nom de l'enfant\" = \"enfant\"\n",
			check: func(t *testing.T, c Config) {
				if c.Colonnes["eaje_presences"]["Nom de l'enfant"] != "enfant" {
					t.Errorf("colonnes = %v", c.Colonnes)
				}
			}},
		{name: "mapping to an unknown column", toml: "[colonnes.eaje_presences]\n\"Nom\" = \"prenom\"\n",
			wantErr: "colonnes.eaje_presences : « Nom » = « prenom », qui n'est pas une colonne de eaje_presences"},
		{name: "wednesday caps", toml: "[acm]\nplafond_mercredi_journee = 10\nplafond_mercredi_demi_journee = 5\n",
			check: func(t *testing.T, c Config) {
				if c.ACM.PlafondMercrediJournee != 10 || c.ACM.PlafondMercrediDemiJournee != 5 {
					t.Errorf("acm = %+v", c.ACM)
				}
			}},
		{name: "half-day cap above the day's", toml: "[acm]\nplafond_mercredi_demi_journee = 10\n",
			wantErr: "acm.plafond_mercredi_demi_journee 10 est hors de 0,5 heure au plafond de la journée (9)"},
		{name: "mapping of an unknown kind", toml: "[colonnes.creches]\n\"Nom\" = \"enfant\"\n",
			wantErr: "colonnes.creches : type d'export inconnu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(strings.NewReader(tt.toml), "t.toml")
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				tt.check(t, c)
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Load error = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestReferenceYear(t *testing.T) {
	c := Default()
	if got := c.ReferenceYear(2026); got != 2025 {
		t.Errorf("ReferenceYear(2026) = %d, want 2025", got)
	}
	c.Territoire.AnneeReference = 2023
	if got := c.ReferenceYear(2026); got != 2023 {
		t.Errorf("ReferenceYear(2026) = %d, want 2023", got)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add("[territoire]\nnom = \"x\"\n")
	f.Add("[seuils]\nage_retraite = 62\n")
	f.Add("= =")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Load(strings.NewReader(s), "f.toml")
		if err == nil {
			if verr := c.Validate(); verr != nil {
				t.Fatalf("Load accepted a config that Validate refuses: %v", verr)
			}
		}
	})
}

// TestExampleFile keeps docs/territoire.example.toml loadable and equal to the defaults it
// documents.
func TestExampleFile(t *testing.T) {
	f, err := os.Open("../../docs/territoire.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := Load(f, "territoire.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, Default()) {
		t.Errorf("the example differs from the defaults:\n%+v\n%+v", c, Default())
	}
}

func TestMemoryBytes(t *testing.T) {
	tests := []struct {
		size string
		want float64 // MiB
	}{
		{"4GB", 4e9 / (1 << 20)},
		{"4GiB", 4096},
		{"512 MiB", 512},
		{"1.5TB", 1.5e12 / (1 << 20)},
		{"2048KiB", 2},
	}
	for _, tt := range tests {
		if got, err := MemoryBytes(tt.size); err != nil || got/(1<<20) != tt.want {
			t.Errorf("MemoryBytes(%q) = %v MiB, %v; want %v", tt.size, got/(1<<20), err, tt.want)
		}
	}
	for _, bad := range []string{"4", "GB", "quatre GB", "+4GB", "4 Go"} {
		if _, err := MemoryBytes(bad); err == nil {
			t.Errorf("MemoryBytes(%q): no error", bad)
		}
	}
}

// TestQuote: a text of an export, whatever it holds, reads back as itself from the TOML string
// Quote writes.
func TestQuote(t *testing.T) {
	for _, s := range []string{"Temps passé", `a "b" \ c`, "ligne\nsuite\ttab", "\x00\x1b[31m\u0085", "Présent(e)"} {
		var got struct{ V string }
		if _, err := toml.Decode("V = "+Quote(s), &got); err != nil || got.V != s {
			t.Errorf("Quote(%q) = %s reads back %q (%v)", s, Quote(s), got.V, err)
		}
	}
}

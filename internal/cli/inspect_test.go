package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"enfance/internal/config"
)

// TestInspectProposesABlockThatLoads: inspect names the kind, each header and the rejected
// values of a file other software wrote; its --toml block is a territory file run accepts as it
// is, and with it the file loads whole.
func TestInspectProposesABlockThatLoads(t *testing.T) {
	data := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(data, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("antennes_rpe.csv", "code_antenne;nom;commune_insee\nANT-WORMHOUT;Antenne de Wormhout;59663\n")
	write("rpe_contacts_2025.csv", "Jour de l'appel;Antenne;Public;Moyen\n"+
		"03/03/2025;ANT-WORMHOUT;Grand-parent;Téléphone\n04/03/2025;ant-wormhout;Parents;Courriel\n"+
		"05/03/2025;Antenne de Wormhout;Grand-parents;Téléphone\n06/03/2025;ANT-WORMHOUT;Famille;Téléphone\n")
	file := filepath.Join(data, "rpe_contacts_2025.csv")

	r := enfance(t, "inspect", "-q", "--data", data, file)
	for _, want := range []string{"type : rpe_contacts (reconnu par le début du nom)", "« Jour de l'appel » → date  (proposée, à vérifier)",
		"« Moyen » → canal", "4 lues, 4 se chargeraient avec le bloc proposé, 0 rejetées", `"Grand-parent" = "parent"`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("inspect lacks %q:\n%s", want, r.stdout)
		}
	}
	block := enfance(t, "inspect", "-q", "--toml", "--data", data, file)
	if block.code != 0 || strings.Contains(block.stdout, "type :") {
		t.Fatalf("--toml: exit %d\n%s", block.code, block.stdout)
	}
	if _, err := config.Load(strings.NewReader(block.stdout), "bloc"); err != nil {
		t.Fatalf("the block is not a territory file: %v\n%s", err, block.stdout)
	}
	territory := filepath.Join(t.TempDir(), "territoire.toml")
	if err := os.WriteFile(territory, []byte(block.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	again := enfance(t, "inspect", "-q", "--config", territory, "--data", data, file)
	for _, want := range []string{"4 lues, 4 se chargeraient", "rien à ajouter"} {
		if !strings.Contains(again.stdout, want) {
			t.Errorf("with the block, inspect lacks %q:\n%s", want, again.stdout)
		}
	}
}

// TestInspectFindsTheClosestKind: a file whose name and header make no kind known is inspected as
// the kind its header is closest to, and the proposed block makes its header enough.
func TestInspectFindsTheClosestKind(t *testing.T) {
	data := t.TempDir()
	if err := os.WriteFile(filepath.Join(data, "antennes_rpe.csv"), []byte("code_antenne;nom;commune_insee\nANT-WORMHOUT;Antenne de Wormhout;59663\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(data, "appels.csv")
	if err := os.WriteFile(file, []byte("Date du contact;Antenne;Qui\n03/03/2025;ANT-WORMHOUT;parent\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := enfance(t, "inspect", "-q", "--data", data, file)
	if !strings.Contains(r.stdout, "type : rpe_contacts (reconnu par l'en-tête, au plus près") || !strings.Contains(r.stdout, `"Qui" = "public"`) {
		t.Fatalf("inspect:\n%s", r.stdout)
	}
	territory := filepath.Join(t.TempDir(), "territoire.toml")
	block := enfance(t, "inspect", "-q", "--toml", "--data", data, file)
	if err := os.WriteFile(territory, []byte(block.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	again := enfance(t, "inspect", "-q", "--config", territory, "--data", data, file)
	if !strings.Contains(again.stdout, "type : rpe_contacts (reconnu par l'en-tête)") || !strings.Contains(again.stdout, "1 lues, 1 se chargeraient") {
		t.Errorf("with the block:\n%s", again.stdout)
	}
}

// TestInspectSamples: each header comes with its first values as the rejects would show them,
// a person's masked and a word that could be a name described by its length.
func TestInspectSamples(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(data, "eaje_presences_MA-LOUPS_2025-03.csv")
	if err := os.WriteFile(file, []byte("Code structure;Date;Enfant;Date de naissance;Commune;Heures réalisées;Heures facturées;Remarque\n"+
		"MA-LOUPS;03/03/2025;Rose RICHARD;24/02/2024;59663;7,5;8;Martin\n"+
		"MA-LOUPS;04/03/2025;Rose RICHARD;24/02/2024;59663;8;8;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := enfance(t, "inspect", "-q", file)
	if strings.Contains(r.stdout, "RICHARD") || strings.Contains(r.stdout, "Martin") || strings.Contains(r.stdout, "24/02/2024") {
		t.Errorf("inspect quotes a person:\n%s", r.stdout)
	}
	for _, want := range []string{"« Date » → date  [03/03/2025 · 04/03/2025]", "« Enfant » → enfant  [(masquée)]",
		"« Date de naissance » → date_naissance  [2024-02]", "« Remarque » → (aucune : ignorée)  [(masquée : texte de 6 caractères)]"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("inspect lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestInspectWarns: what the reading leaves out (a title block above the header) is said, as a
// run warns of it.
func TestInspectWarns(t *testing.T) {
	file := filepath.Join(t.TempDir(), "eaje_presences_MA-LOUPS_2025-03.csv")
	if err := os.WriteFile(file, []byte("Export du logiciel\nMars 2025\nCode structure;Date;Enfant;Date de naissance;Commune;Heures réalisées;Heures facturées\n"+
		"MA-LOUPS;03/03/2025;Rose RICHARD;24/02/2024;59663;7,5;8\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := enfance(t, "inspect", "-q", file)
	for _, want := range []string{"avertissement : 2 ligne(s) de titre au-dessus de l'en-tête ignorée(s)", "1 lues, 1 se chargeraient"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("inspect lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestInspectRefusedIsNotFine: a file refused with nothing to propose is not said to load as it is.
func TestInspectRefusedIsNotFine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "eaje_presences_MA-LOUPS_2025-03.csv")
	if err := os.WriteFile(file, []byte("MA-LOUPS;03/03/2025;Rose RICHARD;24/02/2024;59663;7,5;8\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := enfance(t, "inspect", "-q", "--toml", file)
	if strings.Contains(r.stdout, "tels quels") || !strings.Contains(r.stdout, "1 fichier(s) ne se chargeraient pas en entier") {
		t.Errorf("inspect --toml of a refused file:\n%s", r.stdout)
	}
}

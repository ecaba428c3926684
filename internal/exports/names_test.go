package exports

import (
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct{ header, want string }{
		{"Date de naissance", "date_naissance"},
		{"Commune de résidence", "commune_residence"},
		{"Nom de l'enfant", "nom_enfant"},
		{"Heures réalisées (h)", "heures_realisees"},
		{"Heures réalisées [en heures]", "heures_realisees"},
		{"Né(e) le", "ne"},
		{"NOMBRE_HEURES_REALISEES", "heures_realisees"},
		{"N° de réponse", "reponse"},
		{"Nb places", "places"},
		{"Type d'accueil", "type_accueil"},
		{"De", "de"},
		{"À", "a"},
		{"(vide)", "vide"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Words(tt.header); got != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

// TestMatch: headers as people and software write them name the registry's columns; a header
// naming two columns is returned with both, never one guessed.
func TestMatch(t *testing.T) {
	tests := []struct {
		kind, header string
		custom       map[string]string
		want         string // targets joined by " ou ", "" for none
	}{
		{"eaje_presences", "Date de présence", nil, "date"},
		{"eaje_presences", "Nom de l'enfant", nil, "enfant"},
		{"eaje_presences", "Prénom de l'enfant", nil, "enfant.prenom"},
		{"eaje_presences", "PRENOM", nil, "enfant.prenom"},
		{"eaje_presences", "DATE_NAISSANCE_INDIVIDU", nil, "date_naissance"},
		{"eaje_presences", "Heures réalisées (h)", nil, "heures_realisees"},
		{"eaje_presences", "Type d'accueil", nil, "type_accueil"},
		{"eaje_presences", "Commune de résidence", nil, "commune_residence"},
		{"eaje_presences", "Ville", nil, "commune_residence"},
		{"eaje_presences", "Établissement", nil, "code_structure"},
		{"eaje_presences", "Observations", nil, ""},
		{"eaje_presences", "Observations", map[string]string{"observations": "absence_deductible"}, "absence_deductible"},
		{"eaje_presences", "Prénom usuel", map[string]string{"prenom_usuel": "enfant.prenom"}, "enfant.prenom"},
		{"am_registre", "Date de naissance", nil, "annee_naissance"},
		{"am_registre", "Commune", nil, "commune_insee"},
		{"am_registre", "Nom", nil, "identifiant_am"},
		{"am_registre", "Prénom", nil, "identifiant_am.prenom"},
		{"eaje_capacites", "De", nil, "heure_debut"},
		{"eaje_capacites", "À", nil, "heure_fin"},
		{"acm_presences", "Nombre d'heures", nil, "heures_realisees"},
		{"enquete_freins_leviers", "N° de réponse", nil, "reponse"},
	}
	for _, tt := range tests {
		k, _ := Lookup(tt.kind)
		var got []string
		for _, target := range k.Match(tt.header, tt.custom) {
			got = append(got, target.Name(k))
		}
		if strings.Join(got, " ou ") != tt.want {
			t.Errorf("%s: %q names %v, want %q", tt.kind, tt.header, got, tt.want)
		}
	}
}

// TestNoHeaderIsAmbiguous: in a kind, the words of every name and alias lead to one target, so
// that no header of the registry's own is refused as ambiguous.
func TestNoHeaderIsAmbiguous(t *testing.T) {
	for kind, keys := range headerKeys() {
		for w, targets := range keys {
			if len(targets) > 1 {
				t.Errorf("%s: %q names %d targets", kind, w, len(targets))
			}
		}
	}
}

func TestCode(t *testing.T) {
	tests := []struct {
		kind, column, label string
		custom              map[string]string
		want                string
	}{
		{"sejours_inscriptions", "statut", "Présent(e)", nil, "present"},
		{"sejours_inscriptions", "statut", "Désisté(e)", nil, "desiste"},
		{"sejours_inscriptions", "statut", "Présente", nil, "present"},
		{"sejours_inscriptions", "statut", "En liste d'attente", nil, "liste_attente"},
		{"formation_inscriptions", "statut", "Inscrit", nil, "inscrite"},
		{"formation_inscriptions", "statut", "Désisté·e", nil, "desistee"},
		{"am_registre", "statut", "En activité", nil, "active"},
		{"am_registre", "statut", "Cessation d'activité", nil, "cessation"},
		{"am_registre", "statut", "Suspendu", nil, "suspendue"},
		{"acm_presences", "plage", "Accueil du matin", nil, "matin"},
		{"acm_presences", "plage", "Journée", nil, "journee"},
		{"eaje_presences", "regime", "Régime général", nil, "general"},
		{"eaje_presences", "regime", "CAF", nil, "general"},
		{"eaje_presences", "regime", "SNCF", nil, ""},
		{"eaje_presences", "regime", "SNCF", map[string]string{"sncf": "autre"}, "autre"},
		{"rpe_contacts", "public", "Parents", nil, "parent"},
		{"rpe_contacts", "canal", "Téléphone", nil, "telephone"},
		{"formation_sessions", "modalite", "À distance", nil, "distanciel"},
	}
	for _, tt := range tests {
		k, _ := Lookup(tt.kind)
		c, _ := k.Column(tt.column)
		got, _ := c.Code(tt.label, tt.custom)
		if got != tt.want {
			t.Errorf("%s.%s: %q is %q, want %q", tt.kind, tt.column, tt.label, got, tt.want)
		}
	}
}

// TestLabels: every label is written as [Words] and leads to a value of its list, and no two
// values of a list compare alike up to a final e or s.
func TestLabels(t *testing.T) {
	for _, k := range Kinds {
		for _, c := range k.Columns {
			stems := map[string]string{}
			for _, v := range c.Values {
				if other, dup := stems[stem(Words(v))]; dup {
					t.Errorf("%s.%s: %s and %s compare alike", k.Name, c.Name, v, other)
				}
				stems[stem(Words(v))] = v
			}
			for l, code := range c.Labels {
				if Words(l) != l || !slices.Contains(c.Values, code) {
					t.Errorf("%s.%s: label %q → %q", k.Name, c.Name, l, code)
				}
				if v, ok := stems[stem(l)]; ok && v != code {
					t.Errorf("%s.%s: label %q → %q compares alike with %s", k.Name, c.Name, l, code, v)
				}
			}
		}
	}
}

// TestRules: references, day bounds and identities name kinds and columns that exist.
func TestRules(t *testing.T) {
	for _, k := range Kinds {
		for _, c := range k.Columns {
			for _, ref := range []string{c.Ref, c.DayOf} {
				if _, ok := Lookup(ref); ref != "" && (!ok || ref == k.Name) {
					t.Errorf("%s.%s: refers to %q", k.Name, c.Name, ref)
				}
			}
			if len(c.Given) > 0 && c.Type != Person {
				t.Errorf("%s.%s: given names on a %s", k.Name, c.Name, c.Type)
			}
		}
		for i, name := range k.Identity {
			c, ok := k.Column(name)
			if !ok || (i == 0 && c.Type != Person) || (i == 1 && c.Type != Month) || i > 1 {
				t.Errorf("%s: identity %v", k.Name, k.Identity)
			}
		}
		for _, c := range k.Columns {
			if c.Type == Person && (len(k.Identity) == 0 || k.Identity[0] != c.Name) {
				t.Errorf("%s.%s: a person column outside the identity", k.Name, c.Name)
			}
		}
	}
	order := LoadOrder()
	for _, k := range Kinds {
		for _, c := range k.Columns {
			for _, ref := range []string{c.Ref, c.DayOf} {
				if ref != "" && !slices.Contains(order, ref) {
					t.Errorf("%s.%s: %s is not loaded first", k.Name, c.Name, ref)
				}
			}
		}
	}
	for i, kind := range order {
		k, _ := Lookup(kind)
		for _, c := range k.Columns {
			if c.Ref != "" && slices.Index(order, c.Ref) > i {
				t.Errorf("%s is loaded before %s, which it refers to", kind, c.Ref)
			}
		}
	}
}

// TestStemsNameOneCode: Column.Code tries the labels in map order up to a final e or s, so no two
// of a column's values and labels may stem alike and stand for two codes.
func TestStemsNameOneCode(t *testing.T) {
	for _, k := range Kinds {
		for _, c := range k.Columns {
			seen := map[string]string{}
			add := func(w, code string) {
				s := stem(w)
				if other, ok := seen[s]; ok && other != code {
					t.Errorf("%s.%s: %q stems to %q, which stands for %s and %s", k.Name, c.Name, w, s, other, code)
				}
				seen[s] = code
			}
			for _, v := range c.Values {
				add(Words(v), v)
			}
			for l, v := range c.Labels {
				add(l, v)
			}
		}
	}
}

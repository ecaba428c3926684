package demo

import (
	"hash/fnv"
	"math/rand/v2"
)

// Plausible French first and last names, for invented children, young people and AM. The
// warehouse never keeps them: the ingest replaces them with pseudonyms.
var (
	girls = []string{"Emma", "Jade", "Louise", "Alice", "Chloé", "Lina", "Léa", "Rose", "Anna", "Mila",
		"Inès", "Ambre", "Julia", "Mia", "Léna", "Manon", "Juliette", "Lou", "Zoé", "Camille", "Agathe",
		"Romane", "Éva", "Lucie", "Clémence", "Margaux", "Céleste", "Noémie", "Maëlys", "Héloïse"}
	boys = []string{"Gabriel", "Léo", "Raphaël", "Arthur", "Louis", "Lucas", "Adam", "Jules", "Hugo",
		"Maël", "Liam", "Noah", "Paul", "Ethan", "Tiago", "Sacha", "Gabin", "Nathan", "Mohamed",
		"Aaron", "Tom", "Théo", "Noé", "Mathis", "Timéo", "Axel", "Victor", "Martin", "Léon", "Évan"}
	women = []string{"Sylvie", "Nathalie", "Isabelle", "Sandrine", "Valérie", "Stéphanie", "Véronique",
		"Christine", "Catherine", "Céline", "Sophie", "Karine", "Virginie", "Aurélie", "Laëtitia",
		"Émilie", "Delphine", "Corinne", "Martine", "Françoise", "Béatrice", "Hélène", "Mélanie",
		"Audrey", "Élodie", "Séverine", "Patricia", "Brigitte", "Fabienne", "Marie-José"}
	surnames = []string{"MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT",
		"DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID",
		"BERTRAND", "ROUX", "VINCENT", "FOURNIER", "DEVOS", "VANDENBUSSCHE", "DEBAECKER", "VERHAEGHE",
		"DECLERCK", "LEMAIRE", "DEWAELE", "VANHOUTTE", "DEBUSSCHE", "WAELES", "GHEERAERT", "BEELE",
		"DEHAENE", "VERMERSCH", "CAPPELAERE", "DEBRUYNE", "LHERMITTE", "DUHAMEL", "CARON", "FAVIER",
		"D'HONDT", "NOËL", "LEFÈVRE", "BRUNEEL", "GODEFROY", "HOCHART", "PRUVOST", "DECOOL", "LEBLEU",
		"CŒUR"}
)

// person is an invented first and last name.
func person(r *rand.Rand, firstNames []string) string {
	return pick(r, firstNames) + " " + pick(r, surnames)
}

func child(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return person(r, girls)
	}
	return person(r, boys)
}

func pick[T any](r *rand.Rand, from []T) T { return from[r.IntN(len(from))] }

// source is a random source of its own for each part of the territory, so that one part's
// draws never shift another's: adding a kind leaves the others byte for byte the same.
func source(seed uint64, part string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(part))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between draws a whole number in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// PossibleNames lists every name the demo can give a person, for the audits that check no name
// reaches an output.
func PossibleNames() []string {
	var out []string
	for _, firsts := range [][]string{girls, boys, women} {
		for _, f := range firsts {
			for _, s := range surnames {
				out = append(out, f+" "+s)
			}
		}
	}
	return out
}

package demo

import (
	"fmt"
	"time"
)

// The séjours of the last year: 200 places, as the seed says. Earlier years open fewer.
var seedSejours = []struct {
	title, place string
	month        time.Month
	day, nights  int
	places       int
	ageMin       int
}{
	{"Séjour ski", "Les Contamines-Montjoie", time.February, 23, 6, 24, 12},
	{"Séjour mer et voile", "Wissant", time.July, 7, 5, 32, 11},
	{"Séjour nature et kayak", "Les Andelys", time.July, 14, 5, 24, 11},
	{"Séjour découverte de Paris", "Paris", time.July, 21, 4, 16, 13},
	{"Séjour équitation", "Berck", time.July, 28, 5, 24, 11},
	{"Séjour sports de montagne", "Saint-Jean-d'Aulps", time.August, 4, 6, 32, 13},
	{"Séjour itinérant à vélo", "Baie de Somme", time.August, 11, 5, 24, 14},
	{"Séjour culture et cinéma", "Lille", time.August, 18, 3, 24, 12},
}

// sejoursOpened is how many of the séjours above open in a year, the last year opening them all;
// 2020 opened two, under the health rules.
func sejoursOpened(y, last int) int {
	if y == 2020 {
		return 2
	}
	return max(len(seedSejours)-(last-y), 4)
}

// sejours writes the year's séjours and registrations: most places taken, some withdrawals and a
// waiting list on the full ones.
func (g *generator) sejours() error {
	for y := g.o.From; y <= g.o.To; y++ {
		r := g.rand(fmt.Sprintf("sejours-%d", y))
		s, ins := newTable("sejours"), newTable("sejours_inscriptions")
		for i, sj := range seedSejours[:sejoursOpened(y, g.o.To)] {
			code := fmt.Sprintf("%sSEJ-%d-%02d", g.t.prefix, y, i+1)
			start := date(y, sj.month, sj.day)
			s.add(code, sj.title, start, start.AddDate(0, 0, sj.nights), sj.place, sj.places, sj.ageMin, 17)
			present := sj.places - between(r, 0, sj.places/6)
			for n := range present + between(r, 0, 3) + between(r, 0, 4) {
				status := "present"
				switch {
				case n >= present+2:
					status = "liste_attente"
				case n >= present:
					status = "desiste"
				}
				birth := date(y-between(r, sj.ageMin, 17), time.Month(between(r, 1, 12)), between(r, 1, 28))
				ins.add(code, child(r), birth, g.t.weightedCommune(r, y), status)
			}
		}
		if err := g.out.csv(g.path("jeunesse", fmt.Sprintf("sejours_%d.csv", y)), s, webExport); err != nil {
			return err
		}
		if err := g.write(g.path("jeunesse", fmt.Sprintf("sejours_inscriptions_%d.csv", y)), ins, webExport); err != nil {
			return err
		}
	}
	return nil
}

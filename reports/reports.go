package reports

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"

	"github.com/johnfercher/maroto/v2/pkg/core"

	"enfance/internal/marts"
	"enfance/internal/outfile"
)

// Document is a report made in memory: its file name under the reports folder, its bytes and its
// page count.
type Document struct {
	Name  string
	Bytes []byte
	Pages int
}

// maker makes one document, saved under name.
type maker struct {
	name string
	make func() (core.Maroto, error)
}

// Generate makes every report of a year in memory from the marts; year 0 means the warehouse's
// reference year.
func Generate(b *marts.Bundle, year int) ([]Document, error) {
	year = b.ReportYear(year)
	end := b.DataEnd(year)
	meta := func(sources string) Meta { return Meta{Infos: b.InfosEntrepot, Sources: sources, Arretees: end} }
	y := strconv.Itoa(year)
	makers := []maker{
		{"communes.pdf", func() (core.Maroto, error) {
			return Communes(Meta{Infos: b.InfosEntrepot, Sources: CommunesSources}, b.DimCommune, b.PopulationTerritoire)
		}},
		{"brief-elus-" + y + ".pdf", func() (core.Maroto, error) { return Brief(meta(BriefSources), b, year) }},
		{"bilan-caf-" + y + ".pdf", func() (core.Maroto, error) { return Bilan(meta(BilanSources), b, year) }},
	}
	if first := firstYear(b, year); first < year {
		makers = append(makers, maker{"evaluation-ctg-" + strconv.Itoa(first) + "-" + y + ".pdf",
			func() (core.Maroto, error) { return CTG(meta(CTGSources), b, first, year) }})
	}
	for _, c := range b.DimCommune {
		makers = append(makers, maker{"communes/fiche-" + c.Insee + "-" + y + ".pdf",
			func() (core.Maroto, error) { return Fiche(meta(FicheSources), b, c, year) }})
	}
	// Documents are made on one worker per core; each fills its own slot, so the order stays.
	docs := make([]Document, len(makers))
	errs := make([]error, len(makers))
	sem := make(chan struct{}, runtime.NumCPU())
	var wg sync.WaitGroup
	for i, mk := range makers {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			docs[i], errs[i] = makeDocument(mk.name, mk.make)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	xlsx, err := Workbook(b, year)
	if err != nil {
		return nil, fmt.Errorf("rapports : indicateurs-%d.xlsx : %w", year, err)
	}
	docs = append(docs, Document{Name: "indicateurs-" + y + ".xlsx", Bytes: xlsx})
	rejects, any, err := RejectsWorkbook(b, year)
	if err != nil {
		return nil, fmt.Errorf("rapports : rejets-%d.xlsx : %w", year, err)
	}
	if any {
		docs = append(docs, Document{Name: "rejets-" + y + ".xlsx", Bytes: rejects})
	}
	return docs, nil
}

// firstYear is the first year of the key indicators: the CTG evaluation's baseline.
func firstYear(b *marts.Bundle, year int) int {
	if years := b.IndicatorYears(); len(years) > 0 {
		return min(years[0], year)
	}
	return year
}

func makeDocument(name string, build func() (core.Maroto, error)) (Document, error) {
	m, err := build()
	if err != nil {
		return Document{}, fmt.Errorf("rapports : %s : %w", name, err)
	}
	doc, err := m.Generate()
	if err != nil {
		return Document{}, fmt.Errorf("rapports : %s : %w", name, err)
	}
	return made(name, doc.GetBytes()), nil
}

func made(name string, pdf []byte) Document {
	pages := bytes.Count(pdf, []byte("/Type /Page")) - bytes.Count(pdf, []byte("/Type /Pages"))
	return Document{Name: name, Bytes: pdf, Pages: pages}
}

// WriteAll makes every report of a year (0: the warehouse's reference year) and writes it into
// dir, returning the paths written.
func WriteAll(b *marts.Bundle, dir string, year int) ([]string, error) {
	docs, err := Generate(b, year)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, d := range docs {
		if !filepath.IsLocal(d.Name) { // names come from codes of the data: never let one leave dir
			return nil, fmt.Errorf("rapports : nom de fichier refusé %q", d.Name)
		}
		path := filepath.Join(dir, d.Name)
		if err := outfile.Write(path, d.Bytes); err != nil {
			return nil, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

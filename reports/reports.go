package reports

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"

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

// Generate reads the marts and makes every report in memory.
func Generate(ctx context.Context, r *marts.Reader) ([]Document, error) {
	infos, err := r.Infos(ctx)
	if err != nil {
		return nil, err
	}
	communes, err := r.Communes(ctx)
	if err != nil {
		return nil, err
	}
	years, err := r.PopulationTerritoire(ctx)
	if err != nil {
		return nil, err
	}
	m, err := Communes(Meta{Infos: infos, Sources: CommunesSources}, communes, years)
	if err != nil {
		return nil, fmt.Errorf("reports: communes: %w", err)
	}
	doc, err := m.Generate()
	if err != nil {
		return nil, fmt.Errorf("reports: communes: %w", err)
	}
	return []Document{made("communes.pdf", doc.GetBytes())}, nil
}

func made(name string, pdf []byte) Document {
	pages := bytes.Count(pdf, []byte("/Type /Page")) - bytes.Count(pdf, []byte("/Type /Pages"))
	return Document{Name: name, Bytes: pdf, Pages: pages}
}

// WriteAll makes every report and writes it into dir, returning the paths written.
func WriteAll(ctx context.Context, r *marts.Reader, dir string) ([]string, error) {
	docs, err := Generate(ctx, r)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, d := range docs {
		path := filepath.Join(dir, d.Name)
		if err := outfile.Write(path, d.Bytes); err != nil {
			return nil, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

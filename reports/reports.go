package reports

import (
	"context"
	"fmt"
	"path/filepath"

	"enfance/internal/marts"
	"enfance/internal/outfile"
)

// WriteAll reads the marts and writes every report into dir, returning the paths written.
func WriteAll(ctx context.Context, r *marts.Reader, dir string) ([]string, error) {
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
	path := filepath.Join(dir, "communes.pdf")
	if err := outfile.Write(path, doc.GetBytes()); err != nil {
		return nil, err
	}
	return []string{path}, nil
}

package ingest

import (
	"context"
	"database/sql/driver"
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/jszwec/csvutil"
)

// CNAFCoverageFile is the CNAF's taux de couverture of the EPCI and its neighbours, optional in
// a reference folder (see data/reference/README.md: a secondary source, to verify).
const CNAFCoverageFile = "cnaf_couverture_epci_2023.csv"

var sirenPattern = regexp.MustCompile(`^[0-9]{9}$`)

// cnafRow is a row of the CNAF coverage file, in places for 100 children under 3.
type cnafRow struct {
	Siren  string `csv:"epci_siren"`
	Nom    string `csv:"epci_name"`
	Annee  count  `csv:"year"`
	Global string `csv:"txcouv_global"`
	EAJE   string `csv:"txcouv_eaje"`
	AM     string `csv:"txcouv_am_ind"`
	Statut string `csv:"status"`
}

// cnafCoverage loads the CNAF coverage file when the reference folder has it.
func (l *Loader) cnafCoverage(ctx context.Context, fsys fs.FS, root string) error {
	if _, err := fs.Stat(fsys, CNAFCoverageFile); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	_, err := l.load(ctx, fsys, root, CNAFCoverageFile, "reference_cnaf_couverture", func(f *file) error { return f.cnaf() })
	return err
}

// cnaf reads the CNAF coverage file: one row per EPCI and year.
func (f *file) cnaf() error {
	return eachRow(f, func(row cnafRow, dec *csvutil.Decoder, line int) error {
		field := func(name string) int { return slices.Index(dec.Header(), name) + 1 }
		if !sirenPattern.MatchString(strings.TrimSpace(row.Siren)) {
			return f.errorf(line, field("epci_siren"), "epci_siren", "« %s » n'est pas un SIREN d'EPCI (9 chiffres)", row.Siren)
		}
		rates := make([]driver.Value, 3)
		for i, c := range []struct{ name, value string }{{"txcouv_global", row.Global}, {"txcouv_eaje", row.EAJE}, {"txcouv_am_ind", row.AM}} {
			v := strings.TrimSpace(c.value)
			if v == "" {
				continue
			}
			x, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
			if err != nil || x < 0 {
				return f.errorf(line, field(c.name), c.name, "« %s » n'est pas un taux de couverture (places pour 100 enfants)", v)
			}
			rates[i] = x
		}
		f.rows++
		f.out["reference_cnaf_couverture"] = append(f.out["reference_cnaf_couverture"], []driver.Value{
			strings.TrimSpace(row.Siren), row.Nom, int32(row.Annee), rates[0], rates[1], rates[2], row.Statut,
			f.name, int32(line), int32(f.id),
		})
		return nil
	})
}

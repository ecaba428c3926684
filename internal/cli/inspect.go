package cli

import (
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"enfance/ingest"
	"enfance/internal/config"
	"enfance/internal/warehouse"
)

func (a *app) inspectCommand() *cobra.Command {
	var tomlOnly bool
	cmd := &cobra.Command{
		Use:   "inspect FICHIER…",
		Short: "Dire ce que le chargement comprend d'exports, et la correspondance qui les ferait charger",
		Long: "inspect lit chaque fichier comme le chargement le ferait, sans rien charger : le type d'export reconnu et\n" +
			"pourquoi, chaque en-tête et la colonne qu'il désigne, les valeurs qui seraient rejetées et leurs raisons,\n" +
			"puis un bloc [colonnes.…] et [valeurs.…] à ajouter au fichier du territoire pour que le fichier se charge.\n" +
			"Les codes de structure et d'antenne sont vérifiés contre le dossier des exports (--data).",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("« enfance inspect » prend au moins un fichier")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ins, err := a.inspect(cmd, args)
			if err != nil {
				return err
			}
			block := mappingTOML(ins)
			if tomlOnly {
				a.printf("%s", block)
				return nil
			}
			for _, in := range ins {
				a.printInspection(in)
			}
			a.printf("\n# Bloc à ajouter au fichier du territoire (enfance run --config FICHIER) :\n%s", block)
			return nil
		},
	}
	cmd.Flags().BoolVar(&tomlOnly, "toml", false, "n'écrire que le bloc du fichier du territoire (TOML)")
	return cmd
}

// inspect reads the files in a warehouse in memory, with the reference data and, when the
// exports folder exists, the kinds other rows are checked against.
func (a *app) inspect(cmd *cobra.Command, files []string) ([]ingest.Inspection, error) {
	ctx := cmd.Context()
	db, err := warehouse.OpenMemory()
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if err := warehouse.CreateSchemas(ctx, db); err != nil {
		return nil, err
	}
	// The files inspect reads to check codes are not what it was asked about: their loads are
	// told only with --verbose.
	logger := a.logger
	if !a.verbose {
		logger = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: slog.LevelWarn, ReplaceAttr: frenchLog(false)}))
	}
	loader, err := ingest.New(ctx, db, logger)
	if err != nil {
		return nil, err
	}
	fsys, root := a.reference()
	if err := loader.Reference(ctx, fsys, root, a.cfg.Territoire.SirenEPCI); err != nil {
		return nil, err
	}
	o := ingest.Options{Columns: a.cfg.Colonnes, Values: a.cfg.Valeurs, Today: a.now(), Workers: 1}
	if info, err := os.Stat(a.cfg.Chemins.Donnees); err == nil && info.IsDir() {
		o.Dir = a.cfg.Chemins.Donnees
	} else {
		a.printf("(dossier des exports %s absent : les codes de structure et d'antenne ne sont pas vérifiés)\n", a.cfg.Chemins.Donnees)
	}
	return loader.Inspect(ctx, o, files)
}

func (a *app) printInspection(in ingest.Inspection) {
	a.printf("\n%s\n", in.Path)
	if in.Kind != "" {
		a.printf("  type : %s (reconnu par %s)", in.Kind, in.KindBy)
		if in.Format != "" {
			a.printf(", %s", in.Format)
		}
		a.printf("\n")
	}
	for _, w := range in.Warnings {
		a.printf("  avertissement : %s\n", w)
	}
	if len(in.Headers) > 0 {
		a.printf("  colonnes :\n")
	}
	for _, h := range in.Headers {
		target := h.Column
		switch {
		case h.Problem != "":
			target = "(" + h.Problem + ")"
		case target == "":
			target = "(aucune : ignorée)"
		case h.Proposed:
			target += "  (proposée, à vérifier)"
		}
		samples := ""
		if len(h.Samples) > 0 {
			samples = "  [" + strings.Join(h.Samples, " · ") + "]"
		}
		a.printf("    « %s » → %s%s\n", h.Header, target, samples)
	}
	if in.Refused != "" {
		a.printf("  refusé : %s\n", in.Refused)
		return
	}
	a.printf("  lignes : %d lues, %d se chargeraient avec le bloc proposé, %d rejetées\n", in.Read, in.Loaded, in.Read-in.Loaded)
	if in.Unmapped > 0 {
		a.printf("  %d valeur(s) rejetée(s) sans valeur proche à proposer : déclarez-les à la main dans [valeurs.%s.<colonne>]\n", in.Unmapped, in.Kind)
	}
	for _, f := range in.Faults {
		column := f.Column
		if column == "" {
			column = "(ligne entière)"
		}
		a.printf("  %s — %s : %d ligne(s)\n", column, f.Code, f.Lines)
		for _, e := range f.Examples {
			a.printf("      %s\n", e)
		}
	}
}

// mappingTOML is the block of the territory file that the inspections propose, merged: valid
// TOML that enfance run --config takes as it is. A header or a value two files map differently
// keeps the first file's.
func mappingTOML(ins []ingest.Inspection) string {
	columns := map[string]map[string]string{}
	values := map[string]map[string]map[string]string{}
	for _, in := range ins {
		for h, c := range in.Columns {
			setDefault(columns, in.Kind, h, c)
		}
		for col, m := range in.Values {
			if values[in.Kind] == nil {
				values[in.Kind] = map[string]map[string]string{}
			}
			for v, code := range m {
				setDefault(values[in.Kind], col, v, code)
			}
		}
	}
	var b strings.Builder
	if len(columns) == 0 && len(values) == 0 {
		if n := incomplete(ins); n > 0 {
			return fmt.Sprintf("# aucune correspondance à proposer, mais %d fichier(s) ne se chargeraient pas en entier : voyez leurs refus et leurs rejets\n", n)
		}
		return "# rien à ajouter : les fichiers se chargent tels quels\n"
	}
	b.WriteString("# Proposé par enfance inspect : vérifiez chaque ligne avant de l'ajouter.\n")
	for _, kind := range slices.Sorted(maps.Keys(columns)) {
		fmt.Fprintf(&b, "\n[colonnes.%s]\n", kind)
		writePairs(&b, columns[kind])
	}
	for _, kind := range slices.Sorted(maps.Keys(values)) {
		for _, col := range slices.Sorted(maps.Keys(values[kind])) {
			fmt.Fprintf(&b, "\n[valeurs.%s.%s]\n", kind, col)
			writePairs(&b, values[kind][col])
		}
	}
	return b.String()
}

// incomplete counts the files that would be refused, or would lose rows, even with the block.
func incomplete(ins []ingest.Inspection) int {
	n := 0
	for _, in := range ins {
		if in.Refused != "" || in.Loaded < in.Read {
			n++
		}
	}
	return n
}

func setDefault(m map[string]map[string]string, outer, key, value string) {
	if m[outer] == nil {
		m[outer] = map[string]string{}
	}
	if _, ok := m[outer][key]; !ok {
		m[outer][key] = value
	}
}

func writePairs(b *strings.Builder, m map[string]string) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(b, "%s = %s\n", config.Quote(k), config.Quote(m[k]))
	}
}

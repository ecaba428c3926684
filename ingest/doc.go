// Package ingest loads files into the raw layer of the warehouse: the territory's reference data
// (communes, legal populations, boundaries) and every export of the folder, through the export
// registry (internal/exports).
//
// Each file is recognised by its name or header, decoded as its bytes say whatever its extension
// (CSV or TSV in UTF-8, Windows-1252 or UTF-16 with any separator or Excel's « sep=; » line, XLSX,
// an HTML table saved as « .xls », each with its header under any title block; Excel 97-2003,
// OpenDocument and XML 2003 workbooks are refused with the action that converts them), and each
// row checked and typed against the registry,
// bounds included (a value out of the plausible bounds of its column is rejected); a row that
// cannot be taken goes to raw.rejets with its file, line and French reason, one row per failing
// column, and a file that cannot be read at all is refused with one message ([InputError] for the
// reference files). Copies count once; a newer export replaces an older one only for the same
// structure and period (the name's, else the months of its rows); a row whose key another file
// of the kind already loaded is a duplicate, the file first in path order keeping it whatever
// the workers' timing (the ledger). Persons become keyed pseudonyms, every loaded row carries its
// lineage (_fichier, _ligne, _chargement) and every file gets one row in raw.chargements, where
// read = loaded + rejected, in lines.
//
// It reads the files it is given and writes only raw.*. It imports internal/warehouse and
// internal/exports, never transform, reports or dashboards.
package ingest

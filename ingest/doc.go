// Package ingest loads files into the raw layer of the warehouse: the territory's reference data
// (communes, legal populations, boundaries) and every export of the folder, through the export
// registry (internal/exports).
//
// Each file is recognised by its name or header, decoded (UTF-8 or Windows-1252 CSV with any
// separator, XLSX under a title block), and each row checked and typed; a row that cannot be
// taken goes to raw.rejets with its file, line, column, value and French reason, and a file that
// cannot be read at all is refused with one message ([InputError] for the reference files). Copies
// count once, newer exports replace older ones, persons become keyed pseudonyms, every loaded row
// carries its lineage (_fichier, _ligne, _chargement) and every file gets one row in
// raw.chargements, where read = loaded + rejected.
//
// It reads the files it is given and writes only raw.*. It imports internal/warehouse and
// internal/exports, never transform, reports or dashboards.
package ingest

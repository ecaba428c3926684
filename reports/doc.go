// Package reports builds the PDF reports with maroto: pure functions from mart rows to a
// document, and [WriteAll], which saves every report of a year under a folder from marts read once.
//
// Every page carries the territory, the title, the sources, the date of the data and « page X
// sur Y », in an embedded DejaVu font so that every accent prints on every reader. The package
// reads the marts only, through internal/marts (a read-only connection); it must not import
// internal/warehouse, ingest or transform, and writes only inside the folder it is given.
package reports

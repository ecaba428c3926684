// Package demo writes the exports of the demo territory: the 18 structures of the Communauté de
// Communes des Hauts de Flandre, on its real communes and populations, for every year asked, in
// the formats their software really writes (Windows-1252 CSV with semicolons and decimal commas,
// UTF-8 CSV with a BOM, an XLSX register under a title block).
//
// Children, young people and AM are invented; structure names other than the seed's are
// invented; every file is listed with its hash in demo-manifeste.json, which marks it as
// demonstration data. The same seed gives the same bytes.
//
// It reads the embedded reference data (package data) and the export registry
// (internal/exports), writes only inside the folder it is given, and imports nothing else of
// this module.
package demo

// Package ingest loads files into the raw layer of the warehouse.
//
// Today it loads the territory's reference data (communes, legal populations, boundaries); the
// exports of the structures come with the export registry. Every loaded row carries its lineage
// (_fichier, _ligne, _chargement), every file gets one row in raw.chargements, and an input that
// cannot be taken is reported as an [InputError] naming its file, line and column in French.
//
// It reads the files it is given and writes only raw.*. It imports internal/warehouse, never
// transform, reports or dashboards.
package ingest

// Package transform builds the staging and marts layers of the warehouse from its raw layer.
//
// A model is one embedded SQL file, models/<layer>/<name>.sql, holding one SELECT; its path names
// the relation it builds (staging views, marts tables). A comment header declares what the model
// reads, its key and the French description of the model and of each column, which become
// COMMENT ON. [Load] parses and checks every file, refusing misnamed files, DDL, undeclared or
// unknown dependencies and cycles with errors that name the file and line; [Project.Run] runs the
// models in a deterministic dependency order; [Project.Check] runs the data tests (tests/*.sql,
// each a SELECT returning offending rows, plus the unique and not-null tests of every key).
// Every mart keeps the analysts' contract (contract.go: names, types, the parts of each rate) or
// does not build. Once the tests pass, [Project.Constrain] declares each mart's key, and
// [Project.Catalogue] and [Project.Publics] write marts.catalogue and the schema publics, the marts
// with the statistical secrecy their column descriptions declare applied.
//
// It reads raw.* and staging.*, writes staging.*, marts.* and publics.*, and imports only
// internal/warehouse: never ingest, reports or dashboards.
package transform

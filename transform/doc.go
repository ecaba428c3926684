// Package transform builds the staging and marts layers of the warehouse from its raw layer.
//
// A model is one embedded SQL file, models/<layer>/<name>.sql, holding one SELECT; its path names
// the relation it builds (staging views, marts tables). A comment header declares what the model
// reads, its key and the French description of the model and of each column, which become
// COMMENT ON. [Load] parses and checks every file, refusing misnamed files, DDL, undeclared or
// unknown dependencies and cycles with errors that name the file and line; [Project.Run] runs the
// models in a deterministic dependency order; [Project.Check] runs the data tests (tests/*.sql,
// each a SELECT returning offending rows, plus the unique and not-null tests of every key).
//
// It reads raw.* and staging.*, writes staging.* and marts.*, and imports only
// internal/warehouse: never ingest, reports or dashboards.
package transform

// Package exports is the one registry of export kinds: for every kind of file the structures'
// software writes, its file prefix, its grain and its columns with their French names, aliases,
// types, required flags and allowed values.
//
// The demo writer (data/demo) writes files from it and the ingest reads them through it, so the
// two cannot drift; docs/exports.md is generated from it ([Markdown]). The package holds data and
// pure functions only: it reads and writes nothing and imports nothing of this module.
package exports

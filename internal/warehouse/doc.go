// Package warehouse opens the DuckDB file of a run and publishes it.
//
// A run builds a new file beside the published one ([Build]), fills it, then [Builder.Publish]
// checkpoints it, closes it and renames it over the published path, so readers never see half a
// run and a failed run leaves the last good warehouse in place. Consumers open the published file
// with [OpenReadOnly]. Every connection has extension autoinstall and autoload turned off: only
// the extensions linked into the binary can load, and nothing reaches the network.
//
// The package knows no business table: it creates the schemas raw, staging and marts and offers
// quoting helpers for the identifiers other packages take from their registries. It reads and
// writes only the files it is given, and imports nothing of this module.
package warehouse

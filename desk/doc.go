// Package desk is the cheffe de service's desk: a web page served on the loopback by
// « enfance serve », in French, to drop exports, run the pipeline, see the problems, map the
// columns of a refused file and get the documents.
//
// It reads the exports folder, the outputs folder (the published warehouse through
// internal/marts, read-only, and the documents) and the territory file; it writes only files
// dropped into the exports folder and the [colonnes] section of the territory file. It never
// runs the pipeline or inspects a file itself: internal/cli gives it those as functions
// ([Options].Run and [Options].Inspect), so that the desk runs exactly what « enfance run » runs,
// under the same lock. It must not import internal/cli, transform, reports or dashboards.
//
// Every page is a html/template with its assets embedded: no external URL, no framework, a
// Content-Security-Policy allowing only 'self'. Every request carries the session's token, its
// Host must be the loopback address the desk listens on, and every POST comes from the desk's
// own origin with the session's CSRF field.
package desk

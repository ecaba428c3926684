// Package dashboards builds the self-contained HTML dashboard with go-echarts: pure functions
// from mart rows to charts, and [WriteAll], which writes the page from marts read once.
//
// ECharts is embedded in the binary at build time (assets/, from the npm package pinned by the
// lock file) and inlined once into the page, so the file opens offline and requests nothing from
// any host. Chart ids are fixed, so the same marts give the same bytes. The package reads the
// marts only, through internal/marts; it must not import internal/warehouse, ingest or transform,
// and writes only inside the folder it is given.
package dashboards

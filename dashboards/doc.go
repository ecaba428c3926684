// Package dashboards builds the self-contained HTML dashboard with go-echarts: pure functions
// from mart rows to charts, and [WriteAll], which writes the page from marts read once.
//
// ECharts is embedded in the binary at build time (assets/, from the npm package pinned by the
// lock file) and inlined once into the page, so the file opens offline and requests nothing from
// any host. Chart ids are fixed, so the same marts give the same bytes. The package reads the
// marts only, through internal/marts; it must not import internal/warehouse, ingest or transform,
// and writes only inside the folder it is given.
//
// Texts of the marts come from exports and are treated as hostile: they reach the page as data
// only. Every chart's options and the boundaries form one JSON document, written by encoding/json
// (which escapes <, >, & and U+2028/U+2029), in a <script type="application/json"> block that the
// browser never runs. The page's own script, page.js, is fixed text: it parses that block, then
// replaces a "formatter" whose value is exactly one of the names of its table FORMATS (the
// constants of charts.go, such as "enfance:pct-axis") by that function. No other string becomes
// a function, and no text is ever placed inside code. Tooltips are HTML for ECharts, so their
// functions escape every text with enfance.html; axis and cell labels are drawn as text.
//
// A Content-Security-Policy, first in <head>, allows only the page's two inline scripts, ECharts
// and page.js, by the SHA-256 of their text, inline styles, and nothing from any host. Both
// scripts are hashed as the browser reads them (line ends as LF) and refused if they hold
// </script or <!--. The policy is a second wall: escaping alone keeps the texts inert.
package dashboards

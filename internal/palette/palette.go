// Package palette holds the colours shared by the PDF reports and the HTML dashboards, so that a
// series has the same colour on paper and on screen. It imports nothing.
package palette

// Series are the colours of chart series, in order. The first is the territory's main colour.
var Series = []string{"#1f5f8b", "#e07b39", "#3a9d5d", "#c4455a", "#7d5ba6", "#d4a72c", "#4aa3b5", "#8c6d46"}

// Text, Muted and Rule are the colours of body text, secondary text and separators.
const (
	Text  = "#222222"
	Muted = "#666666"
	Rule  = "#1f5f8b"
	Zebra = "#eef3f7" // background of every other table row
)

// Coverage is the colour scale of places per 100 children, from none to CoverageTop and beyond,
// on the PDF map and the dashboard's; NoValue fills a commune without a figure.
var Coverage = []string{"#fbe3d4", Series[1], Series[0]}

// CoverageTop is the top of the coverage scale, in places per 100 children.
const CoverageTop = 150

// NoValue is the colour of an area without a figure.
const NoValue = "#d9d9d9"

// RGB splits a "#rrggbb" colour into its components.
func RGB(hex string) (r, g, b int) {
	v := 0
	for _, c := range hex[1:] {
		v <<= 4
		switch {
		case c >= '0' && c <= '9':
			v |= int(c - '0')
		case c >= 'a' && c <= 'f':
			v |= int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			v |= int(c-'A') + 10
		}
	}
	return v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff
}

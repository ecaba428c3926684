package config

import (
	"fmt"
	"strings"
)

// Quote writes a text as a TOML basic string for the territory file: quotes, backslashes and
// control characters escaped, every other character as it is. enfance inspect and the desk write
// the headers and values of exports with it, so that no text of a file can end its string.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Package data holds the reference data shipped with the binary: the communes of the Communauté
// de Communes des Hauts de Flandre, their legal populations and their boundaries (see
// reference/README.md for sources and licences). A territory file may point to another folder of
// the same shape. The package only embeds files; it reads and writes nothing at run time and
// imports nothing of this module.
package data

import (
	"embed"
	"io/fs"
)

//go:embed reference
var reference embed.FS

// Reference is the embedded reference folder: communes.csv, communes.geojson and their README.
func Reference() fs.FS {
	sub, err := fs.Sub(reference, "reference")
	if err != nil {
		panic(err) // the folder is embedded above: it cannot be missing
	}
	return sub
}

package transform

import "embed"

// Files holds the project's models and data tests.
//
//go:embed models tests
var Files embed.FS

// DisplayRoot is the folder the embedded files live in, for error messages.
const DisplayRoot = "transform"

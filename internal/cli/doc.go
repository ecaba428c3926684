// Package cli is the enfance command line: the cobra command tree, flags and the territory file
// turned into a [config.Config], the slog logger on stderr, and one call into the stage packages
// per command. It is the only package that writes to stdout and knows exit codes: 0 ok,
// 1 failure, 2 usage, 3 data rejected under --strict.
//
// It may import every package of the module; nothing may import it.
package cli

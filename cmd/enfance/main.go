// Command enfance turns the exports of a territory's childhood and youth structures into a DuckDB
// warehouse, PDF reports and an offline HTML dashboard.
package main

import (
	"context"
	"os"

	"enfance/internal/cli"
	_ "enfance/internal/winlink" // completes the Windows link; nothing elsewhere
)

func main() { os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

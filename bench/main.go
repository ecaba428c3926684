// Command bench measures the pipeline stage by stage on the demo territory: wall time, rows per
// second and peak memory of each stage, the ingest against DuckDB's own read_csv of the same
// presence files, PDF time per page, and the whole run at larger scales. `make bench` runs it;
// docs/performance.md says how to read what it prints. It is a measuring tool, not part of the
// product: it runs the built binary as a user would.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdout)) }

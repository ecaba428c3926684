package ingest

import (
	"os"
	"testing"

	"enfance/data/demo"
)

// BenchmarkDemoIngest loads the exports `make run` writes (2019 to 2025, seed 1) into a new
// in-memory warehouse: the ingest stage of the demo run, which must stay a few seconds.
func BenchmarkDemoIngest(b *testing.B) {
	dir, err := os.MkdirTemp("", "demo-bench-*")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if _, err := demo.Generate(demo.Options{Dir: dir, From: 2019, To: 2025, Seed: 1, Scale: 1}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		_, sum := ingestDir(b, dir, nil)
		if rows, files := sum.Rejected(); rows+files > 0 {
			b.Fatalf("%d rows rejected, %d files refused", rows, files)
		}
	}
}

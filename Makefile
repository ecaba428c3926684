# Thin wrappers over go and npm. cgo is needed by DuckDB.
export CGO_ENABLED := 1

BIN    := bin/enfance
ECHART := dashboards/assets/echarts.min.js
# The demo territory's exports, written on the first make run (gitignored).
DEMO   := data/exports
GOLDEN_PKGS := ./dashboards/... ./internal/cli/... ./ingest/... ./internal/exports/...

.PHONY: all assets build dist run test test-short lint golden bench clean

all: lint test build

# ECharts comes from the npm registry, pinned by package-lock.json, and is embedded in the binary.
assets: $(ECHART)
$(ECHART): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	cp node_modules/echarts/dist/echarts.min.js $@

build: assets
	go build -o $(BIN) ./cmd/enfance

# dist/enfance and dist/enfance.exe. Windows: cgo with Debian's MinGW-w64 cross compiler, posix
# threads variant (packages gcc-mingw-w64-x86-64, g++-mingw-w64-x86-64); DuckDB's Windows library
# comes from the Go module proxy like the Linux one; the C runtime (UCRT) it was built against is
# linked after it (README, « Windows »).
dist: assets
	mkdir -p dist
	go build -trimpath -o dist/enfance ./cmd/enfance
	GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc-posix CXX=x86_64-w64-mingw32-g++-posix \
		go build -trimpath -ldflags '-extldflags "-static -lwinpthread -lucrt"' -o dist/enfance.exe ./cmd/enfance

run: build
	test -d $(DEMO) || ./$(BIN) demo --out $(DEMO)
	./$(BIN) run --data $(DEMO) --out out

test: assets
	go test ./...

test-short: assets
	go test -short ./...

# staticcheck, pinned; fetched by the Go toolchain like any module.
STATICCHECK = v0.8.2

lint: assets
	test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	go vet ./...
	go run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK) ./...

# Measures every stage on the demo territory, then the run at --scale 10 and 50 (about 8 minutes,
# 4 Go of scratch files in bench/work; BENCH_SCALES=10 for a quicker look).
BENCH_SCALES ?= 10,50
bench: build
	go run ./bench -bin $(BIN) -scales $(BENCH_SCALES)

golden: assets
	go test $(GOLDEN_PKGS) -update

clean:
	rm -rf bin dist out node_modules $(ECHART)

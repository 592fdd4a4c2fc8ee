# vanban: `make help` lists the targets.
GO       ?= go
BIN      ?= bin/vanban
FUZZTIME ?= 10s
PKGS     := ./...
SHELL    := bash
.SHELLFLAGS := -eo pipefail -c

.PHONY: help build test unit jstest integration gointegration samples-check run fmt lint bench fuzz golden loadtest attack clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

build: ## build bin/vanban
	$(GO) build -o $(BIN) ./cmd/vanban

# Three tiers (README, "Tests"): unit needs Go and node only; integration
# needs LibreOffice, poppler, Chromium, PostgreSQL and the built binary, and
# fails, never skips, when one is missing; lint is gofmt, vet and
# staticcheck. The integration build holds every unit test too, so `make
# test` runs lint, the JS unit tests and integration: each test once.
test: lint jstest integration ## everything, each test once: lint, unit and integration

# PARITY_LINES_KNOWN are samples whose line-by-line parity may differ, each
# for a stated reason. None now: every sample's lines match LibreOffice's.
PARITY_LINES_KNOWN ?=

unit: jstest ## unit tests: no LibreOffice, poppler, Chromium, PostgreSQL or binary needed
	$(GO) test -race -count=1 $(PKGS)

jstest: ## the editor's JavaScript unit tests (node)
	node --test internal/editor/jstest/*.test.js

integration: gointegration samples-check ## unit + integration tests (-tags integration), a short fuzz, and check --parity on every sample

# -vet=off: lint vets this same build.
gointegration:
	$(GO) test -race -count=1 -vet=off -tags integration $(PKGS)
	$(GO) test -tags integration -run '^$$' -fuzz '^FuzzValidPrintsWhole$$' -fuzztime 5s ./internal/render/whole

# samples-check renders every sample with the binary and lays its DOCX
# beside its PDF with `vanban check --parity` (LibreOffice): another page
# count, a page that starts or ends on another line, a word that differs,
# a line that differs (unless the sample is in PARITY_LINES_KNOWN, with its
# reason), or a LibreOffice without Times fails.
# The review of each sample's DOCX and PDF is check's TestSamplesPass and
# TestSamplesPassPDF, run above: not twice.
samples-check: build
	@out=$$(mktemp -d); trap 'rm -rf "$$out"' EXIT; fail=0; \
	for s in samples/*.json; do \
	  b="$$out/$$(basename $$s .json)"; \
	  if ! ./$(BIN) render --format docx,pdf --out "$$b" "$$s" 2>"$$b.log"; then \
	    echo "$$s: render failed"; cat "$$b.log"; fail=1; continue; \
	  fi; \
	  q=$$(./$(BIN) check --parity "$$b.docx" "$$b.pdf" 2>&1) || true; \
	  ok='(PASS)'; case " $(PARITY_LINES_KNOWN) " in *" $$(basename $$s .json) "*) ok='(PASS|FAIL)';; esac; \
	  if ! grep -Eq "^$$ok: pages ([0-9]+) \(docx via LibreOffice\) / \2 \(pdf\).*, 0 page edges and 0 words differ$$" <<<"$$(tail -1 <<<"$$q")" || grep -q '^LibreOffice had no Times' <<<"$$q"; then \
	    fail=1; printf '%s\n' "$$q" | sed 's/^/    /'; \
	  fi; \
	  printf '%-45s parity: %s\n' "$$s" "$$(tail -1 <<<"$$q")"; \
	done; \
	exit $$fail

run: build ## serve the API and editor on :8080 (another port: make run PORT=9090, or VANBAN_ADDR)
	./$(BIN) serve $(if $(PORT),--addr :$(PORT))

fmt: ## gofmt the tree
	gofmt -w $$(git ls-files '*.go')

lint: ## gofmt, go vet and staticcheck (pinned in go.mod's tool block), on the integration build (a superset of the unit build)
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet -tags integration $(PKGS)
	$(GO) tool staticcheck -tags integration $(PKGS)

bench: ## benchmarks (figures go in the README)
	$(GO) test -tags integration -run '^$$' -bench . -benchmem $(PKGS)

fuzz: ## run every fuzz target briefly
	@set -e; for pkg in $$($(GO) list $(PKGS)); do \
	  for f in $$($(GO) test -tags integration -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$f"; $(GO) test -tags integration -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $$pkg; \
	  done; \
	done

golden: ## refresh golden files in every package with an -update flag (review the diff before committing)
	$(GO) test -tags integration -count=1 $$(grep -rl --include='*_test.go' 'flag.Bool("update"' internal | xargs -n1 dirname | sort -u | sed 's|^|./|') -update

loadtest: build ## bounded load on 127.0.0.1 (throughput, p50/p99, RSS)
	$(GO) run ./cmd/vanban-load --server ./$(BIN)

clean:
	rm -rf bin

attack: build ## hostile inputs against the real binary on 127.0.0.1: answers, peak RSS, validate latency (bounded)
	$(GO) run ./cmd/vanban-attack --server ./$(BIN)

# The monitoring report pipeline. `make report` and `make test` are all a new machine needs.
SWIFT   ?= swift
DATA    ?=
SPEC    ?= reports/abschlussbericht-2021/bericht.yaml
OUT     ?=
ARGS    ?=
BIN      = .build/release/monitoring

.PHONY: all report new-report stale-build test test-stress test-sanitize bench fuzz clean deps publish-deps build format format-check dist dist-deps dist-test dist-test-mutants

all: report

## deps: install libxlsxwriter-dev (and zlib1g-dev) when pkg-config cannot find them (apt-get as root).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists xlsxwriter || ! pkg-config --exists zlib; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "==> installing libxlsxwriter-dev zlib1g-dev (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libxlsxwriter-dev zlib1g-dev; \
	  else \
	    echo "libxlsxwriter is missing. Install it, then run make again:"; \
	    echo "    sudo apt-get install pkg-config libxlsxwriter-dev zlib1g-dev   # Debian/Ubuntu"; \
	    echo "    brew install libxlsxwriter pkg-config                 # macOS"; \
	    exit 1; \
	  fi; \
	fi

## publish-deps: the engines of the publication formats: pandoc (HTML, DOCX; rsvg-convert makes
## the DOCX's PNG fallbacks) and WeasyPrint (PDF, from PyPI). Missing ones are installed when
## run as root; otherwise the commands are printed and the report is written without them.
## WeasyPrint subsets the embedded fonts with HarfBuzz when libharfbuzz-subset0 is there
## (0.6-0.9 s faster than its fontTools fallback, and the subsetter decides the PDF's bytes,
## so every machine set up by this target writes the same PDF).
PYTHON  ?= python3
WEASYPRINT = weasyprint>=66,<71
publish-deps:
	@missing=""; \
	command -v pandoc >/dev/null 2>&1 || missing="$$missing pandoc"; \
	command -v rsvg-convert >/dev/null 2>&1 || missing="$$missing librsvg2-bin"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -q LiberationSans || missing="$$missing fonts-liberation2"; \
	if [ "$$(uname -s)" = Linux ] && ! { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libharfbuzz-subset\.so\.0'; then \
	  missing="$$missing libharfbuzz-subset0"; \
	fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "==> installing$$missing (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	  else \
	    echo "warning: missing$$missing; install with: sudo apt-get install$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	  fi; \
	fi
	@if ! $(PYTHON) -c "import weasyprint, sys; sys.exit(int(weasyprint.__version__.split('.')[0]) < 66)" >/dev/null 2>&1; then \
	  echo "==> installing WeasyPrint for the PDF ($(PYTHON) -m pip install '$(WEASYPRINT)')"; \
	  $(PYTHON) -m pip install -q '$(WEASYPRINT)' 2>/dev/null || \
	  $(PYTHON) -m pip install -q --break-system-packages '$(WEASYPRINT)' 2>/dev/null || \
	  echo "warning: could not install WeasyPrint; install with: $(PYTHON) -m pip install '$(WEASYPRINT)' (the PDF is skipped until then)"; \
	fi

## A .build copied from another checkout holds that checkout's paths (module cache, llbuild
## manifests) and fails to build; `stale-build` removes such a copy first.
build: deps stale-build
	$(SWIFT) build -c release --product monitoring

stale-build:
	@for manifest in .build/debug.yaml .build/release.yaml; do \
	  if [ -f $$manifest ] && ! grep -qF "$(CURDIR)/" $$manifest; then \
	    echo "note: .build was made in another folder; building afresh for $(CURDIR)"; rm -rf .build; break; fi; done

## report: build (release) and write the report of $(SPEC) from $(DATA) (default output: beside the spec).
report: build publish-deps
	$(BIN) report "$(SPEC)" $(if $(DATA),--data "$(DATA)") $(if $(OUT),--out "$(OUT)") $(ARGS)

## new-report: next year's report folder from this year's (FROM=reports/abschlussbericht-2021 YEAR=2022 [TO=folder]).
new-report: build
	@test -n "$(FROM)" -a -n "$(YEAR)" || { echo "usage: make new-report FROM=reports/<this year's report> YEAR=<next year> [TO=<folder>]"; exit 2; }
	$(BIN) new-report "$(FROM)" --year "$(YEAR)" $(if $(TO),--to "$(TO)")

## format: rewrite the Swift sources in the project's style (.swift-format; swift-format
## ships with the Swift toolchain).
format:
	$(SWIFT) format format --in-place --parallel --recursive Sources Tests Package.swift

## format-check: fail, naming file and line, where a Swift file is not as `make format` leaves it.
format-check:
	$(SWIFT) format lint --strict --parallel --recursive Sources Tests Package.swift

## test: the style check, then the whole test suite. One build of everything, tests included
## (some tests run the CLI as a user would), then the tests without a second build pass.
test: deps publish-deps stale-build format-check
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## test-stress: the whole suite STRESS_ROUNDS times (default 3) while this target keeps every
## core busy with CPU-bound processes that it starts before and stops after (also on failure
## or interrupt). A test that depends on timing or on who wins a race fails here first.
STRESS_ROUNDS ?= 3
test-stress: deps publish-deps
	$(SWIFT) build --build-tests
	@hogs=""; \
	for i in $$(seq "$$(nproc)"); do sh -c 'while :; do :; done' & hogs="$$hogs $$!"; done; \
	trap 'kill $$hogs 2>/dev/null' EXIT INT TERM; \
	echo "==> $$(nproc) CPU-bound processes running:$$hogs"; \
	for round in $$(seq $(STRESS_ROUNDS)); do \
	  echo "==> stress round $$round of $(STRESS_ROUNDS)"; \
	  $(SWIFT) test --skip-build || { echo "stress round $$round failed"; exit 1; }; \
	done

## test-sanitize: the whole suite under AddressSanitizer, then under ThreadSanitizer (own build folders).
## LeakSanitizer is off: Swift stores enum payload pointers with tag bits that it cannot
## follow, so every indirect enum alive at exit would be reported as a leak.
test-sanitize: deps publish-deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	MONITORING_SANITIZER=address ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	MONITORING_SANITIZER=thread TSAN_OPTIONS=halt_on_error=1 \
	  $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

## bench: the benchmarks, with the Python baseline (installed from PyPI) measured in the same run.
bench: deps publish-deps
	$(SWIFT) build -c release --product monitoring
	$(SWIFT) build -c release --product monitoring-bench
	@$(PYTHON) -m pip install -q -r bench/requirements.txt 2>/dev/null || \
	  echo "warning: could not install the Python baseline (bench/requirements.txt); its comparisons are skipped"
	$(dir $(BIN))monitoring-bench --data "$(or $(DATA),data)" --python "$(PYTHON)" $(ARGS)

## fuzz: libFuzzer on the xlsx/CSV/XML readers for FUZZ_SECONDS (default 600); crashers land in .build-fuzz/crashes/.
## First the kept inputs are replayed with a budget of FUZZ_INPUT_SECONDS each (the fuzzer's
## -timeout): a reader that became slow on one of them fails here, not in the test suite.
FUZZ_SECONDS ?= 600
FUZZ_INPUT_SECONDS ?= 2
fuzz: deps
	$(SWIFT) build -c release --product FuzzIngest --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	mkdir -p .build-fuzz/corpus .build-fuzz/crashes
	cp -n Tests/Fixtures/fuzz-corpus/* .build-fuzz/corpus/ 2>/dev/null || true
	.build-fuzz/release/FuzzIngest -runs=0 -timeout=$(FUZZ_INPUT_SECONDS) -rss_limit_mb=2048 \
	  Tests/Fixtures/fuzz-regressions Tests/Fixtures/fuzz-corpus
	.build-fuzz/release/FuzzIngest .build-fuzz/corpus \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=5 \
	  -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=.build-fuzz/crashes/ -print_final_stats=1

## dist: dist/monitoring_<VERSION>_<arch>.deb — the release binary with the Swift runtime linked
## statically, the shared files, man page and completions (packaging/build-deb).
VERSION := $(shell head -n1 VERSION 2>/dev/null)
DEB      = dist/monitoring_$(VERSION)_$(shell dpkg --print-architecture 2>/dev/null || echo amd64).deb
dist: deps dist-deps stale-build
	packaging/build-deb dist

dist-deps:
	@if ! command -v dpkg-shlibdeps >/dev/null 2>&1 || ! command -v fakeroot >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "==> installing dpkg-dev fakeroot (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev fakeroot >/dev/null; \
	  else \
	    echo "dpkg-dev and fakeroot are missing; install them with: sudo apt-get install dpkg-dev fakeroot"; exit 1; \
	  fi; \
	fi

## dist-test: the package installed with apt into a minimal Debian 12 root (debootstrap, cached in
## /var/cache/monitoring-dist-test) and run there as a non-root user without Swift (root only).
dist-test: dist
	@if [ "$$(id -u)" != "0" ]; then echo "dist-test needs root (debootstrap, chroot): sudo make dist-test"; exit 1; fi
	packaging/dist-test $(DEB)

## dist-test-mutants: dist-test must fail on the package without libxlsxwriter4 in Depends,
## and without its house style (two broken copies of the .deb).
dist-test-mutants: dist
	@if [ "$$(id -u)" != "0" ]; then echo "dist-test-mutants needs root: sudo make dist-test-mutants"; exit 1; fi
	packaging/dist-test-mutants $(DEB)

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan reports/*/output dist

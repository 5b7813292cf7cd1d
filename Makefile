# The monitoring report pipeline. `make report` and `make test` are all a new machine needs.
SWIFT   ?= swift
DATA    ?= data
OUT     ?= reports/abschlussbericht-2021/output
ARGS    ?=
BIN      = .build/release/monitoring

.PHONY: all report test bench fuzz clean deps build

all: report

## deps: install libxlsxwriter-dev when pkg-config cannot find it (apt-get as root).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists xlsxwriter; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "==> installing libxlsxwriter-dev (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libxlsxwriter-dev; \
	  else \
	    echo "libxlsxwriter is missing. Install it, then run make again:"; \
	    echo "    sudo apt-get install pkg-config libxlsxwriter-dev     # Debian/Ubuntu"; \
	    echo "    brew install libxlsxwriter pkg-config                 # macOS"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release --product monitoring

## report: build in release mode and write the report from $(DATA) into $(OUT).
report: build
	$(BIN) report --data "$(DATA)" --out "$(OUT)" $(ARGS)

## test: the whole test suite.
test: deps
	$(SWIFT) test

## bench: the benchmarks (ratios against baselines measured in the same run).
bench: build
	$(BIN) bench --data "$(DATA)"

clean:
	rm -rf .build "$(OUT)"

# runform: `make site` builds the example site, `make test` runs every test.
# Both work on a fresh machine with Python 3.11+, make and apt (the browser tests need
# Debian's chromium, which `make test` installs when it is missing).

PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: site serve test lint bench browser fonts editor-assets lighthouse-tool clean

# $(call apt_install,PACKAGE,WHAT FOR): install one of Debian's packages (with sudo unless root)
apt_install = echo "Installing Debian's $(1) $(2)..."; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1) >/dev/null

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv

$(STAMP): pyproject.toml | $(UV)
	$(UV) pip install --quiet --python $(BIN)/python -e .
	touch $@

# isso (the browser tests' comment server) compiles misaka: a C compiler must be there.
$(TEST_STAMP): pyproject.toml | $(UV)
	@command -v cc >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || { \
	  $(call apt_install,gcc,to build isso's misaka); }
	$(UV) pip install --quiet --python $(BIN)/python -e '.[test]'
	touch $@ $(STAMP)

site: $(STAMP) fonts
	$(BIN)/runform build --out site

serve: $(STAMP)
	$(BIN)/runform serve --dev-addr 127.0.0.1:8000

browser:
	@command -v chromium >/dev/null 2>&1 || { $(call apt_install,chromium,for the browser tests); }
	@test -x /usr/bin/chromium || { echo "No /usr/bin/chromium: the browser tests cannot run (CI=$(CI))."; exit 1; }

# The social card images are drawn in DejaVu Sans (Debian's fonts-dejavu-core); without apt,
# runform falls back to Pillow's bundled font.
CARD_FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
fonts:
	@test -f $(CARD_FONT) || ! command -v apt-get >/dev/null 2>&1 || { \
	  $(call apt_install,fonts-dejavu-core,for the social card images); }

# The web editors' pinned npm packages (runform.site.admin.assets), for the tests, which never
# reach a CDN. npm comes from Debian when it is missing.
EDITOR_ASSETS := .cache/editor-assets
editor-assets: $(TEST_STAMP)
	@command -v npm >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || { \
	  $(call apt_install,npm,for the web editor's test copy); }
	$(BIN)/python tests/fetch_editor_assets.py $(EDITOR_ASSETS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The benchmark's quick mode (N=10, one build each) runs with the tests, in a temporary
# folder, so the script never rots; `make bench` is the full comparison (minutes, not a test).
test: $(TEST_STAMP) browser fonts editor-assets lint
	@work=$$(mktemp -d) && $(BIN)/python bench/run.py --quick --work $$work/projects --out $$work/results; \
	  status=$$?; rm -rf $$work; exit $$status
	$(BIN)/python -m pytest

# Lighthouse (npm), for the benchmark's audit of the reader's pages; it drives Debian's chromium
LIGHTHOUSE_DIR := .cache/lighthouse
lighthouse-tool:
	@command -v npm >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || { \
	  $(call apt_install,npm,for Lighthouse); }
	@test -x $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse || \
	  npm install --silent --no-audit --no-fund --prefix $(LIGHTHOUSE_DIR) lighthouse@12

bench: $(TEST_STAMP) browser fonts lighthouse-tool
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) site .pytest_cache .ruff_cache

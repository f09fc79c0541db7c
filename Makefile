# Two commands for a newcomer on a fresh Debian/Ubuntu machine: `make run` and `make test`.
# Everything else here is what those two need, plus a few conveniences listed by `make help`.

PYTHON     ?= python3
VENV       := .venv
BIN        := $(VENV)/bin
DATA_DIR   ?= $(CURDIR)/data/campus
DEMO_PEOPLE ?= 2000
# `make run`'s local HQ: http://127.0.0.1:$(HQ_PORT), its data in data/hq
HQ_PORT    ?= 8765
# `make run MORE_CAMPUSES="AUB MTR"`: PCs of other campuses too (data/campus-aub…), each in its own window
MORE_CAMPUSES ?=
# `make run KIOSK=1`: also the demo campus's kiosk (data/kiosk), enrolled as a kiosk device
KIOSK ?=
# The HQ console's compiled English catalogue (built by `make translations` and the rule below)
CONSOLE_MO := gn_hq/console/locale/en/LC_MESSAGES/gn_hq_console.mo

# Debian packages Qt needs to start (see docs/architecture.md, "Platform"), on X11 too (Qt's xcb platform plugin
# refuses to load without libxcb-cursor0 since Qt 6.5), and Python's venv module.
SYSTEM_PACKAGES := python3-venv libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfreetype6 libfontconfig1 \
                   libdbus-1-3 fonts-dejavu-core \
                   libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-image0 libxcb-randr0 \
                   libxcb-render-util0 libxkbcommon-x11-0
# `make run` only: a Secret Service for the device token when the session has none (tools/run_local.py). Optional:
# without them the app starts offline.
KEYRING_PACKAGES := gnome-keyring dbus
# `make test` only: the real browser HQ's console is tested in (tests/hq/test_console_browser.py; Playwright drives
# this system chromium, never a browser of its own download).
TEST_PACKAGES := chromium

.PHONY: run test setup system-deps keyring-deps test-deps lock lint typecheck contracts migrations-check pytest demo bench bench-hq \
        translations clean clean-data help

help:
	@echo "make run    - set up and start the campus app with demo data and a local HQ (http://127.0.0.1:$(HQ_PORT))"
	@echo "make test   - set up, then lint, type-check, check import contracts and migrations, run the tests"
	@echo "make bench  - run the benchmarks and update docs/benchmarks.md"
	@echo "make clean-data - forget the local demo campus, HQ and demo keyring (data/)"

# Demo data on first run, a local HQ (stopped when the app exits), the demo campus enrolled there, one sync, the app.
run: setup keyring-deps $(CONSOLE_MO)
	$(BIN)/python tools/run_local.py --campus-dir "$(DATA_DIR)" --hq-dir "$(CURDIR)/data/hq" \
	  --keyring-dir "$(CURDIR)/data/keyring" --port $(HQ_PORT) --people $(DEMO_PEOPLE) \
	  $(foreach c,$(MORE_CAMPUSES),--more-campus $(c)) $(if $(KIOSK),--kiosk)

test: setup test-deps lint typecheck contracts migrations-check pytest

setup: system-deps $(VENV)/.installed

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing system packages. Run:"; \
	    echo "  sudo apt-get install -y --no-install-recommends$$missing"; \
	    exit 1; \
	  fi; \
	fi

test-deps:
	@missing=""; for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing test packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing test packages (HQ console browser tests). Run:"; \
	    echo "  sudo apt-get install -y --no-install-recommends$$missing"; \
	    exit 1; \
	  fi; \
	fi

keyring-deps:
	@missing=""; for p in $(KEYRING_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "If this session has no keyring (Secret Service), make run needs these for its local HQ (else: offline):"; \
	    echo "  sudo apt-get install -y --no-install-recommends$$missing"; \
	  fi; \
	fi

$(VENV)/.installed: pyproject.toml requirements/lock.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e '.[dev,hq]'
	$(MAKE) --no-print-directory translations
	touch $@

translations:
	$(BIN)/python resources/build_translations.py

# The HQ console's English catalogue (CONSOLE_MO, a build product like the .qm files): compiled again when its .po
# changed.
$(CONSOLE_MO): resources/translations/gn_hq_console_en.po | $(VENV)/.installed
	$(BIN)/python resources/build_translations.py --console

# Pin every library (campus, HQ, tools) for `make`, CI and the bundles; run after changing pyproject.toml's dependencies.
lock: setup
	$(BIN)/pip-compile --quiet --extra dev --extra hq --strip-extras --no-emit-index-url --no-emit-trusted-host \
	  --no-emit-find-links -o requirements/lock.txt pyproject.toml

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy

contracts:
	$(BIN)/lint-imports

migrations-check:
	$(BIN)/python -m gn_desktop.store.migrate --check

pytest: $(CONSOLE_MO)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

demo: setup
	$(BIN)/gn-desktop --data-dir "$(DATA_DIR)" demo-data --people $(DEMO_PEOPLE)

bench: setup
	$(BIN)/python -m bench.store
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.search --data-dir /tmp/bench100k --write

# The standalone campus app: dist/gn-desktop/ (one folder; see installer/README.md). Built from this venv's packages.
.PHONY: bundle
bundle: setup
	$(MAKE) --no-print-directory translations
	$(BIN)/pyinstaller --noconfirm --clean installer/gn-desktop.spec --distpath dist --workpath build

bench-hq: setup
	$(BIN)/python -m bench.hq --write

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis

clean-data:
	rm -rf data

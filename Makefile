# Two commands: `make run` serves the portal with demo content, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEV_ENV := SECRET_KEY=local-development-only DJANGO_DEBUG=1
PORT ?= 8000
TEST_ENV := SECRET_KEY=test-only-secret-key-not-used-anywhere-else-at-least-50-chars DJANGO_DEBUG=0 SECURE_SSL_REDIRECT=0

.PHONY: totp run test lint chromium gettext redis-server bench bench-vacancies bench-pool load faults replica messages clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_demo
	$(DEV_ENV) PY=$(PY) $(VENV)/bin/honcho --procfile Procfile start --port $(PORT)

totp: $(VENV)/.installed
	$(DEV_ENV) $(PY) manage.py demo_totp

# Debian's Chromium for the browser tests; skipped quietly where we are not root.
chromium:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != "0" ] || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		echo "Could not install chromium: browser tests will skip (and fail under CI=true)."

# Debian's gettext: makemessages needs xgettext, and a test runs it; skipped quietly where we are not root.
gettext:
	@command -v msgfmt >/dev/null 2>&1 || [ "$$(id -u)" != "0" ] || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null) || \
		echo "Could not install gettext: the catalogue tests will skip (and fail under CI=true)."

# Debian's redis-server: the cache outage tests start private ones; skipped quietly where we are not root.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || [ "$$(id -u)" != "0" ] || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) || \
		echo "Could not install redis-server: the cache outage tests will skip (and fail under CI=true)."

# Refresh locale/nl from the source and compile it; translate every new msgid before committing .po and .mo.
MESSAGES_IGNORE := .venv node_modules staticfiles test-results bench tests

messages: $(VENV)/.installed gettext
	$(DEV_ENV) $(PY) manage.py makemessages -l nl --no-obsolete $(addprefix --ignore=,$(MESSAGES_IGNORE))
	$(DEV_ENV) $(PY) manage.py compilemessages --ignore=$(VENV)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit --quiet --recursive portal catalog skills recruiting api --severity-level medium --exclude '*/migrations/*'

# The suite in one process per core (at most four), a test file per process at a time (pytest-xdist); each
# process has its own test database and its own Redis database (tests/workers.py). TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --maxprocesses 4 --dist loadfile)
test: $(VENV)/.installed-dev chromium gettext redis-server lint
	env -u DATABASE_URL $(TEST_ENV) $(PYTEST)
	@if [ -n "$$DATABASE_URL" ]; then \
		echo "Again on $$DATABASE_URL"; \
		$(TEST_ENV) $(PYTEST); \
	fi

# Not part of `make test`: each builds its own database and never touches the dev one (README).
# `make bench BENCH_SIZES=1000` for a quick run; `make load LOAD_SECONDS=120` for a longer load.
BENCH_SIZES ?= 1000,100000
LOAD_SECONDS ?= 60

# The reader's own targets (bench-vacancies exits 1 while one is missed) do not stop the portal's bench.
bench: $(VENV)/.installed
	-$(PY) -m bench.vacancies
	$(PY) -m bench.run --sizes $(BENCH_SIZES)

# The vacancy reader alone: quality on the tuned and the blind labelled vacancies per language, and reading speed.
bench-vacancies: $(VENV)/.installed
	$(PY) -m bench.agreement
	$(PY) -m bench.vacancies

# `make load LOAD_FLAGS=--scale-out`: two web processes, two workers, a throwaway primary and streaming replica,
# both restarted in turn (README, "Scale out").
LOAD_FLAGS ?=

load: $(VENV)/.installed
	$(PY) -m bench.load --seconds $(LOAD_SECONDS) $(LOAD_FLAGS)

# The connection pool against a connection per request and persistent connections (bench/pool.py, PostgreSQL).
bench-pool: $(VENV)/.installed
	$(PY) -m bench.pool

# The fault drill (bench/faults.py): about 8 minutes; `make faults FAULTS_WORKER_STOP=20` for a quicker run.
faults: $(VENV)/.installed redis-server
	$(PY) -m bench.faults $(if $(FAULTS_WORKER_STOP),--worker-stop $(FAULTS_WORKER_STOP))

# The read replica against real servers: a throwaway primary and streaming replica on free ports (started and
# stopped by the tests, bench/cluster.py), the router's tests run against them. Needs PostgreSQL's binaries
# and a PostgreSQL server for the test database (DATABASE_URL, default the local one).
REPLICA_TEST_DATABASE ?= postgres://postgres@127.0.0.1:5432/postgres

replica: $(VENV)/.installed-dev
	$(TEST_ENV) DATABASE_URL=$${DATABASE_URL:-$(REPLICA_TEST_DATABASE)} $(PY) -m pytest tests/portal/databases -q

clean:
	rm -rf $(VENV) staticfiles test-results

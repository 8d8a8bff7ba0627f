# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-postgres lint venv pdf-libs demo browser worker beat clean model dovecot

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --retries 10 --timeout 60 --upgrade pip
	# A download broken off mid-way is retried whole (pip resumes nothing); what finished is kept.
	for i in 1 2 3; do $(BIN)/pip install -q --retries 10 --timeout 60 -r requirements.txt && break; \
		test $$i = 3 && exit 1; echo "pip install failed, retrying ($$i)"; sleep 10; done
	touch $(STAMP)

venv: $(STAMP) pdf-libs

# Pango and fonts for the PDF invoices (WeasyPrint draws them), from Debian's packages when missing.
pdf-libs:
	@(ldconfig -p | grep -q libpangoft2-1.0 && fc-list 2>/dev/null | grep -q "DejaVu Sans") || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-liberation >/dev/null)

var:
	mkdir -p var

demo: venv var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py build_answer_index
	$(BIN)/python manage.py collectstatic --noinput -v 0

run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-l10n >/dev/null)

# Debian's dovecot for the IMAP polling tests (each test runs its own instance on a free port).
dovecot:
	@test -x /usr/sbin/dovecot || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null)

test: venv browser var dovecot
	$(BIN)/python -m pytest -q --create-db

test-postgres: venv browser var dovecot
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/priemnaya REDIS_URL=redis://127.0.0.1:6379/1 CELERY_EAGER=1 \
		$(BIN)/python -m pytest -q --create-db

# The shipped classifier (triage/trained/reasons.npz) from the city portal's appeals; about 5 minutes.
DATA ?= ../shared/data/nash_spb/appeals_2020-10_2021-03.jsonl.gz
model: venv
	$(BIN)/python manage.py train_classifier --data $(DATA) --label reason --default

lint: venv
	$(BIN)/ruff check .

worker: venv
	$(BIN)/celery -A priemnaya worker -l info

beat: venv
	$(BIN)/celery -A priemnaya beat -l info

clean:
	rm -rf $(VENV) var staticfiles

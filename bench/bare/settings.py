"""The reference the product's intake is measured against: Django with one view and nothing else.

No middleware, no apps, no sessions, no templates: what any Django JSON endpoint costs on this machine, so
that the intake's figure is read as a share of it. Not part of the product; `bench.http_run` serves it.
"""

import os

import dj_database_url

DEBUG = False
SECRET_KEY = "bench-bare-reference"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.bare.urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
USE_TZ = True
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # as the product configures SQLite for concurrent use
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE",
                                       "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}

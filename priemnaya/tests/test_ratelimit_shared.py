"""The limit holds across web processes and threads: N attempts anywhere are N counts."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from priemnaya import ratelimit

ROOT = Path(settings.BASE_DIR)

# One "web worker": Django on the given database, hitting one scope as fast as it can from a common start.
WORKER = """
import sys, time
import django
django.setup()
from django.db import connection
from priemnaya import ratelimit
from priemnaya.models import RateCount
if sys.argv[1] == "create":
    with connection.schema_editor() as editor:
        editor.create_model(RateCount)
    sys.exit(0)
start, attempts = float(sys.argv[1]), int(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
print(sum(ratelimit.hit("10.9.9.9", "appeal") for _ in range(attempts)))
"""


def _worker_env(database: Path) -> dict:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "priemnaya.settings", "DATABASE_URL": f"sqlite:///{database}",
            "REDIS_URL": "", "PUBLIC_RATE_LIMIT": "20", "PUBLIC_RATE_WINDOW": "600"}


def test_two_web_processes_together_allow_exactly_the_limit(tmp_path):
    env = _worker_env(tmp_path / "shared.sqlite3")
    subprocess.run([sys.executable, "-c", WORKER, "create"], env=env, cwd=ROOT, check=True)
    start = time.time() + 2  # both processes are up by then
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(start), "30"], env=env, cwd=ROOT,
                                stdout=subprocess.PIPE, text=True) for _ in range(2)]
    allowed = [int(worker.communicate(timeout=60)[0]) for worker in workers]
    assert sum(allowed) == 20, allowed


@pytest.mark.django_db(transaction=True)
def test_concurrent_threads_together_allow_exactly_the_limit(settings):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite database locks whole tables; the process test covers SQLite files")
    settings.PUBLIC_RATE_LIMIT = 20
    allowed = []
    barrier = threading.Barrier(4)

    def attempts():
        try:
            barrier.wait()
            allowed.append(sum(ratelimit.hit("10.9.9.8", "appeal") for _ in range(15)))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempts) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(allowed) == 4 and sum(allowed) == 20, allowed


@pytest.mark.django_db
def test_a_new_window_starts_the_count_again(settings, monkeypatch):
    settings.PUBLIC_RATE_LIMIT, settings.PUBLIC_RATE_WINDOW = 1, 60
    clock = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    assert [ratelimit.hit("10.0.0.7", "track") for _ in range(2)] == [True, False]
    clock[0] += 61
    assert ratelimit.hit("10.0.0.7", "track") is True
    assert ratelimit.seconds_left("10.0.0.7", "track") == 60


def test_a_cache_of_each_process_is_a_warning_when_not_debugging(settings):
    from django.core.checks import run_checks

    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "priemnaya.W011" in [m.id for m in run_checks()]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                   "LOCATION": "/nonexistent"}}
    assert "priemnaya.W011" not in [m.id for m in run_checks()]


def test_the_embedded_default_cache_is_shared_by_processes():
    from priemnaya import checks

    assert settings.CACHES["default"]["BACKEND"] not in checks.PER_PROCESS_CACHES


@pytest.mark.skipif(bool(os.environ.get("REDIS_URL")), reason="the embedded default's cache")
def test_what_one_process_caches_another_reads_and_a_deletion_reaches_both():
    from django.core.cache import cache

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "priemnaya.settings",
           "CACHE_DIR": settings.CACHES["default"]["LOCATION"]}
    other = "import django; django.setup(); from django.core.cache import cache; "

    def run(code: str) -> str:
        done = subprocess.run([sys.executable, "-c", other + code], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120, check=True)
        return done.stdout.strip()

    run("cache.set('shared-probe', 'из другого процесса', 60)")
    assert cache.get("shared-probe") == "из другого процесса"
    cache.delete("shared-probe")
    assert run("print(cache.get('shared-probe', 'нет'))") == "нет"

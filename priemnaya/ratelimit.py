"""Limits on anonymous traffic: per client IP and over all clients (fixed windows).

Counted in the database every web process shares, by one INSERT … ON CONFLICT DO UPDATE … RETURNING
statement, which SQLite and PostgreSQL each run atomically: N attempts from any number of workers are N
counts. (A cache's add() + incr() would not do: Django's database and file caches read and write back,
losing concurrent counts, and the local-memory cache counts per process.) Only the verdict "over the
limit until …" of failures counted one by one is copied into the cache, so that the check made before
every attempt costs no query.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest

from .models import RateCount

EVERYONE = "*"  # the "IP" under which a scope's attempts over all clients are counted

_UPSERT = """
INSERT INTO {t} ({key}, {hits}, {ends}) VALUES (%s, 1, %s)
ON CONFLICT ({key}) DO UPDATE SET
    {hits} = CASE WHEN {t}.{ends} <= %s THEN 1 ELSE {t}.{hits} + 1 END,
    {ends} = CASE WHEN {t}.{ends} <= %s THEN excluded.{ends} ELSE {t}.{ends} END
RETURNING {hits}, {ends}
"""


class Refused(Exception):
    """Over a limit: another attempt may succeed in `seconds` (the API answers it as a JSON 429)."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"Слишком много попыток. Повторите через {math.ceil(seconds / 60)} мин.")
        self.seconds = seconds


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client and would let anyone reset the limit.
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(request_or_ip: HttpRequest | str, scope: str) -> str:
    ip = request_or_ip if isinstance(request_or_ip, str) else client_ip(request_or_ip)
    return f"{scope}:{ip}"[:200]


def _count(key: str, window: int) -> tuple[int, float]:
    now = time.time()
    q = connection.ops.quote_name
    sql = _UPSERT.format(t=q(RateCount._meta.db_table), key=q("key"), hits=q("hits"), ends=q("window_ends"))
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, now + window, now, now])
        hits, ends = cursor.fetchall()[0]
    return hits, ends


def hit(request_or_ip: HttpRequest | str, scope: str, per_window: int | None = None) -> bool:
    """Count one attempt of this IP in `scope`; True while within the limit, False once over it."""
    hits, _ends = _count(_key(request_or_ip, scope), settings.PUBLIC_RATE_WINDOW)
    return hits <= (per_window or settings.PUBLIC_RATE_LIMIT)


def refused(request: HttpRequest, scope: str, per_ip: int, overall: int | None = None) -> int | None:
    """Count one attempt of this client, and of everyone when `overall` is given; None while both are within
    their limits, else the seconds until the limit that refused lets another attempt through. A refused
    client is not counted against everyone, so one client cannot use up the common budget."""
    if not hit(request, scope, per_ip):
        return seconds_left(request, scope)
    if overall is not None and not hit(EVERYONE, scope, overall):
        return seconds_left(EVERYONE, scope)
    return None


def count_failure(request_or_ip: HttpRequest | str, scope: str, limit: int) -> None:
    """Count one failed attempt of this IP in `scope`; from the `limit`-th on, the IP is marked in the cache
    until the window closes, so that `waiting` — asked before every attempt — costs no query."""
    key = _key(request_or_ip, scope)
    hits, ends = _count(key, settings.PUBLIC_RATE_WINDOW)
    if hits >= limit:
        cache.set(_marker(key), ends, max(1, math.ceil(ends - time.time())))


def waiting(request_or_ip: HttpRequest | str, scope: str) -> int | None:
    """None while this IP may make another attempt in `scope` (failures counted by `count_failure`), else the
    seconds until the window closes. A mark lost with the cache costs one attempt: the next failure marks
    again from the count in the database."""
    ends = cache.get(_marker(_key(request_or_ip, scope)))
    if ends is None or ends <= time.time():
        return None
    return max(1, math.ceil(ends - time.time()))


def _marker(key: str) -> str:
    return f"ratelimit-over:{key}"


def seconds_left(request_or_ip: HttpRequest | str, scope: str) -> int:
    """How long until this IP may try again in `scope` (the whole window when that is unknown)."""
    window = settings.PUBLIC_RATE_WINDOW
    ends = RateCount.objects.filter(key=_key(request_or_ip, scope)).values_list("window_ends", flat=True).first()
    if ends is None or ends <= time.time():
        return window
    return max(1, math.ceil(ends - time.time()))


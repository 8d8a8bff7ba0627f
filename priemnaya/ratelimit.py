"""A small per-IP limiter for public forms (fixed window, counted in the cache).

Shared by the public site and the public API, so one visitor cannot hammer the appeal
form or guess access codes faster than PUBLIC_RATE_LIMIT attempts per PUBLIC_RATE_WINDOW seconds.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client and would let anyone reset the limit.
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(request_or_ip: HttpRequest | str, scope: str) -> str:
    ip = request_or_ip if isinstance(request_or_ip, str) else client_ip(request_or_ip)
    return f"ratelimit:{scope}:{ip}"


def hit(request_or_ip: HttpRequest | str, scope: str, per_window: int | None = None) -> bool:
    """Count one attempt of this IP in `scope`; True while within the limit, False once over it."""
    key = _key(request_or_ip, scope)
    window = settings.PUBLIC_RATE_WINDOW
    count = 1
    if not cache.add(key, 1, timeout=window):
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window)
    if count == 1:  # a new window: remember when it closes, to tell the visitor
        cache.set(f"{key}:ends", time.time() + window, timeout=window)
    return count <= (per_window or settings.PUBLIC_RATE_LIMIT)


def seconds_left(request_or_ip: HttpRequest | str, scope: str) -> int:
    """How long until this IP may try again in `scope` (the whole window when that is unknown)."""
    ends = cache.get(f"{_key(request_or_ip, scope)}:ends")
    if ends is None:
        return settings.PUBLIC_RATE_WINDOW
    return max(1, math.ceil(ends - time.time()))

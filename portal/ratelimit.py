"""A small per-IP limiter for public forms (fixed window, counted in the cache).

Shared by the public site and the public API, so one visitor cannot hammer the appeal
form or guess access codes faster than PUBLIC_RATE_LIMIT attempts per PUBLIC_RATE_WINDOW seconds.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client and would let anyone reset the limit.
    return request.META.get("REMOTE_ADDR") or "unknown"


def hit(request_or_ip: HttpRequest | str, scope: str, per_window: int | None = None) -> bool:
    """Count one attempt of this IP in `scope`; True while within the limit, False once over it."""
    ip = request_or_ip if isinstance(request_or_ip, str) else client_ip(request_or_ip)
    key = f"ratelimit:{scope}:{ip}"
    window = settings.PUBLIC_RATE_WINDOW
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window)
            count = 1
    return count <= (per_window or settings.PUBLIC_RATE_LIMIT)

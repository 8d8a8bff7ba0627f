"""The statistics pages' numbers, cached under a version that every change of an appeal moves on: a page read
again before any appeal changed costs no query for its numbers; after a change it is counted afresh."""

import hashlib

from django.core.cache import cache

VERSION_KEY = "insights:version"
SECONDS = 10 * 60


def version() -> int:
    found = cache.get(VERSION_KEY)
    if found is None:
        found = 1
        cache.add(VERSION_KEY, found, None)
    return found


def appeals_changed(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there yet: nothing cached under it either
        cache.add(VERSION_KEY, 1, None)


def cached(name: str, key: str, compute):
    """compute() once per version of the appeals and `key` (the filters and who looks)."""
    digest = hashlib.sha1(key.encode()).hexdigest()
    full = f"insights:{name}:{version()}:{digest}"
    found = cache.get(full)
    if found is None:
        found = compute()
        cache.set(full, found, SECONDS)
    return found

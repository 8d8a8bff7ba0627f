"""Values kept in the shared cache under a version that any change of what they were read from moves on, so
every web process sees a change at its next request (one cache round trip instead of queries)."""

import time

from django.core.cache import cache
from django.db import transaction

DAY = 24 * 3600


def read(version_key: str, key: str, load, seconds: int = DAY):
    """The value kept under `key` if it was kept under the current version, else `load()` kept anew (for
    `seconds`)."""
    found = cache.get_many([version_key, key])
    version = found.get(version_key)
    if version is None:
        version = _start(version_key)
    kept = found.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    value = load()
    cache.set(key, (version, value), seconds)
    return value


def keep(version_key: str, key: str, value) -> None:
    """Keep `value` under the current version (a change the process made itself, e.g. a note of use)."""
    version = cache.get(version_key)
    if version is not None:
        cache.set(key, (version, value), DAY)


def forget(version_key: str) -> None:
    """Every value kept under `version_key` is stale from now on, and again once the change is committed: a
    process reading between the two would otherwise keep the row as it was before the commit. Outside a
    transaction (e.g. a receiver of a committed change) both moments are now: one move."""
    _move_on(version_key)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _move_on(version_key))


def _move_on(version_key: str) -> None:
    try:
        cache.incr(version_key)
    except ValueError:  # not there (a cleared or culled cache)
        _start(version_key)


def _start(version_key: str) -> int:
    """A version no value kept earlier can carry: the key may be lost while older values are still cached."""
    version = time.time_ns()
    if not cache.add(version_key, version, None):
        version = cache.get(version_key, version)
    return version

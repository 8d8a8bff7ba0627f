"""The statistics pages' numbers, cached under a version that every change of an appeal moves on: a page read
again before any appeal changed costs no query for its numbers; after a change it is counted afresh."""

import hashlib

from priemnaya import versioned

VERSION_KEY = "insights:version"
SECONDS = 10 * 60


def appeals_changed(**kwargs) -> None:
    versioned.forget(VERSION_KEY)


def cached(name: str, key: str, compute):
    """compute() once per version of the appeals and `key` (the filters and who looks)."""
    return versioned.read(VERSION_KEY, f"insights:{name}:{hashlib.sha1(key.encode()).hexdigest()}", compute, SECONDS)

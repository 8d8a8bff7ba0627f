"""Idempotency-Key: a retried create returns the first answer instead of a second appeal.

The key row is written in the same transaction as the work it guards, so a failed request
leaves no key behind, and a concurrent retry waits on the unique index and then replays. Keys are
kept IDEMPOTENCY_KEY_DAYS (retention.pruning); a retry later than that is a new request.
"""

import hashlib
import json
from collections.abc import Callable

from django.db import IntegrityError, transaction

from .errors import FieldError
from .models import IdempotencyKey

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 200
LOC = ("header", HEADER)


def request_hash(payload: dict) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _replay(user, key: str, digest: str) -> tuple[int, dict]:
    stored = IdempotencyKey.objects.get(user=user, key=key)
    if stored.request_hash != digest:
        raise FieldError(LOC, "Этот ключ уже использован для другого запроса. Для нового запроса нужен новый ключ.",
                         "idempotency_key_reused")
    return stored.response_status, stored.response_body


def run_once(user, key: str, payload: dict, work: Callable[[], tuple[int, dict]]) -> tuple[int, dict]:
    """Do `work` once per (user, key); later calls with the same payload get the stored answer."""
    key = key.strip()
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise FieldError(LOC, f"Ключ — непустая строка из печатных знаков, не длиннее {MAX_KEY_LENGTH}.")
    digest = request_hash(payload)
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(user=user, key=key, request_hash=digest,
                                                       response_status=0, response_body={})
        except IntegrityError:
            return _replay(user, key, digest)
        status, body = work()
        record.response_status, record.response_body = status, body
        record.save(update_fields=["response_status", "response_body"])
    return status, body

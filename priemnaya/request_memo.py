"""Values read once per request. A list of 50 appeals asks for the calendar's overrides and the deadline
norms 50 times; from Redis each read is a network round trip (0.5–0.7 ms), so a page paid some 30 ms
for the same few rows. Inside a request the first read is kept until the request ends; outside one (a
task, the shell) every call reads afresh, as before. A change made during the request is forgotten
at once (`forget`), so the request that saved an override sees it.
"""

from collections.abc import Callable
from typing import TypeVar

from asgiref.local import Local

T = TypeVar("T")
_local = Local()


def once_per_request(key: str, read: Callable[[], T]) -> T:
    store = getattr(_local, "store", None)
    if store is None:
        return read()
    if key not in store:
        store[key] = read()
    return store[key]


def forget(key: str) -> None:
    store = getattr(_local, "store", None)
    if store is not None:
        store.pop(key, None)


class RequestMemo:
    """The middleware that opens and closes each request's store."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _local.store = {}
        try:
            return self.get_response(request)
        finally:
            _local.store = None

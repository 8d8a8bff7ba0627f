"""Request bodies are JSON, declared as such: a body under another Content-Type is refused, not guessed at."""

import json

from ninja.parser import Parser

JSON_TYPE = "application/json"
UTF8 = ("utf-8", "utf8")


class UnsupportedMediaType(Exception):
    """The body is not declared as UTF-8 JSON (answered 415 by api.errors)."""


def is_json(request) -> bool:
    charset = request.content_params.get("charset", "utf-8").lower()
    return request.content_type == JSON_TYPE and charset in UTF8


class JsonOnly(Parser):
    def parse_body(self, request):
        if not is_json(request):
            raise UnsupportedMediaType(request.content_type)
        # JSON is UTF-8 (RFC 8259); json.loads would also take UTF-16 and UTF-32 bytes
        return json.loads(request.body.decode("utf-8"))

"""Message templates: Django's template language over plain values only (strings, numbers, lists and dicts
of them), autoescape off — the messages are plain text. No loaders, so no {% include %} of files; no objects,
so no methods to call."""

import re

from django.template import Context, Engine, TemplateSyntaxError

_ENGINE = Engine(autoescape=False, loaders=[], libraries={}, string_if_invalid="")
_VARIABLE = re.compile(r"{{\s*([A-Za-z_]\w*)|{%\s*(?:if|elif|for\s+\w+\s+in)\s+(?:not\s+)?([A-Za-z_]\w*)")
_FORBIDDEN = re.compile(r"{%\s*(?:include|extends|load|debug|ssi|url|csrf_token)\b")


class TemplateProblem(ValueError):
    pass


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    raise TypeError(f"Only plain values may reach a message template, not {type(value).__name__}")


def check(text: str, allowed) -> None:
    """Refuse a template a person wrote with a syntax error, a forbidden tag or an unknown placeholder."""
    if _FORBIDDEN.search(text or ""):
        raise TemplateProblem("Этот тег в шаблонах сообщений не разрешён.")
    loop_names = set(re.findall(r"{%\s*for\s+(\w+)\s+in", text or ""))
    unknown = sorted({name for pair in _VARIABLE.findall(text or "") for name in pair if name}
                     - set(allowed) - loop_names - {"forloop"})
    if unknown:
        raise TemplateProblem("Неизвестные подстановки: " + ", ".join(unknown)
                              + ". Можно: " + ", ".join(allowed) + ".")
    try:
        _ENGINE.from_string(text or "")
    except TemplateSyntaxError as error:
        raise TemplateProblem(f"Ошибка в шаблоне: {error}") from error


def render(text: str, values: dict) -> str:
    """The text with the placeholders filled from plain values."""
    return _ENGINE.from_string(text or "").render(Context(_plain(values), autoescape=False)).strip()

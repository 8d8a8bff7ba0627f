"""How a reason offered by triage is labelled: the model's calibrated share in per cent, or what named it.

An emergency rule and the keywords give fixed scores (0.99, 0.6), not measured ones: shown as numbers
beside the model's they would read as confidence. Options are `triage.services.Option` objects or the
dicts a decision stores (`Option.as_dict`).
"""

from django import template

register = template.Library()

_NAMED_BY = {"rule": ("правило", "аварийное правило по словам текста"),
             "keywords": ("по словам", "по ключевым словам текста")}


def _field(option, name: str):
    return option.get(name) if isinstance(option, dict) else getattr(option, name, None)


def _per_cent(option) -> int:
    return round(float(_field(option, "score") or 0) * 100)


@register.filter
def score_label(option) -> str:
    """«правило», «по словам» or «61 %» (the space is non-breaking)."""
    named = _NAMED_BY.get(_field(option, "source"))
    return named[0] if named else f"{_per_cent(option)}\u00a0%"


@register.filter
def score_note(option) -> str:
    """The same for a tooltip, in words."""
    named = _NAMED_BY.get(_field(option, "source"))
    return named[1] if named else f"верно примерно в {_per_cent(option)} случаях из 100"

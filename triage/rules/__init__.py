"""Triage's word rules, applied beside the model and over the same lemmas as the journal's search.

- `detect(text, day)`: an emergency (gas, a person stuck in a lift, a flood, an outage, no heating in the
  heating season…) as an `EmergencyHit` with its reason, or None; the rules favour recall;
- `keyword_reasons(text)`: reasons the city portal's data never had (billing, meters, documents, paid
  services), offered with a modest score for a person to confirm;
- `suggest_complexity(text, default)`: А, Б or В, never below the reason's default.

`patterns` is the matcher the emergency and keyword rules share.
"""

from .complexity import suggest_complexity
from .emergency import EmergencyHit, detect
from .keywords import keyword_reasons

__all__ = ["EmergencyHit", "detect", "keyword_reasons", "suggest_complexity"]

"""Complexity suggestion (W4): А typical, Б needs analysis, В needs a higher organisation.

The reason's default is the floor; words in the text may raise it, never lower it: a demand for
compensation or a repeated complaint needs analysis (Б); a mention of the prosecutor, the housing
inspectorate, a court or a collective letter means the case may go to the higher organisation (В).
"""

from appeals.choices import Complexity
from appeals.search import search_keys

V_WORDS = ("прокуратур*", "прокурор*", "инспекц*", "гжи", "жилинспекц*", "суд", "судебн*", "роспотребнадзор*",
           "штаб", "губернатор*", "коллективн*", "депутат*", "администрац*")
B_WORDS = ("перерасчет*", "перерасчит*", "компенсац*", "возмещ*", "ущерб*", "повторн*", "неоднократн*",
           "претензи*", "нарушен*", "требовать", "треб", "опять", "снова")
_ORDER = {Complexity.A: 0, Complexity.B: 1, Complexity.V: 2}


def _has(keys: list[str], words: tuple[str, ...]) -> bool:
    return any(k.startswith(w[:-1]) if w.endswith("*") else k == w for k in keys for w in words)


def suggest_complexity(text: str, default: str = Complexity.A) -> str:
    keys = search_keys(text)
    found = Complexity.V if _has(keys, V_WORDS) else Complexity.B if _has(keys, B_WORDS) else Complexity.A
    return max(default, found, key=lambda c: _ORDER[c])

"""Text someone typed, shown in a page: `{{ applicant.full_name|usertext }}`.

A name, an address or a text may carry bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066
LEFT-TO-RIGHT ISOLATE…), pasted by accident or on purpose: raw, they show «Иванова» backwards and turn the
columns after it around. The filter isolates the text in `<bdi>`, so it cannot reorder what surrounds it
(a name in Arabic script stays readable beside Russian), and leaves out the embedding, override and isolate
controls, so it shows its letters in the order they were typed. What is stored is not changed. Where no
tag may stand (the page's <title>), `usertext:"plain"` isolates it with the characters FSI … PDI instead.

It is a built-in of the project's templates (settings.TEMPLATES): every template has it without {% load %}.
"""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

# LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI. The marks (LRM, RLM, ALM) change no order beyond a character.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
FSI, PDI = "\u2068", "\u2069"


@register.filter(needs_autoescape=True)
def usertext(value, mode: str = "", autoescape: bool = True) -> str:
    """`value` escaped (unless already safe, as after `linebreaksbr`), without direction controls, in `<bdi>`
    (or between FSI and PDI for `mode` "plain"); '' for None and ''."""
    if value is None or value == "":
        return ""
    text = BIDI_CONTROLS.sub("", conditional_escape(value) if autoescape else str(value))
    return mark_safe(f"{FSI}{text}{PDI}" if mode == "plain" else f"<bdi>{text}</bdi>")

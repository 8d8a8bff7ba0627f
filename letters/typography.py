"""Russian typography of a letter's HTML, as a clerk sets a letter by hand: «ёлочки» for straight quotes, a
non-breaking space after short prepositions and conjunctions, before a dash, after «№» and between a number
and what it counts («12 марта», «2026 г.», «д. 7»); a sentence ending in «г.» gets no second full stop.
Only the text between tags is touched."""

import re

from deadlines.calendar import MONTHS

NBSP = "\u00a0"

_TAG = re.compile(r"(<[^>]*>)")
# Words a line should not end with: prepositions, conjunctions, particles.
_SHORT = ("а", "б", "в", "во", "да", "до", "же", "за", "и", "из", "к", "ко", "ли", "на", "не", "ни", "но",
          "о", "об", "обо", "от", "по", "с", "со", "у", "для", "без", "или", "над", "под", "при", "про", "что")
_SHORT_WORD = re.compile(r"(?<![\w\-])(" + "|".join(sorted(_SHORT, key=len, reverse=True)) + r") (?=\S)",
                         re.IGNORECASE)
_DASH = re.compile(r" +(—|-|–)(?= )")
_NUMBER_SIGN = re.compile(r"№ *(?=\w)")
_DAY_MONTH = re.compile(r"(\d{1,2}) (?=(?:" + "|".join(MONTHS) + r")\b)")
_NUMBER_UNIT = re.compile(r"(\d) (?=(?:г|гг|руб|коп|тыс|млн|кв|м|ч|мин)\.|₽|%)")
# «г.» after a number is the year's, before a capital the town's: only the town's holds to what follows.
_ABBREVIATION = re.compile(r"(?<!\w)(д|кв|корп|стр|ул|пр|тел|ст|им)\. (?=[\w+(])"
                           r"|(?<!\w)(?<!\d )(?<!\d\xa0)(г)\. (?=[А-ЯЁ])")
# A sentence ending in an abbreviation keeps its one full stop: «до 12 января 2027 г.» + «.».
_DOUBLE_STOP = re.compile(r"(?<!\w)(г|гг|д|кв|руб|коп|тыс|млн|ул|им|ст|др|т\. ?[дп])\.\.(?!\.)")
_OPENING = re.compile(r'(^|[\s(\[' + NBSP + r'—])"(?=\S)')


def _quotes(text: str) -> str:
    text = text.replace("&quot;", '"')
    text = _OPENING.sub(r"\1«", text)
    return text.replace('"', "»")


def _text(text: str) -> str:
    text = _quotes(text)
    text = _DOUBLE_STOP.sub(r"\1.", text)
    text = _DASH.sub(NBSP + "—", text)
    text = _NUMBER_SIGN.sub("№" + NBSP, text)
    text = _DAY_MONTH.sub(r"\1" + NBSP, text)
    text = _NUMBER_UNIT.sub(r"\1" + NBSP, text)
    text = _ABBREVIATION.sub(lambda m: (m[1] or m[2]) + "." + NBSP, text)
    # Twice: in «и в доме» the second word starts right after the first one's space.
    for _ in range(2):
        text = _SHORT_WORD.sub(r"\1" + NBSP, text)
    return text


def typeset(html: str) -> str:
    """The HTML with its text set; tags and their attributes are left as they are."""
    return "".join(part if part.startswith("<") else _text(part) for part in _TAG.split(html))

"""Text as it is matched: the one form that search, building matching and applicant look-up compare.

People paste text from messengers and web pages, or type on phones with several keyboards: a name may
carry a zero-width space or a soft hyphen, «й» may come as «и» and a combining breve, digits may be
full-width or Arabic-Indic, and a Latin «e» or «a» slips into a Cyrillic word («Heвский», «Мaрата»).
What is stored stays as typed; both sides of every match go through `clean` (case kept) or `fold`
(lower case, «ё» as «е»).

Nothing here imports the apps: every domain app may use it.
"""

import re
import unicodedata

# NFKC makes «№» the two letters «No», a word of its own; it stays as it is.
_KEPT = "№"
_STRESS_MARKS = {"\u0300", "\u0301"}  # «Ива́нова»: stress over a vowel, no letter of its own
# Latin and Cyrillic letters that look alike, both cases.
_LATIN, _CYRILLIC = "aceopxykACEOPXYKBHMT", "асеорхукАСЕОРХУКВНМТ"
_TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC, _LATIN)
_OTHER_DIGIT = re.compile(r"[^\D0-9]")


def _char_class(codes: list[int]) -> str:
    """A regular expression's class of the given code points, as ranges (a class of single characters this
    long is many times slower)."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges) + "]"


_INVISIBLE = re.compile(_char_class(
    [ord(ch) for ch in _STRESS_MARKS] + [c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]))
_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def ascii_digits(text: str) -> str:
    """Decimal digits of any script (full-width, Arabic-Indic, Devanagari…) as 0–9; other characters kept."""
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)


def is_invisible(char: str) -> bool:
    """A format character: zero-width spaces and joiners, the soft hyphen, the BOM, bidirectional controls."""
    return unicodedata.category(char) == "Cf"


def _one_script(word: re.Match) -> str:
    """A word of Cyrillic and Latin letters in the script most of its letters are in (Cyrillic on a tie)."""
    word = word.group()
    if not (_CYRILLIC_LETTER.search(word) and _LATIN_LETTER.search(word)):
        return word
    latin = len(_LATIN_LETTER.findall(word))
    return word.translate(_TO_LATIN if latin > len(word) - latin else _TO_CYRILLIC)


def clean(text: str) -> str:
    """The text as matching reads it, case kept: NFKC (full-width letters and digits folded, NFD letters
    composed, «№» kept), format characters and stress marks removed, digits of any script made 0–9,
    look-alike letters of a mixed Cyrillic and Latin word put in the word's script."""
    text = text or ""
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFKC", text):
        text = _KEPT.join(unicodedata.normalize("NFKC", part) for part in text.split(_KEPT))
    text = ascii_digits(_INVISIBLE.sub("", text))
    if _LATIN_LETTER.search(text) and _CYRILLIC_LETTER.search(text):
        text = _LETTERS.sub(_one_script, text)
    return text


def fold(text: str) -> str:
    """`clean`, in lower case and with «ё» as «е»: the form keys are compared in."""
    return clean(text).lower().replace("ё", "е")

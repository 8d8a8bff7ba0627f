"""Text as the extractors read it: markup removed, numbers that are no address put out of the way."""

import re
from dataclasses import dataclass

from priemnaya.matching import clean

from ..text import strip_html

MAX_CHARS = 20_000  # as long as an appeal may be; longer input keeps its beginning and its signature
_TAIL_CHARS = 4_000
_WORD_CHARS = 200  # a longer run without a space is no word worth keeping whole
_SPACE, _LAST_WORD, _FIRST_WORD = re.compile(r"\s"), re.compile(r"\S+\Z"), re.compile(r"\A\S+")
MASK = "§"  # stands in for a phone, a date, a sum…: no address part and no name

_BRACKETED_EMAIL = re.compile(r"<\s*((?:mailto:)?[^<>\s@]+@[^<>\s@]+)\s*>", re.IGNORECASE)  # «Имя <ivan@mail.ru>»
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/li|/tr|/h\d|p|div|li|tr)\b[^>]*>", re.IGNORECASE)
_CAPITALS_WORD = re.compile(r"\b[A-ZА-ЯЁ]{2,}\b")
_SPACES = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\r": " "})
# Numbers that are dates, times, sums, ages, floors, entrances… — not houses or flats.
_NOT_ADDRESS = re.compile(
    r"(?<!\d)\d{1,2}\.\d{1,2}(?:\.\d{2,4})?(?!\d)"
    r"|(?<!\d)\d{1,2}:\d{2}(?!\d)"
    r"|(?<!\d)\d{1,2}\s*(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
    r"|(?<![\d,])(?:\d{1,3}(?: \d{3})+|\d+)(?:[.,]\d{1,2})?\s*(?:(?:руб(?:л[а-я]*)?|р|тыс[а-я]*|коп[а-я]*)(?![а-я])|₽|%"
    r"|процент\w*|градус\w*|°)"
    r"|(?<!\d)(?:1[89]|20)\d{2}\s*(?:г\.|гг?\b|год\w*)"
    r"|(?<![\dа-яёa-z])\d+\s*(?:-?(?:й|я|го|м|ом|ой|ий|ый)\s*)?(?:лет|год\w*|этаж\w*|подъезд\w*|парадн\w*|недел\w*|дн[еяи]\w*|день"
    r"|суток|месяц\w*|час\w*|минут\w*|раз\b|раза\b|человек\w*|групп\w*|секци\w*|метр\w*|м2|м²|кв\.?\s?м\b|шт\b)"
    r"|(?<![а-яё])(?:подъезд\w*|парадн\w*|этаж\w*|заявк\w*|групп\w*|секци\w*|сч[её]тчик\w*|хвс|гвс|договор\w*"
    r"|инн|снилс|л/с|лицев\w*\s+сч[её]т\w*|сч[её]т\w*)\W{0,3}(?:№\s*)?\d[\d\- ]*",
    re.IGNORECASE)
# An earlier letter quoted in a reply: lines «> …», the line introducing them («…<otvet@uk.ru> пишет:»),
# or all after «-----Original Message-----».
_QUOTED = re.compile(r"^[ \t]*>.*$|^.*(?:пишет|писал[аи]?|написал[аи]?|wrote)\s*:[ \t]*$"
                     r"|^[ \t-]*(?:original message|исходное сообщение)(?s:.*)", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def prepare(text) -> str:
    """Plain text from whatever came: markup and entities removed, odd spaces made plain, length capped; in
    the matching form (`priemnaya.matching.clean`), so a full-width phone or «Heвский» with a Latin «H» is
    found as any other."""
    if not isinstance(text, str):
        return ""
    if len(text) > MAX_CHARS:
        text = _shortened(text)
    if "<" in text:
        text = _BRACKETED_EMAIL.sub(r" \1 ", text)  # an address in angle brackets is no tag to remove
        text = _BLOCK_TAG.sub("\n", text)  # a paragraph or a line break ends a name or an address as a new line does
    return clean(strip_html(text)).translate(_SPACES)


def _shortened(text: str) -> str:
    """The beginning and the end of an over-long text, each cut at a space: a word or an e-mail halved
    at the cut would be read as another word (a surname «Петро», an address at «nik@mail.r»)."""
    head, tail = text[: MAX_CHARS - _TAIL_CHARS], text[-_TAIL_CHARS:]
    if _SPACE.search(head[-_WORD_CHARS:]):
        head = _LAST_WORD.sub("", head)
    if _SPACE.search(tail[:_WORD_CHARS]):
        tail = _FIRST_WORD.sub("", tail)
    return head + "\n" + tail


def quoted(text: str) -> list[Span]:
    """The lines of an earlier letter quoted in this one: another's words, not the applicant's details."""
    return [Span(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def inside(place: int, spans: list[Span]) -> bool:
    return any(span.start <= place < span.end for span in spans)


def lower(text: str) -> str:
    """Lower case with «ё» as «е»; the same length, so places in it are places in the text."""
    return text.lower().replace("ё", "е")


def mask(text: str, spans: list[Span]) -> str:
    """The text with the given spans and the numbers that are no address replaced by MASK, places kept."""
    chars = list(text)
    found = spans + [Span(m.start(), m.end()) for m in _NOT_ADDRESS.finditer(text)]
    for span in found:
        chars[span.start: span.end] = MASK * (span.end - span.start)
    return "".join(chars)


def is_cased(text: str) -> bool:
    """Whether capitals say something here: not when the writer used only lower or only upper case. Words
    in capitals (a form's «ФИО:», «УК», «ГВС») do not count: «ФИО: сорокина елена» is written in lower case."""
    rest = _CAPITALS_WORD.sub("", text)
    letters = [ch for ch in (rest if any(ch.isalpha() for ch in rest) else text) if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return 0 < upper < 0.6 * len(letters)

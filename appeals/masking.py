"""Personal data hidden from a letter shown to whoever holds an appeal's number and access code.

`hide_personal_data` keeps the letter readable — what was done, where in the building, when, the norms
cited — and hides who: the appeal's own people (the applicant's and the clerk's names in any case, the
applicant's phone, e-mail and address as written), other people named in it (a capitalised word pymorphy
reads as a first name, patronymic or surname; «Петров И. И.» and «И. И. Петров» by their initials), any
phone or e-mail, flat numbers and personal account numbers. The company's own phones and e-mails stay:
they are how to reach it. Hiding too much is preferred to leaking (152-ФЗ).

`person_name_spans` is also how answer drafts (`triage.answers.drafts`) find the names they remove.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .search import morph

HIDDEN = "[скрыто]"

STREET_WORDS = (r"ул\.?|улиц[а-я]*|пр\.|пр-т\.?|просп\.?|проспект[а-я]*|пер\.|переул[а-я]*|наб\.|набережн[а-я]*"
                r"|б-р|бул\.|бульвар[а-я]*|ш\.|шоссе|пл\.|площадь|площади|линия|линии|аллея|аллее|проезд[а-я]*"
                r"|тупик[а-я]*")
_INITIALS_NAME = re.compile(
    r"(?<![\wА-ЯЁа-яё])(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.?\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.?)?)")
_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
# «Невский район», «г. Пушкин», «улица Марата»: a person's name that names a place.
_PLACE_AFTER = re.compile(rf"\s+(?:район\w*|р-н|округ\w*|сад\w*|парк\w*|мост\w*|{STREET_WORDS})", re.IGNORECASE)
_PLACE_BEFORE = re.compile(rf"(?:г\.|город\w*|пос\.|посёл\w*|посел\w*|МО|им\.|имени|(?<!\w)(?i:{STREET_WORDS}))\s*$")
_PERSON_SHARE = 0.5  # share of pymorphy's parses reading a capitalised word as a name part

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,}(?![\w-])", re.IGNORECASE)
# 10 digits grouped as phones are written, with +7 or 8 before them or not; a city number 123-45-67.
_PHONE = re.compile(r"(?<![\w.,/(-])(?:(?:\+\s?7|8)\s*[(\-]?\s*|\(\s*)?\d{3}\s*\)?[\s\-]*\d{3}[\s\-]?\d{2}[\s\-]?\d{2}"
                    r"(?![\d.,/-]*\d)"
                    r"|(?<![\w.,/-])\d{3}-\d{2}-\d{2}(?![\d-])")
# The word stays, its number goes: «по квартире [скрыто]», «лицевой счёт № [скрыто]».
_NUMBERED = re.compile(
    r"(?<!\w)(?:кв\.?|кв-р[а-яё]*|квартир[а-яё]*|лицев[а-яё]*\s+сч[её]т[а-яё]*|л/сч?\.?|л\.\s?с\.|лс|лиц\.\s?сч\.?"
    r"|сч[её]т[а-яё]*\s+№)\s*(?:№\s*)?(?P<number>\d[\d\s-]*\d|\d)(?:[а-яё](?![а-яё]))?(?![\d])", re.IGNORECASE)
_SENTENCE_NEXT = re.compile(r"\s+[А-ЯЁA-Z]|\s*$")
_CASE_ENDING = "(?:а|я|й|ь|о|ы|и|е|у|ю|ой|ей|ою|ею|ом|ем|ым|им|ого|его|ому|ему)?"


@lru_cache(maxsize=50_000)
def _person_share(word: str) -> float:
    return sum(p.score for p in morph().parse(word) if {"Name", "Surn", "Patr"} & set(p.tag.grammemes))


def person_name_spans(text: str) -> list[tuple[int, int]]:
    """Where people are named: initials with a surname, and capitalised words read as name parts (not
    places: «Невский район», «улица Марата»)."""
    spans = [(m.start(), m.end()) for m in _INITIALS_NAME.finditer(text)
             if m.group().count(".") >= 2 or _person_share(m.group().split()[0]) >= _PERSON_SHARE]
    for m in _WORD.finditer(text):
        if _person_share(m.group()) >= _PERSON_SHARE and not _PLACE_AFTER.match(text, m.end()) \
                and not _PLACE_BEFORE.search(text, 0, m.start()):
            spans.append((m.start(), m.end()))
    return spans + _next_to_names(text, spans)


@lru_cache(maxsize=50_000)
def _unknown_or_a_name(word: str) -> bool:
    return not morph().word_is_known(word.lower()) or _person_share(word) > 0


def _next_to_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A capitalised word right beside a name part (only spaces between) that the dictionary does not know,
    or knows as a name at all, is part of the name: «Анна Квятковская», «Иван Сдобнов»; a known word of
    another kind («Сегодня Анна пришла») and places («Мария, Невский проспект») stay."""
    known = set(spans)
    edges = {end for _start, end in spans} | {start for start, _end in spans}
    found: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        if m.span() in known:
            continue
        gap_before = text[:m.start()].rstrip(" ")
        gap_after_end = len(text) - len(text[m.end():].lstrip(" "))
        beside = (len(gap_before) in edges and len(gap_before) < m.start()) or \
                 (gap_after_end in edges and gap_after_end > m.end())
        place = _PLACE_AFTER.match(text, m.end()) or _PLACE_BEFORE.search(text, 0, m.start())
        if beside and not place and _unknown_or_a_name(m.group()):
            found.append(m.span())
    return found


@dataclass(frozen=True)
class People:
    """What is known of the people of an appeal, and the company's own contacts to keep."""

    names: tuple[str, ...] = ()  # full names: each word is hidden in any case
    phones: tuple[str, ...] = ()
    written: tuple[str, ...] = ()  # e-mails and addresses as they were written
    own_phones: tuple[str, ...] = ()
    own_emails: tuple[str, ...] = ()


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")[-10:]


def _name_pattern(word: str) -> str:
    # Names decline («Мария Петровна» → «Марии Петровне»): the stem and a case ending, capitalised as written.
    stem = word[:-1] if word[-1] in "аяйьоеыи" else word
    return rf"(?<!\w){re.sub('[её]', '[её]', re.escape(stem))}{_CASE_ENDING}(?!\w)"


def _known_spans(text: str, people: People) -> list[tuple[int, int]]:
    words = {w for name in people.names for w in (name or "").split() if len(w) >= 2 and w.isalpha()}
    patterns = [_name_pattern(word) for word in words]
    for phone in people.phones:
        digits = _digits(phone)
        if len(digits) == 10:
            patterns.append(r"(?:\+7|8)?[\s()-]*" + r"[\s()-]*".join(digits))
    patterns += [f"(?i:{re.escape(value.strip())})" for value in people.written if (value or "").strip()]
    return [m.span() for m in re.finditer("|".join(patterns), text)] if patterns else []


def _contact_spans(text: str, people: People) -> list[tuple[int, int]]:
    own_phones = {_digits(p)[-7:] for p in people.own_phones if len(_digits(p)) >= 7}
    own_emails = {e.strip().lower() for e in people.own_emails if e}
    spans = [m.span() for m in _EMAIL.finditer(text) if m.group().lower() not in own_emails]
    spans += [m.span() for m in _PHONE.finditer(text) if _digits(m.group())[-7:] not in own_phones]
    spans += [m.span("number") for m in _NUMBERED.finditer(text)]
    return spans


def _hide(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Overlapping spans: the one that starts first wins, and of those the longest. A full stop of initials
    that also ended the sentence («…мастером Сидоровым И. И. Соседка…») is kept."""
    out, last = [], 0
    for start, end in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if start < last or start == end:
            continue
        ends_sentence = text[end - 1] == "." and _SENTENCE_NEXT.match(text, end)
        out += [text[last:start], HIDDEN + ("." if ends_sentence else "")]
        last = end
    out.append(text[last:])
    return "".join(out)


def hide_personal_data(text: str, people: People = People()) -> str:
    """The letter with the people in it hidden as «[скрыто]»; neighbouring hidden words read as one."""
    text = text or ""
    hidden = _hide(text, _known_spans(text, people) + _contact_spans(text, people) + person_name_spans(text))
    return re.sub(rf"{re.escape(HIDDEN)}(?:[ \t]+{re.escape(HIDDEN)})+", HIDDEN, hidden)

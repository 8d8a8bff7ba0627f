"""An earlier answer turned into a draft for a new appeal, without the earlier applicant's personal data.

`draft_from_answer` removes the earlier case; `fill_for` then writes in what the new appeal knows (the
greeting with its applicant's name and patronymic, its number, its date), so only what a person must
write is left in brackets. A draft never carries the notice of the right to appeal: the system adds it.

What identified the earlier applicant or case becomes a placeholder the operator fills in: the
greeting with the name, person names anywhere (pymorphy knows first names, patronymics and surnames;
«Иванов И. И.» and «И. И. Иванов» are caught by their initials), phones, e-mails, addresses, flats,
appeal numbers and the dates of the earlier case. When the earlier appeal is at hand its applicant's
name, phone, e-mail, flat and address are removed in whatever form they appear. Legal references keep
their dates and numbers («от 13.08.2006 № 491»). Masking too much is preferred to leaking (152-ФЗ).
"""

import re
from collections.abc import Iterable

from appeals.answer_rules import (
    ADDRESS,
    DATE,
    EMAIL,
    FLAT_NUMBER,
    GREETING_NAME,
    NAME,
    NUMBER,
    OMITTED,
    PHONE,
    without_hq_notice,
)
from appeals.masking import STREET_WORDS, person_name_spans
from appeals.search import word_key

from ..extraction.contacts import find_emails, find_phones

GREETING = f"Уважаемый(-ая) {GREETING_NAME}!"
FLAT = f"кв. {FLAT_NUMBER}"

_GREETING_LINE = re.compile(
    r"\A\s*(?:(?:глубоко)?уважаем\w*|дорог\w*|здравствуйте|добрый\s+(?:день|вечер)|доброе\s+утро)\b[^\n!]*[!,.]?[ \t]*",
    re.IGNORECASE)
_STREET_TYPE = rf"(?:{STREET_WORDS})"
_NAME_WORD = r"(?:[А-ЯЁ][а-яё]{0,2}\.|[А-ЯЁ0-9][А-ЯЁа-яё0-9\-]*+)"  # «В.О.», «Б.»; a full stop ends a name
_HOUSE = (r"(?:,?\s*(?:д\.|дом[а-я]*)\s*№?\s*\d+[а-яА-Я]?(?:/\d+)?"
          r"(?:\s*,?\s*(?:к\.|корп\.?|корпус[а-я]*)\s*\d+)?(?:\s*,?\s*(?:лит\.?|литер[а-я]*)\s*[А-ЯA-Z])?"
          r"|\s+\d+[а-яА-Я]?(?:/\d+)?(?=[\s,.;)]|$))")
_CITY = r"(?:(?:г\.|город)\s*[А-ЯЁ][а-яё\-]+(?:\s*,)?\s*)?"
_ADDRESS = re.compile(
    rf"{_CITY}(?:(?<!\w){_STREET_TYPE}\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
    rf"|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}\s+{_STREET_TYPE}(?![а-яё])){_HOUSE}?")
_HOUSE_ALONE = re.compile(r"(?<![\w])(?:д\.|дом[а-я]*)\s*№?\s*\d+[а-яА-Я]?(?:/\d+)?"
                          r"(?:\s*,?\s*(?:к\.|корп\.?|корпус[а-я]*)\s*\d+)?(?:\s*,?\s*(?:лит\.?|литер[а-я]*)\s*[А-ЯA-Z])?")
_FLAT = re.compile(r"(?<![\w])(?:кв\.?|кв-р[а-я]*|квартир[а-я]*)\s*№?\s*\d+[а-яА-Я]?(?![\d])"
                   r"|(?<![\w№])\d+[а-яА-Я]?(?:-?[а-я]{1,2})?\s+(?:кв\.|квартир[а-я]*)", re.IGNORECASE)
_APPEAL_NUMBER = re.compile(
    r"(?:(?<=обращени[еяю] )|(?<=обращению )|(?<=сообщени[еяю] )|(?<=заявк[аеиу] )|(?<=жалоб[аеуы] ))?"
    r"№\s*(?=\d{5,}|\d{2}-\d{4,})[\d\-]+|(?<![\w-])\d{2}-\d{6}(?![\w-])")
# A date followed by a document number is a legal reference («от 13.08.2006 № 491») and stays; one followed
# by an appeal's number identifies the earlier case.
_LEGAL_NUMBER_AFTER = r"(?!\s*(?:г(?:ода|\.)?\s*)?№\s*(?!\d{5,}|\d{2}-\d{4,})\S)"
_DATE = re.compile(
    r"(?<![\d.])\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?![\d.]*\d)" + _LEGAL_NUMBER_AFTER +
    r"|(?<!\d)\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
    r"(?:\s+\d{4})?" + _LEGAL_NUMBER_AFTER, re.IGNORECASE)
_MASKED = re.compile(r"\[\s*СКРЫТО\s*\]", re.IGNORECASE)


def _replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Overlapping spans: the one that starts first wins, and of those the longest."""
    out, last = [], 0
    for start, end, placeholder in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < last or start == end:
            continue
        out.append(text[last:start])
        out.append(placeholder)
        last = end
    out.append(text[last:])
    return "".join(out)


def _known_spans(text: str, names: Iterable[str], contacts: Iterable[str],
                 places: Iterable[str]) -> list[tuple[int, int, str]]:
    """The earlier applicant's own details wherever they stand: name parts in any case, phone digits in any
    grouping, e-mail, the address as it was typed."""
    spans = []
    for value in filter(None, (v.strip() for v in contacts if v)):
        digits = re.sub(r"\D", "", value)
        if "@" in value:
            spans += [(m.start(), m.end(), EMAIL) for m in re.finditer(re.escape(value), text, re.IGNORECASE)]
        elif len(digits) >= 7:
            spans += [(m.start(), m.end(), PHONE) for m in re.finditer(r"\D{0,3}".join(digits[-7:]), text)]
    for value in filter(None, (v.strip() for v in places if v)):
        if len(value) >= 5:
            spans += [(m.start(), m.end(), ADDRESS) for m in re.finditer(re.escape(value), text, re.IGNORECASE)]
    lemmas = {word_key(w) for name in names if name for w in re.findall(r"[А-Яа-яЁё]{2,}", name)}
    if lemmas:
        spans += [(m.start(), m.end(), NAME) for m in re.finditer(r"[А-Яа-яЁё]{2,}", text)
                  if m.group()[0].isupper() and word_key(m.group()) in lemmas]
    return spans


def _name_spans(text: str) -> list[tuple[int, int, str]]:
    return [(start, end, NAME) for start, end in person_name_spans(text)]


def _merge_names(text: str) -> str:
    return re.sub(r"\[ФИО\](?:[ \t]+\[ФИО\])+", NAME, text)


def draft_from_answer(answer: str, names: Iterable[str] = (), contacts: Iterable[str] = (),
                      places: Iterable[str] = ()) -> str:
    """The answer with the greeting, names, contacts, addresses, flats, case numbers and dates replaced by
    placeholders; `names`, `contacts` (phones, e-mails) and `places` (addresses) are the earlier
    applicant's own, removed in whatever form they appear."""
    text = (answer or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    text = without_hq_notice(_MASKED.sub(OMITTED, text))  # the system adds its own notice when sending
    greeting = _GREETING_LINE.match(text)
    if greeting:
        rest = text[greeting.end():].lstrip(" \t")
        text = GREETING + ("" if rest.startswith("\n") else "\n\n") + rest
    emails = find_emails(text)
    spans = [(f.start, f.end, PHONE) for f in find_phones(text, emails) if f.end]
    spans += [(f.start, f.end, EMAIL) for f in emails if f.end]
    spans += [(m.start(), m.end(), NUMBER) for m in _APPEAL_NUMBER.finditer(text)]
    spans += [(m.start(), m.end(), DATE) for m in _DATE.finditer(text)]
    spans += [(m.start(), m.end(), FLAT) for m in _FLAT.finditer(text)]
    spans += [(m.start(), m.end(), ADDRESS) for m in _ADDRESS.finditer(text)]
    spans += [(m.start(), m.end(), ADDRESS) for m in _HOUSE_ALONE.finditer(text)]
    spans += _known_spans(text, names, contacts, places)
    text = _replace_spans(text, spans)
    return _merge_names(_replace_spans(text, _name_spans(text)))


_PATRONYMIC = re.compile(r"^[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)$")
_CASE_DATE = re.compile(r"((?:обращени|заявлени|жалоб|сообщени)[а-яё]*\s+(?:№\s*[\w-]+\s+)?от\s+)" + re.escape(DATE),
                        re.IGNORECASE)


def greeting_name(full_name: str) -> tuple[str, str] | None:
    """(«Уважаемая», «Мария Петровна») from «Иванова Мария Петровна» or «Мария Петровна Иванова»; None
    when the name has no patronymic to address the person by."""
    words = [w.capitalize() for w in (full_name or "").split()]
    for i, word in enumerate(words):
        if i and _PATRONYMIC.match(word):
            female = word.endswith(("вна", "чна"))
            return ("Уважаемая" if female else "Уважаемый"), f"{words[i - 1]} {word}"
    return None


def fill_for(draft: str, *, full_name: str = "", number: str = "", received_on=None, flat: str = "") -> str:
    """The draft with what the new appeal knows written in: the greeting, the appeal's number, its flat and
    the date of the appeal where the text names it («обращение от [дата]»); other gaps stay for a person."""
    addressed = greeting_name(full_name)
    if addressed and draft.startswith(GREETING):
        draft = f"{addressed[0]} {addressed[1]}!" + draft[len(GREETING):]
    if number:
        draft = draft.replace(NUMBER, f"№ {number}").replace(f"№ № {number}", f"№ {number}")
    if flat:
        draft = draft.replace(FLAT, f"кв. {flat}")
    if received_on is not None:
        draft = _CASE_DATE.sub(lambda m: f"{m.group(1)}{received_on:%d.%m.%Y}", draft)
    return draft

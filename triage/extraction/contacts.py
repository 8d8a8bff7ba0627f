"""Phones and e-mail addresses in free text, and the numbers that only look like them.

An e-mail address is also found as people hide it or break it («ivanov собака mail.ru»,
«ivanov @ mail.ru»); of several, the applicant's is the one they call theirs, never the
company's or an addressee's.

A phone is a run of digit groups («8 921 123-45-67», «+7(921)1234567», «921-123-45-67»,
«7 812 ...», «8.921.654.32.11») holding 10 or 11 digits of a Russian number; a 7-digit
city number counts only after a word saying it is a phone, and is taken for St Petersburg
(812). Account numbers, ИНН, СНИЛС, meter numbers and sums are not phones.
"""

import re
from dataclasses import dataclass

from appeals.contacts import normalize_phone
from priemnaya.matching import ascii_digits

from .text import Span, inside

CITY_CODE = "812"  # a 7-digit number said to be a phone is a St Petersburg one
_RUN = re.compile(r"(?<![\d+])\+?\s?\(?\d[\d \t().\-\u2010-\u2012]*\d(?!\d)")
_GROUP = re.compile(r"\d+")
# Words saying that the number after them is something else than a phone.
_NOT_A_PHONE = re.compile(
    r"(?<!\w)(?:сч[её]т\w*|л/с|лс|инн|снилс|огрн|кпп|бик|договор\w*|паспорт\w*|полис\w*|№|n|заявк\w*"
    r"|обращени\w*|сообщени\w*|сч[её]тчик\w*|показани\w*|номер\s+(?:заявки|обращения|сообщения|счета|договора))"
    r"\W{0,3}$", re.IGNORECASE)
_PHONE_CUE = re.compile(r"(?<!\w)(?:тел\w*|т|моб\w*|сот\w*|домашн\w*|дом\.|раб\w*|звонить|звоните|позвонить"
                        r"|перезвонить)\W{0,4}$", re.IGNORECASE)
_MONEY_AFTER = re.compile(r"^\s*(?:(?:руб(?:л[а-я]*)?|р|тыс|коп)(?![а-я])|₽|%)", re.IGNORECASE)
# An e-mail address, also as people write it to hide it from robots or by a slip: «ivanov @ mail.ru»,
# «ivanov собака mail.ru», «ivanov[at]list[dot]ru», «kotov@mail .ru», «denisov at yandex dot ru».
_AT = r"(?:\s*@\s?|\s+@\s+|\s*[\[(]\s*(?:at|собака)\s*[\])]\s*|\s+(?:собака|at)\s+)"
_HIDDEN_DOT = r"\s*[\[(]\s*(?:dot|точка)\s*[\])]\s*|\s+(?:dot|точка)\s+"
# An address starts where no word, dot or hyphen is before it: starting after every dot of «a.a.a…» would
# read the run once for each of them.
_EMAIL = re.compile(
    rf"(?<![\w.+-])(?P<local>\w[\w.+-]*?)(?P<at>{_AT})(?P<domain>[\w-]+(?:(?:\.|{_HIDDEN_DOT})[\w-]+)*"
    rf"(?:\.(?:[a-z]{{2,}}|рф|рус)|(?:\s+\.\s*|\.\s+(?-i:(?=[a-zа-я]))|{_HIDDEN_DOT})"  # «mail .ru», «mail. ru»
    r"(?:ru|com|net|org|su|рф|info|biz)))"
    r"(?:(?<=[a-z])(?![a-z_-])|(?<=[а-я])(?![а-яё_-]))", re.IGNORECASE)  # «ivan@mail.ru89…», «…ruтел»
_SPACE = re.compile(r"\s+")
# What is said just before an address: that it is the applicant's («мой e-mail:», «пишите мне на»), or
# that it is the one written to or copied to, the company's («Кому:», «Копия:», «писал на ваш адрес»); a
# form's «Ваш e-mail:» asks for the applicant's.
_FILLER = (r"(?:\W+(?:на|в|по|от|мне|адрес\w*|почт\w*|e-?mail|ящик\w*|электронн\w*|эл|письм\w*"
           r"|для\s+ответа))*\W*$")
_THEIRS = re.compile(rf"(?<!\w)(?:мо[йяюеё]\w*|мне|для\s+ответа|(?:на)?пишите|ответ(?:а|ы|ьте|ить)?|отвеча\w*|from)"
                     rf"{_FILLER}", re.IGNORECASE)
_NOT_THEIRS = re.compile(rf"(?<!\w)(?:кому|to|cc|копи[яи]|(?:на|в)\s+ваш\w*|ваш\w*\s+письм\w*|вам|пишу"
                         rf"|(?:на)?писал\w*|отправ(?:л?я|и)л\w*|направ(?:л?я|и)л\w*|обра(?:щал|тил)\w*"
                         rf"|(?:ответ|письм|сообщени)\w*\s+от){_FILLER}", re.IGNORECASE)
# A copy sent to someone named on the way: «Копия направлена в ГЖИ gzhi@…», «отправлено также в прокуратуру …».
_COPY = re.compile(r"(?<!\w)(?:копи[яи]|(?:направлен|отправлен)\w*(?:\s+также)?\s+(?:в|во|на))"
                   r"(?:\s+[\w«»\"-]+){0,3}\s*[:\-—]?\s*$", re.IGNORECASE)
_CUE_CHARS = 40
_ROBOT = re.compile(r"(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster)@", re.IGNORECASE)
# A letter's heading to the company: «В ООО «УК Центр» (info@uk-centr.ru)», «Генеральному директору …».
_HEADING = re.compile(r"^[ \t]*(?:(?:в|во)\s+(?:ооо|ао|пао|зао|гуп|гку|ук|гжи|управляющ|администраци|жилищн"
                      r"|государствен)|генеральному|директору|руководителю|председателю|начальнику)[^\n]*$",
                      re.IGNORECASE | re.MULTILINE)
# A phone written up to the address without a space: «+7 921 111-22-33ivanova@…», «89211234567ivan@…».
_GLUED_PHONE = re.compile(r"[\d\-]*\d(?=[^\W\d_])")
_DIGIT_BEFORE = re.compile(r"\d[\s\-]?\Z")


@dataclass(frozen=True)
class Found:
    value: str
    start: int
    end: int


def _is_national(digits: str) -> bool:
    """10 digits after +7: mobile (9xx), geographic (3xx, 4xx, 8xx but not 89x)."""
    return len(digits) == 10 and (digits[0] in "349" or (digits[0] == "8" and digits[1] != "9"))


def _as_phone(digits: str, city_allowed: bool) -> str:
    if len(digits) == 11 and digits[0] in "78" and _is_national(digits[1:]):
        return normalize_phone(digits)
    if _is_national(digits):
        return normalize_phone(digits)
    if city_allowed and len(digits) == 7 and digits[0] not in "08":
        return normalize_phone(CITY_CODE + digits)
    return ""


def _phones_in_run(text: str, run: re.Match) -> list[Found]:
    """Phones among the digit groups of one run («12 8 921 123 45 67» holds a flat and a phone)."""
    groups = list(_GROUP.finditer(text, run.start(), run.end()))
    found, i = [], 0
    while i < len(groups):
        before = text[max(0, groups[i].start() - 30): groups[i].start()]
        if i == 0 and run.group().startswith("+"):
            before = text[max(0, run.start() - 30): run.start()]
        blocked = bool(_NOT_A_PHONE.search(before))
        digits, taken = "", None
        for j in range(i, len(groups)):
            digits += ascii_digits(groups[j].group())
            if len(digits) > 11:
                break
            after = text[groups[j].end(): groups[j].end() + 6]
            phone = "" if blocked or _MONEY_AFTER.match(after) else _as_phone(digits, bool(_PHONE_CUE.search(before)))
            if phone:
                taken = (phone, j)
        if taken:
            start = run.start() if i == 0 else groups[i].start()
            found.append(Found(taken[0], start, groups[taken[1]].end()))
            i = taken[1] + 1
        else:
            i += 1
    return found


def find_phones(text: str, emails: list[Found] | None = None) -> list[Found]:
    """Every phone in the text, in order, as +7XXXXXXXXXX with its place; not the digits of an e-mail
    address («89211234567@mail.ru» is an address, whatever its digits look like). `emails`: the text's
    addresses when the caller has found them already."""
    found = []
    for run in _RUN.finditer(text):
        found.extend(_phones_in_run(text, run))
    if found and emails is None:
        emails = find_emails(text)
    emails = emails or []
    return [phone for phone in found if not any(e.start < phone.end and phone.start < e.end for e in emails)]


def find_emails(text: str) -> list[Found]:
    """E-mail addresses in lower case, «ivanov [at] mail.ru» as «ivanov@mail.ru», with their places."""
    found = []
    for m in _EMAIL.finditer(text):
        at = m["at"].lower()
        if at.strip() == "at" and not re.search(_HIDDEN_DOT, m["domain"]):
            continue  # «at» as a word is an address only with «dot» as a word too
        if at[:1].isspace() and not at[-1:].isspace() and not m["local"].isascii():
            continue  # «почта @mail.ru» names a service, «ivanov @mail.ru» is an address
        if at.strip() in ("собака", "at") and not m["local"].isascii():
            continue  # «у соседа собака mail.ru»: a word for «@» joins only a name written in Latin letters
        local, start = _unglued(text, m["local"], m.start())
        domain = re.sub(_HIDDEN_DOT, ".", m["domain"], flags=re.IGNORECASE)
        found.append(Found(_SPACE.sub("", f"{local}@{domain}").lower(), start, m.end()))
    return found


def _unglued(text: str, local: str, start: int) -> tuple[str, int]:
    """The address's first part and its place without a phone written up to it: the digits before the
    letters when they are a phone's (seven or more) or end a number begun before."""
    glued = _GLUED_PHONE.match(local)
    if glued and (sum(ch.isdigit() for ch in glued.group()) >= 7
                  or _DIGIT_BEFORE.search(text, max(0, start - 2), start)):
        return local[glued.end():], start + glued.end()
    return local, start


def applicants_email(text: str, emails: list[Found], skipped: list[Span]) -> Found | None:
    """The applicant's address among those found: one the text calls theirs, else the first that is not
    the company's or an addressee's, a robot's, one in a letter's heading, nor in the `skipped` spans (an
    earlier letter quoted)."""
    headings = [Span(m.start(), m.end()) for m in _HEADING.finditer(text)]
    candidates = []
    for email in emails:
        before = text[max(0, email.start - _CUE_CHARS): email.start]
        theirs = bool(_THEIRS.search(before))
        if (_NOT_THEIRS.search(before) or _COPY.search(before) or _ROBOT.match(email.value)
                or inside(email.start, skipped)
                or not theirs and inside(email.start, headings)):
            continue
        candidates.append((not theirs, email.start, email))
    return min(candidates)[2] if candidates else None

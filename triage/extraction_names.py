"""The applicant's name in free text, put as a person files it: «Иванова Мария Петровна».

Words are read with pymorphy3, which knows first names, patronymics and surnames (and guesses
unknown surnames by their endings); a name is two or three such words in one of the orders
people write them, or a surname with initials, or — in an operator's note — a surname alone
between commas, a phone or the address. Natasha's NER vouches for a name where capitals say
something. The chosen words are put in the nominative together, so that «от Ивановой Марии
Петровны» gives «Иванова Мария Петровна», and in the order surname, name, patronymic.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import pymorphy3

from housing.addresses import DECLINED_TYPES

_TOKEN = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?|[A-Za-z0-9_]+|\S")
_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_CAPITALS = set("АБВГДЕЁЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ")
_NER_CONTEXT = 120  # characters on each side given to the NER: enough for a sentence
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NOMINATIVE_PRIOR = 0.3  # notes name people in the nominative unless the words say otherwise
_ALONE_NOMINATIVE_PRIOR = 10.0  # «Петрова Т.И.», «Соловьева»: with nothing to tell the case, as written if it can be
# Endings of surnames pymorphy does not know, by gender and case, and their nominative ones.
_SURNAME_ENDINGS = {
    "masc": (("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"), ("цкого", "цкий"),
             ("цкому", "цкий"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ова", "ов"),
             ("ева", "ев"), ("ина", "ин"), ("ына", "ын"), ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ове", "ов"),
             ("еве", "ев"), ("ине", "ин")),
    "femn": (("ской", "ская"), ("скую", "ская"), ("цкой", "цкая"), ("цкую", "цкая"), ("овой", "ова"),
             ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"), ("ову", "ова"), ("еву", "ева"), ("ину", "ина")),
}
_SURNAME_SHAPE = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|ко|ук|юк|ян|дзе|швили|их|ых|ман|ер)$")
_CUES = {"звонил", "звонила", "звонит", "позвонил", "позвонила", "сообщил", "сообщила", "от", "заявитель",
         "заявительница", "фио", "зовут", "я", "уважением", "собственник", "собственница", "абонент", "клиент",
         "клиентка", "гр", "гражданин", "гражданка", "жалоба", "обращение", "пишет", "житель", "жительница",
         "подпись", "старший", "дому", "контакт", "контакты"}
_NEIGHBOURS = {"сосед", "соседка", "соседи", "соседей", "соседа", "соседку", "соседом", "соседке", "соседу"}
# Patterns of a name: S surname, N first name, P patronymic, I initial.
_PATTERNS = {3: ("SNP", "NPS", "SII", "IIS"), 2: ("SN", "NS", "NP", "SI", "IS"), 1: ("S",)}


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=50_000)
def _parse(word: str) -> tuple:
    return tuple(_morph().parse(word))


@dataclass(frozen=True)
class _Roles:
    surname: float
    name: float
    patronymic: float


@lru_cache(maxsize=50_000)
def _roles(word: str) -> _Roles:
    """How much a word reads as a surname, a first name, a patronymic (shares of pymorphy's parses)."""
    if "-" in word:  # «Тимофеева-Белая»: a double surname is a surname if one of its parts is
        parts = [_roles(part) for part in word.split("-")]
        return _Roles(max(p.surname for p in parts), 0.0, 0.0)
    share = {"Surn": 0.0, "Name": 0.0, "Patr": 0.0}
    plural_names = 0.0  # «Тимуров», «Дмитриев» read as plurals of «Тимур», «Дмитрий»: no reading for a person
    for parse in _parse(word):
        for tag in share:
            if tag in parse.tag and (tag == "Surn" or "sing" in parse.tag):
                share[tag] += parse.score
            elif tag in parse.tag:
                plural_names += parse.score
    surname = share["Surn"] / max(1.0 - plural_names, 0.01)
    if surname < 0.3 and share["Name"] < 0.3 and share["Patr"] < 0.3 and _SURNAME_SHAPE.search(word):
        surname = 0.3  # an unknown surname: «Тимуров», «Мкртчян»
    return _Roles(surname, share["Name"], share["Patr"])


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int
    initial: bool = False

    @property
    def key(self) -> str:
        return self.text.lower().replace("ё", "е")

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Found:
    value: str
    start: int
    end: int
    score: float


def _words(text: str, blocked: list[tuple[int, int]]) -> list[_Word | None]:
    """Words that may be part of a name, None for anything that breaks a name (punctuation, digits, new lines)."""
    words: list[_Word | None] = []
    previous_end = 0
    for m in _TOKEN.finditer(text):
        if "\n" in text[previous_end: m.start()] and words and words[-1] is not None:
            words.append(None)
        previous_end = m.end()
        value = m.group()
        if any(start < m.end() and m.start() < end for start, end in blocked):
            words.append(None)
        elif value == "." and words and words[-1] is not None and words[-1].initial:
            continue
        elif len(value) == 1 and value in _CAPITALS and text[m.end(): m.end() + 1] == ".":
            words.append(_Word(value, m.start(), m.end(), initial=True))
        elif value[0] in _LETTERS and len(value) > 1:
            words.append(_Word(value, m.start(), m.end()))
        else:
            words.append(None)
    return words


@lru_cache(maxsize=1)
def _ner():
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter
    from threadpoolctl import ThreadpoolController

    return Segmenter(), NewsNERTagger(NewsEmbedding()), ThreadpoolController()


def _ner_says_person(text: str, start: int, end: int) -> bool:
    """Natasha's NER, on the words around, tags this place as a person."""
    from natasha import Doc

    low, high = max(0, start - _NER_CONTEXT), min(len(text), end + _NER_CONTEXT)
    segmenter, tagger, threads = _ner()
    doc = Doc(text[low:high])
    doc.segment(segmenter)
    with threads.limit(limits=1, user_api="blas"):  # tiny matrices: more threads only wait for each other
        doc.tag_ner(tagger)
    return any(span.type == "PER" and span.start <= start - low and end - low <= span.stop for span in doc.spans)


def _role_score(word: _Word, role: str) -> float:
    if role == "I":
        return 1.0 if word.initial else 0.0
    if word.initial:
        return 0.0
    roles = _roles(word.key)
    return {"S": roles.surname, "N": roles.name, "P": roles.patronymic}[role]


def _fits(window: list[_Word], pattern: str, cased: bool) -> float:
    """How well the words fit the pattern, 0 when they do not."""
    scores = [_role_score(w, r) for w, r in zip(window, pattern, strict=True)]
    has_patronymic = "P" in pattern
    for word, role, score in zip(window, pattern, scores, strict=True):
        least = {"S": 0.1, "N": 0.05 if has_patronymic else 0.3, "P": 0.5, "I": 1.0}[role]
        if score < least or (cased and not word.cap):
            return 0.0
        if not cased and role in "SN" and not has_patronymic and score < 0.5:
            return 0.0
    return sum(min(s, 1.0) for s in scores) / len(scores)


class _Finder:
    def __init__(self, text: str, words: list[_Word | None], cased: bool, is_street_word) -> None:
        self.text, self.words, self.cased, self.is_street_word = text, words, cased, is_street_word

    def _before(self, i: int) -> str:
        """The word before position i (lower case), '' at a break."""
        head = self.text[: self.words[i].start].rstrip(" ,:;(")
        m = re.search(r"([А-Яа-яЁё]+)\W*$", head[-40:])
        return m.group(1).lower() if m else ""

    def _isolated(self, i: int) -> bool:
        """A lone word between breaks: «…кв 3, Соколов 8 904…», «…Гороховая 35. Ершова»."""
        prev_ok = i == 0 or self.words[i - 1] is None or self._before(i) in _CUES
        next_ok = i + 1 >= len(self.words) or self.words[i + 1] is None
        return prev_ok and next_ok

    def _window_score(self, i: int, n: int) -> tuple[float, str]:
        window = self.words[i: i + n]
        best, best_pattern = 0.0, ""
        for pattern in _PATTERNS[n]:
            fit = _fits(window, pattern, self.cased)
            if fit > best:
                best, best_pattern = fit, pattern
        if not best_pattern:
            return 0.0, ""
        if n == 1 and not self._single_surname_ok(i, best):
            return 0.0, ""
        score = n + best + (0.5 * ("P" in best_pattern or "I" in best_pattern))
        before = self._before(i)
        score += 0.5 * (before in _CUES) - 2.0 * (before in _NEIGHBOURS)
        return score, best_pattern

    def _single_surname_ok(self, i: int, fit: float) -> bool:
        """A surname alone: set apart as in a note, or (in a text with capitals) a person to the NER."""
        word = self.words[i]
        if fit < 0.4 or not (word.cap or not self.cased) or _roles(word.key).name >= 0.3:
            return False
        if self.is_street_word(word.key) and self._before(i) not in _CUES:
            return False
        return self._isolated(i) or (self.cased and _ner_says_person(self.text, word.start, word.end))

    def best(self) -> tuple[list[_Word], str, float] | None:
        """The best-fitting name; a surname alone only when there is no name of two or three words."""
        for sizes in ((3, 2), (1,)):
            found = None
            for i, word in enumerate(self.words):
                for n in sizes if word is not None else ():
                    window = self.words[i: i + n]
                    if len(window) < n or any(w is None for w in window):
                        continue
                    score, pattern = self._window_score(i, n)
                    if pattern and (found is None or score > found[2]):
                        found = (window, pattern, score)
            if found:
                return found
        return None


def _parses_of(word: str, role: str) -> list:
    tag = {"S": "Surn", "N": "Name", "P": "Patr"}[role]
    return [p for p in _parse(word) if tag in p.tag]


def _parses(word: _Word, role: str) -> list:
    if "-" in word.key:
        return [p for part in word.key.split("-") for p in _parses_of(part, role)]
    return _parses_of(word.key, role)


def _agrees(parse, gender: str) -> bool:
    """Of this gender, or a surname of both («Кравченко», «ms-f»)."""
    return "ms-f" in parse.tag or "Fixd" in parse.tag or parse.tag.gender == gender


def _form_score(words: list[_Word], pattern: str, gender: str, case: str) -> float | None:
    total = 0.0
    for word, role in zip(words, pattern, strict=True):
        if role == "I":
            continue
        parses = _parses(word, role)
        fitting = [p.score for p in parses if p.tag.case == case and _agrees(p, gender)]
        if parses and not fitting:
            return None  # an unknown surname («Кириллова») follows the case of the other words
        total += max(fitting, default=0.0)
    prior = _NOMINATIVE_PRIOR if "N" in pattern or "P" in pattern else _ALONE_NOMINATIVE_PRIOR
    return total + (prior if case == "nomn" else 0.0)


def _unknown_surname(word: str, gender: str, case: str) -> str:
    if case == "nomn":
        return word
    for ending, nominative in _SURNAME_ENDINGS[gender]:
        if word.endswith(ending):
            return word[: -len(ending)] + nominative
    return word


def _nominative_part(word: str, role: str, gender: str, case: str) -> str:
    parses = _parses_of(word, role)
    for parse in parses:
        if parse.tag.case == case and _agrees(parse, gender):
            form = None if "Fixd" in parse.tag else parse.inflect({"nomn", "sing"})
            return form.word if form else word
    if role == "S" and not parses:
        adjective = next((p for p in _parse(word) if p.tag.POS == "ADJF" and p.tag.case == case), None)
        form = adjective.inflect({"nomn", gender}) if adjective and case != "nomn" else None  # «Белой» → «Белая»
        return form.word if form else _unknown_surname(word, gender, case)
    return word


def _nominative(word: _Word, role: str, gender: str, case: str) -> str:
    if role == "I":
        return word.text.upper() + "."
    value = "-".join(_nominative_part(part, role, gender, case) for part in word.key.split("-"))
    if "ё" not in word.text.lower():
        value = value.replace("ё", "е")
    return "-".join(part[:1].upper() + part[1:] for part in value.split("-"))


def _as_filed(words: list[_Word], pattern: str) -> str:
    """The words in the nominative, surname first: «Ивановой Марии Петровны» → «Иванова Мария Петровна»."""
    forms = [(g, c, _form_score(words, pattern, g, c)) for g, c in product(("femn", "masc"), _CASES)]
    forms = [f for f in forms if f[2] is not None]
    gender, case, _ = max(forms, key=lambda f: f[2]) if forms else ("masc", "nomn", 0)
    parts = {role: [] for role in "SNPI"}
    for word, role in zip(words, pattern, strict=True):
        parts[role].append(_nominative(word, role, gender, case))
    initials = "".join(parts["I"])
    return " ".join(filter(None, [*parts["S"], *parts["N"], *parts["P"], initials]))


def find_name(text: str, blocked: list[tuple[int, int]], cased: bool, is_street_word) -> Found | None:
    """The applicant's full name, or None; `blocked` are places of the address, phones and e-mails."""
    words = _words(text, blocked)
    best = _Finder(text, words, cased, is_street_word).best()
    if best is None:
        return None
    window, pattern, score = best
    return Found(_as_filed(window, pattern), window[0].start, window[-1].end, score)


@lru_cache(maxsize=5_000)
def nominative_street(street: str) -> str:
    """A street typed declined, in the nominative: «Моховой улице» → «Моховая улица».

    Only when the type word itself is declined: in «ул. Римского-Корсакова» the name is as it should be.
    """
    words = street.split()
    if not any(w.lower().strip(".,") in DECLINED_TYPES for w in words):
        return street
    result = []
    for word in words:
        parse = next((p for p in _parse(word.lower()) if p.tag.POS == "ADJF"), None)
        form = parse.inflect({"nomn"}) if parse is not None and parse.tag.case != "nomn" else None
        result.append(word[0] + form.word[1:] if form else word)
    return " ".join(result)

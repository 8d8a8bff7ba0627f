"""The applicant's name in free text, put as a person files it: «Иванова Мария Петровна».

Words are read with pymorphy3, which knows first names, patronymics and surnames (and guesses
unknown surnames by their endings); a name is two or three such words in one of the orders
people write them, or a surname with initials, or — in an operator's note — a surname alone
between commas, a phone or the address. Where the rules are unsure — a surname alone after
«звонила», «от» in running text — natasha's NER decides. The chosen words are put in the
nominative together, so that «от Ивановой Марии Петровны» gives «Иванова Мария Петровна»,
and in the order surname, name, patronymic. Places («на Ильюшина», «Евгения Шварца 11») and
the names of neighbours and clerks are not the applicant's.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from appeals.search import morph
from housing.addresses import DECLINED_TYPES, STREET_TYPES

from ..semantic import embedding, one_blas_thread

_TOKEN = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?|[A-Za-z0-9_]+|\S")
_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_CAPITALS = set("АБВГДЕЁЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ")
_LINE_END = re.compile(r"[ .!]*(?:\n|$)")
_WORD_AFTER = re.compile(r"[\s,:;)\-–—]*([А-Яа-яЁё]+)")
_PLACE_BEFORE_NAME = {"на", "по", "возле", "около", "напротив", "до", "к", "угол", "углу", "между", "вдоль", "через",
                      "пересечение", "перекресток"}
_PLACE_WORDS = {"на", "по", "у", "с", "со", "возле", "около", "напротив", "до", "к", "за", "угол", "углу", "между",
                "вдоль", "через", "из", "в", "во", "перед", "пересечение", "район", "районе"}
_WORD_BEFORE = re.compile(r"([А-Яа-яЁё]+)[\s,:;(\-–—]*$")  # the word just before, not across a full stop
_NER_CONTEXT = 120  # characters on each side given to the NER: enough for a sentence
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Notes name people in the nominative unless the words say otherwise: «Мухина Алена» is a woman, though
# «Мухина» and «Алена» read more often as «Мухин Ален» in the genitive.
_NOMINATIVE_PRIOR = 0.6
_SURE, _RARE_NAME = 0.8, 0.3  # a sure surname; what a name beside it that is more often a word («Роман») counts
_LONE_SURNAME, _SIGNATURE_SURNAME = 0.4, 0.25  # a surname alone; signing a letter, more often a word («Котов»)
_SENTENCE_END, _TEXT_END = re.compile(r"[.!?\n]\s*\Z"), re.compile(r"[ .!\n]*\Z")
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
# Words before a name that is not the applicant's: a neighbour, a member of staff.
_OTHERS = re.compile(r"^(?:сосед|дворник|сотрудни|мастер|слесар|сантехник|электрик|инженер|диспетчер|управляющ"
                     r"|председател|техник|уборщи|охранник|консьерж|руковод|директор|начальник|глав[аеуы]|менеджер|представител)")
# Patterns of a name: S surname, N first name, P patronymic, I initial.
_PATTERNS = {3: ("SNP", "NPS", "SII", "IIS"), 2: ("SN", "NS", "NP", "SI", "IS"), 1: ("S", "N")}
# A form's labelled fields: «Фамилия: Котова Имя: Ирина Отчество: Олеговна», or without the colons before
# capitalised words («Фамилия Котова Имя Ирина»).
_FIELD = re.compile(r"(?<![А-Яа-яЁё])(фамилия|имя|отчество)(?:\s*[:\-–—]\s*|(?P<bare>\s+(?-i:(?=[А-ЯЁ]))))"
                    r"([А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?)", re.IGNORECASE)
_FIELD_START = re.compile(r"(?:^|[\n,;])[ \t]*\Z")  # a label without its colon starts a line or follows a field
_FIO_LABEL = re.compile(r"(?<![А-Яа-яЁё])ф\.\s?и\.\s?о\.", re.IGNORECASE)  # «Ф.И.О.» is a label, not initials
_FIELD_ROLES = {"фамилия": "S", "имя": "N", "отчество": "P"}
# The end of a label of several parts («Имя и фамилия:», «Фамилия, имя:»): what follows is a name in any order.
_LABEL_BEFORE = re.compile(r"(?:фамилия|имя|отчество)\s*(?:,|и)?\s*\Z", re.IGNORECASE)


@lru_cache(maxsize=50_000)
def _parse(word: str) -> tuple:
    return tuple(morph().parse(word))


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
    def spelled(self) -> str:
        """Lower case with «ё» kept, for the forms: «Алёна» is a woman's name, «Алена» may be «Ален» declined."""
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Found:
    value: str
    start: int
    end: int
    score: float


# What stands between name words: a break (punctuation, a new line, a phone or an address), a number, another word.
BREAK, CONTACT, NUMBER, OTHER = "break", "contact", "number", "other"
_BREAKS = (BREAK, CONTACT)


def _words(text: str, blocked: list[tuple[int, int]]) -> list:
    """The text as name words (_Word) and what is between them (BREAK, NUMBER, OTHER)."""
    words: list = []
    previous_end, spans, j = 0, sorted(blocked), 0
    for m in _TOKEN.finditer(text):
        if "\n" in text[previous_end: m.start()] and words and words[-1] not in _BREAKS:
            words.append(BREAK)
        previous_end = m.end()
        value = m.group()
        while j < len(spans) and spans[j][1] <= m.start():
            j += 1
        if j < len(spans) and spans[j][0] < m.end():
            words.append(CONTACT)
        elif value == "." and words and isinstance(words[-1], _Word) and words[-1].initial:
            continue
        elif len(value) == 1 and value in _CAPITALS and text[m.end(): m.end() + 1] == ".":
            words.append(_Word(value, m.start(), m.end(), initial=True))
        elif value[0] in _LETTERS and len(value) > 1:
            key = value.lower().replace("ё", "е")
            words.append(_Word(value, m.start(), m.end()) if _may_be_name(key) else OTHER)
        else:
            words.append(NUMBER if value[0].isdigit() else BREAK if value[0] not in _LETTERS else OTHER)
    return words


@lru_cache(maxsize=1)
def _ner():
    from natasha import NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(embedding())


def _ner_says_person(text: str, start: int, end: int) -> bool:
    """Natasha's NER, on the words around, tags this place as a person."""
    from natasha import Doc

    low, high = max(0, start - _NER_CONTEXT), min(len(text), end + _NER_CONTEXT)
    segmenter, tagger = _ner()
    doc = Doc(text[low:high])
    doc.segment(segmenter)
    with one_blas_thread():  # tiny matrices: more threads only wait for each other (100 ms instead of 2)
        doc.tag_ner(tagger)
    return any(span.type == "PER" and span.start <= start - low and end - low <= span.stop for span in doc.spans)


def _may_be_name(key: str) -> bool:
    roles = _roles(key)
    return roles.surname > 0 or roles.name > 0 or roles.patronymic > 0


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
    if cased and any(r == "S" and s >= _SURE for r, s in zip(pattern, scores, strict=True)):
        # beside a sure surname a capitalised name that is more often a word is a name: «Яковлев Роман»
        scores = [max(s, _RARE_NAME) if r == "N" and s > 0 and w.cap else s
                  for w, r, s in zip(window, pattern, scores, strict=True)]
    # a full name with its patronymic needs no capitals: «ФИО: сорокина елена викторовна» in a form
    uncapitalised = len(window) == 3 and has_patronymic and min(scores) >= 0.3
    for word, role, score in zip(window, pattern, scores, strict=True):
        least = {"S": 0.1, "N": 0.05 if has_patronymic else 0.3, "P": 0.5, "I": 1.0}[role]
        if score < least or (cased and not word.cap and not uncapitalised):
            return 0.0
        if not cased and role in "SN" and not has_patronymic and score < 0.5:
            return 0.0
    return sum(min(s, 1.0) for s in scores) / len(scores)


class _Finder:
    def __init__(self, text: str, words: list, cased: bool, is_street_word) -> None:
        self.text, self.words, self.cased, self.is_street_word = text, words, cased, is_street_word

    def _before(self, i: int) -> str:
        """The word before position i (lower case), '' at a break."""
        m = _WORD_BEFORE.search(self.text, max(0, self.words[i].start - 40), self.words[i].start)
        return m.group(1).lower() if m else ""

    def _after(self, i: int) -> str:
        m = _WORD_AFTER.match(self.text, self.words[i].end)
        return m.group(1).lower() if m else ""

    def _isolated(self, i: int) -> bool:
        """A lone word between breaks («…кв 3, Соколов 8 904…», «…Гороховая 35. Ершова»), or signing a line."""
        prev_ok = i == 0 or self.words[i - 1] in _BREAKS or self._before(i) in _CUES
        next_ok = i + 1 >= len(self.words) or self.words[i + 1] in _BREAKS
        signs = self.cased and _LINE_END.match(self.text, self.words[i].end) is not None  # «…шумят по ночам Зайцева»
        if not self.cased:  # «владимирский 9 кв 5 кузнецов»: without capitals only a word next to the contacts
            return next_ok and prev_ok and CONTACT in (self._at(i - 1), self._at(i + 1))
        return next_ok and (prev_ok or signs)

    def _at(self, i: int):
        return self.words[i] if 0 <= i < len(self.words) else BREAK

    def _window_score(self, i: int, n: int) -> tuple[float, str]:
        window = self.words[i: i + n]
        best, best_pattern = 0.0, ""
        for pattern in _PATTERNS[n]:
            fit = _fits(window, pattern, self.cased)
            if fit > best:
                best, best_pattern = fit, pattern
        if not best_pattern:
            return 0.0, ""
        if n == 1 and not (self._single_surname_ok(i, best) if best_pattern == "S" else self._first_name_ok(i)):
            return 0.0, ""
        score = n + best + (0.5 * ("P" in best_pattern or "I" in best_pattern))
        before = self._before(i)
        if _OTHERS.match(before) or self._others_run(i) or before in _PLACE_BEFORE_NAME or self._at(i + n) == NUMBER:
            return 0.0, ""  # a neighbour's, a clerk's name; «на Николая Рубцова», «Евгения Шварца 11» are streets
        return score + 0.5 * (before in _CUES), best_pattern

    def _others_run(self, i: int) -> bool:
        """Whether the name words running up to position i follow a neighbour's or a clerk's title: «Анна
        Ивановна» in «диспетчер Смирнова Анна Ивановна» is the clerk's name as much as the whole."""
        start = i
        while i > max(0, start - 3) and isinstance(self.words[i - 1], _Word):  # a name has three words at most
            i -= 1
            if _OTHERS.match(self.words[i].key):
                return True
        return bool(_OTHERS.match(self._before(i)))

    def _single_surname_ok(self, i: int, fit: float) -> bool:
        """A surname alone: set apart as in a note, or named after «звонила», «от»… and a person to the NER.

        Not a word that reads as a place: after «на», «по», «у»…, next to a street type, before a house number.
        """
        word, before = self.words[i], self._before(i)
        least = _SIGNATURE_SURNAME if self._signs_off(i) else _LONE_SURNAME
        if fit < least or not (word.cap or not self.cased) or _roles(word.key).name >= 0.3 or "-" in word.key:
            return False
        if before in _PLACE_WORDS or self._after(i) in STREET_TYPES:
            return False
        if self.is_street_word(word.key) and before not in _CUES:
            return False
        if self._isolated(i):
            return True
        return self.cased and before in _CUES and _ner_says_person(self.text, word.start, word.end)

    def _signs_off(self, i: int) -> bool:
        """The last word of a cased text, after the end of a sentence: a signature («…случайно). Котов»)."""
        word = self.words[i]
        return (self.cased and _TEXT_END.match(self.text, word.end) is not None
                and _SENTENCE_END.search(self.text, max(0, word.start - 20), word.start) is not None)

    def _first_name_ok(self, i: int) -> bool:
        """A first name alone, as people sign a letter or leave a name with a phone: «…кв 8. Татьяна»,
        «921 555 66 77 (Анастасия)», «меня зовут Ирина». Capitalised and set apart, or after such a cue."""
        word, before = self.words[i], self._before(i)
        if not self.cased or not word.cap or _roles(word.key).name < 0.6 or self.is_street_word(word.key):
            return False
        if before in _PLACE_WORDS or self._after(i) in STREET_TYPES:
            return False
        bracketed = self.text[:word.start].rstrip().endswith("(") and self.text[word.end:].lstrip().startswith(")")
        return bracketed or before in _CUES or self._isolated(i)

    def best(self) -> tuple[list[_Word], str, float] | None:
        """The best-fitting name; a surname alone only when there is no name of two or three words."""
        for sizes in ((3, 2), (1,)):
            found = None
            for i, word in enumerate(self.words):
                for n in sizes if isinstance(word, _Word) else ():
                    window = self.words[i: i + n]
                    if len(window) < n or not all(isinstance(w, _Word) for w in window):
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
        return [p for part in word.spelled.split("-") for p in _parses_of(part, role)]
    return _parses_of(word.spelled, role)


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
    value = "-".join(_nominative_part(part, role, gender, case) for part in word.spelled.split("-"))
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


def _form_fields(text: str) -> Found | None:
    """The name given in a form's fields, surname, first name and patronymic each after its label."""
    found, last_end = {}, None
    for m in _FIELD.finditer(text):
        if _LABEL_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if m["bare"] and not (_FIELD_START.search(text, max(0, m.start() - 5), m.start())
                              or last_end is not None and not text[last_end: m.start()].strip()):
            continue  # «на имя Петровой» is no field
        role, value = _FIELD_ROLES[m.group(1).lower()], m.group(3)
        if role not in found and _may_be_name(value.lower().replace("ё", "е")):
            found[role], last_end = _Word(value, m.start(3), m.end(3)), m.end(3)
    if "S" not in found and "N" not in found:
        return None
    pattern = "".join(role for role in "SNP" if role in found)
    words = [found[role] for role in pattern]
    return Found(_as_filed(words, pattern), words[0].start, words[-1].end, float(len(words)))


def find_name(text: str, blocked: list[tuple[int, int]], cased: bool, is_street_word) -> Found | None:
    """The applicant's full name, or None; `blocked` are places of the address, phones and e-mails."""
    fields = _form_fields(text)
    if fields:
        return fields
    words = _words(text, blocked + [(m.start(), m.end()) for m in _FIO_LABEL.finditer(text)])
    best = _Finder(text, words, cased, is_street_word).best()
    if best is None:
        return None
    window, pattern, score = best
    return Found(_as_filed(window, pattern), window[0].start, window[-1].end, score)


_TYPE_GENDER = {"улица": "femn", "набережная": "femn", "площадь": "femn", "линия": "femn", "аллея": "femn",
                "шоссе": "neut"}  # the other types are masculine: проспект, переулок, бульвар, проезд, тупик
_OBLIQUE_ADJECTIVE = re.compile(r"(?:ой|ей|ую|юю|ого|его|ому|ему|ом|ем|ым|им)$")


def _adjective_nominative(word: str, gender: str, agreeing: bool) -> str:
    """«Мебельной» → «Мебельная» (feminine type), «Малого» → «Малый»; the word as it is when already so.

    `agreeing`: only a word of the type's own gender («ул. Купчинской», not «ул. Белинского»).
    """
    parses = [p for p in _parse(word.lower()) if p.tag.POS == "ADJF"]
    if agreeing:
        parses = [p for p in parses if p.tag.gender == gender]
    if not parses or any(p.tag.case == "nomn" and p.tag.gender == gender for p in parses):
        return word
    form = parses[0].inflect({"nomn", gender})
    return word[0] + form.word[1:] if form else word


@lru_cache(maxsize=5_000)
def nominative_street(street: str) -> str:
    """A street typed declined, in the nominative: «Моховой улице» → «Моховая улица», «Мебельной ул.» → «Мебельная ул.».

    Adjectives before the type word agree with it; after it only when the type word itself is declined
    («улице Кирочной»): in «ул. Римского-Корсакова» the name is as it should be.
    """
    words = street.split()
    at = next((i for i, w in enumerate(words) if w.lower().strip(".,") in STREET_TYPES), None)
    if at is None:
        return street
    kind = words[at].lower().strip(".,")
    gender = _TYPE_GENDER.get(STREET_TYPES[kind], "masc")
    # After the type only when its own case shows («улице Кирочной») or a feminine name agrees with it
    # («ул. Купчинской»): «пр. Римского-Корсакова», «ул. Белинского» are genitives as they should be.
    declined = kind in DECLINED_TYPES
    return " ".join(
        _adjective_nominative(word, gender, agreeing=i > at and not declined)
        if i != at and (i < at or declined or gender == "femn") and _OBLIQUE_ADJECTIVE.search(word.lower()) else word
        for i, word in enumerate(words))

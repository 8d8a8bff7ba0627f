"""The address in free text: street, house, корпус, литера, flat, and the registry building.

The text is read as tokens. A street is found by a word of a registry street in any case
(«на Марата», «по Невскому», with one typo forgiven before a house number), or by a street
type word with the name next to it («ул. Пестеля», «Моховая ул.»), or — for streets the
registry does not know and typed without a type — by words followed by a house with a flat
(«Пестеля 8 кв 3»). The house comes after the street («Марата 7 кв 12», «Литейный 46к2»)
or before it («д.7 по ул. Марата», «дома 24 по Кирочной улице»). The splitting of the found
piece into house, корпус, литера and flat, and the matching with the registry, are housing's.
"""

import re
from dataclasses import dataclass

from housing import gazetteer
from housing.addresses import (
    GENERIC_WORDS,
    STREET_TYPES,
    normalize_street,
    ordinal,
    parse_address,
    street_key,
    street_type,
)
from housing.services import StreetIndex, building_on_street, declined

from .text import MASK

_TOKEN = re.compile(r"\d{1,2}-?(?:ая|ья|ой|ий|ый|я|й)(?![а-яa-z0-9])|\d+|[а-яa-z]+(?:-[а-яa-z]+)*|" + MASK +
                    r"+|[.,:;/№()\-–—]|[^\w\s.,:;/№()\-–—]+")
_WORD_TOKEN = re.compile(r"[а-я]+(?:-[а-я]+)*")
_MOST_CANDIDATES = 6  # resolved against the registry, the likeliest first: a long text may name many addresses
_SCAN_TYPES = set(STREET_TYPES) - {"ш"}
_LINE_WORDS = {"линия", "линии", "линию"}  # the numbered lines of Васильевский остров
_HOUSE_WORDS = {"д", "дом", "дома", "доме", "домом"}
_FLAT_WORDS = {"кв", "квартира", "кв-ра", "квартиры", "квартире", "квартиру", "квартирой"}
_KORPUS_WORDS = {"к", "корп", "корпус"}
_LITERA_WORDS = {"лит", "литера", "литер"}
_LEAD = {",", ".", ":", "у", "в", "-", "–", "—"} | _HOUSE_WORDS
_PREPOSITIONS = {"по", "на", ",", "в"}
_ADDRESS_CUES = {"адрес", "адресу", "проживаю", "проживает", "проживающая", "проживающий", "живу", "живет"}
_STOP = {
    "и", "а", "но", "или", "в", "во", "на", "по", "у", "с", "со", "к", "от", "до", "из", "за", "над", "под", "при",
    "о", "об", "для", "не", "нет", "уже", "еще", "я", "мы", "он", "она", "они", "мне", "нам", "нас", "наш", "наша",
    "наше", "это", "этот", "эта", "там", "тут", "где", "когда", "все", "весь", "вся", "тел", "телефон", "т", "г",
    "город", "санкт-петербург", "спб", "петербург", "санкт-петербурга", "петербурга", "ленинград", "россия",
    "квартир", "квартирами", "квартирам", "район", "подъезд", "парадная", "этаж", "двор",
    "крыша", "лифт", "вода", "свет", "течет", "д", "кв", "лит", "корп", "тоже", "очень", "срочно", "просьба",
    "прошу", "звонила", "звонил", "звонит", "жалоба", "заявка", "житель", "жительница", "жители", "собственник",
} | _HOUSE_WORDS | _FLAT_WORDS | _ADDRESS_CUES
_ADJECTIVE = re.compile(r"(?:ая|яя|ий|ый|ой|ое|ее|ую|юю|ом|ем|ого|его|ому|ему|ей|ых|их)$")
_ADJECTIVE_OR_POSSESSIVE = re.compile(_ADJECTIVE.pattern[:-2] + r"|ов|ев|ин|ын|ова|ева|ина|ына|ко)$")
_NEVER = re.compile(r"(?!)")
_ABBREVIATION = re.compile(r"[А-ЯЁA-Z][А-ЯЁA-Z]|[а-яёa-z][А-ЯЁA-Z]")
# Ranks and titles in street names that people leave out: «Жукова 30» for «проспект Маршала Жукова».
_TITLES = {"маршала", "адмирала", "генерала", "академика", "профессора", "капитана", "лейтенанта", "героя",
           "летчика", "космонавта", "композитора", "композиторов", "поэта", "писателя", "художника", "архитектора"}
_HOUSE_LETTERS = set("абвгдежзиклмнопрстуфхцчшщэю")
_FLAT_ANYWHERE = re.compile(
    r"(?<![а-я])(?:кв|кв-ра|квартир[а-я]*)\.?\s*(?:№\s*)?(\d{1,4})(?!\d)(?![.,]\d)"
    r"|(?<![а-я])(?:из|в|во|у|для|к|возле|около)\s+(\d{1,4})\s*-?(?:й|я|ю|ей)?\s+квартир[а-я]*")
_OWN_FLAT = re.compile(r"(?:живу|проживаю|моей|моя|мою|нашей|наша|нашу|у меня)\W+(?:\w+\W+)?$")
_NEIGHBOURS_FLAT = re.compile(r"сосед\w*\W+(?:\w+\W+){0,3}$")


@dataclass(frozen=True)
class Token:
    text: str  # lower case, «ё» as «е»
    start: int
    end: int
    cap: bool  # begins with a capital in the text as written
    abbreviation: bool = False  # «ОСТ», «СНиП», «ЖКС»: capitals inside the word

    @property
    def is_number(self) -> bool:
        return self.text.isdigit()


@dataclass
class Address:
    street: str | None = None
    house: str | None = None
    korpus: str | None = None
    litera: str | None = None
    flat: str | None = None
    building_id: int | None = None
    start: int = 0
    end: int = 0  # the place of the address in the text
    mentions: tuple[tuple[int, int], ...] = ()  # places of every street found, kept out of name finding


@dataclass
class _Candidate:
    first: int  # token indexes of the whole piece, house included
    last: int
    street_first: int
    street_last: int
    streets: frozenset[str]  # registry streets it may be; empty for a street the registry does not know
    typed_type: str
    strong: bool  # has a flat, корпус or литера: an address beyond doubt


def tokens_of(masked_lower: str, text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), text[m.start()].isupper(),
                  _ABBREVIATION.search(text, m.start(), m.end()) is not None) for m in _TOKEN.finditer(masked_lower)]


def _ordinal_token(token: Token) -> bool:
    return token.text[:1].isdigit() and not token.is_number or bool(ordinal(token.text))


def _name_like(token: Token, cased: bool) -> bool:
    return (token.text[:1].isalpha() and token.text not in _STOP and token.text not in _SCAN_TYPES
            and len(token.text) >= 2 and (token.cap or not cased or _ordinal_token(token))
            and not (cased and token.abbreviation))


class _Reader:
    """One pass over the tokens of one text."""

    def __init__(self, text: str, tokens: list[Token], index: StreetIndex, cased: bool) -> None:
        self.text, self.t, self.index, self.cased = text, tokens, index, cased
        self.streets = [self._streets_of(i) for i in range(len(tokens))]

    def _at(self, i: int) -> str:
        return self.t[i].text if 0 <= i < len(self.t) else ""

    def _streets_of(self, i: int) -> frozenset[str]:
        token = self.t[i]
        if not token.text[:1].isalpha() or token.text in _STOP or token.text in _SCAN_TYPES or len(token.text) < 3:
            return frozenset()
        form = token.text
        found = self.index.lookup(form)
        if not found and self._before_house(i) and (known := self.index.correct(form)):
            form, found = known, self.index.lookup(known)
        return frozenset(street for street in found if self._named_in_full(street, i, form))

    def _named_in_full(self, street: str, i: int, form: str) -> bool:
        """The street's other words are near: «Алексеева» alone is an applicant, not «улица Васи Алексеева», and
        «Невский» is no «площадь Александра Невского». A rank or title may be left out («Жукова 30»)."""
        near = [self.t[k].text for k in range(max(0, i - 3), min(len(self.t), i + 4)) if k != i]
        for word in street_key(street).split():
            if word in _TITLES or declined(form, word):
                continue
            if not any(declined(typed, word) or ordinal(typed) == word for typed in near):
                return False
        return True

    def _before_house(self, i: int) -> bool:
        j = i + 1
        while j < len(self.t) and self.t[j].text in _LEAD and j - i <= 5:
            j += 1
        return j < len(self.t) and self.t[j].is_number

    def _island(self, i: int) -> bool:
        """A letter of «В.О.», «П.С.» (Васильевский остров, Петроградская сторона) after a street name."""
        for start in (i, i - 2):
            pair = self._at(start) + self._at(start + 1) + self._at(start + 2) + self._at(start + 3)
            if pair in ("в.о.", "п.с.") or (pair[:3] in ("в.о", "п.с") and start + 3 >= len(self.t)):
                return True
        return False

    def _role(self, i: int) -> str:
        text = self._at(i)
        if text in ("в", "о", "п", "с") and self._island(i):
            return "generic"
        if text == "во" and self._at(i - 1) in _LINE_WORDS:  # «5 линия ВО»
            return "generic"
        if text.isdigit() and len(text) <= 2 and self._at(i + 1) in _LINE_WORDS:
            return "ordinal"
        if text in _SCAN_TYPES:
            return "type"
        if text in GENERIC_WORDS:
            return "generic"
        if text == ".":
            return "dot"
        if not 0 <= i < len(self.t):
            return ""
        if self.streets[i]:
            return "street"
        return "ordinal" if _ordinal_token(self.t[i]) else ""

    # --- the house and what follows it ---

    def house_after(self, i: int) -> tuple[int, bool] | None:
        """(last token of the house part, strong) for a house starting after token i, or None."""
        j = i + 1
        while self._at(j) in _LEAD and j - i <= 5:  # «пр., д. 100»
            j += 1
        if j >= len(self.t) or not self.t[j].is_number or len(self._at(j)) > 4:
            return None
        return self._house_parts(j)

    def _house_parts(self, j: int) -> tuple[int, bool]:
        last, strong = j, False
        while True:
            step = self._part(last + 1)
            if step is None:
                return last, strong
            last, strong = step[0], strong or step[1]

    def _part(self, k: int, separated: bool = False) -> tuple[int, bool] | None:
        """A letter, «/2», «-42», «к2», «лит. А», «кв. 12» right after token k-1; after ',' only the worded ones."""
        text = self._at(k)
        if text in (",", ".") and not separated:
            return self._part(k + 1, separated=True)
        glued = 0 < k < len(self.t) and self.t[k].start == self.t[k - 1].end
        if not separated and glued and text in _HOUSE_LETTERS and not self._at(k + 1).isdigit():
            return k, False
        if not separated and text in ("/", "-", "–") and self._at(k + 1).isdigit():
            if self._at(k + 2) in ("-", "–") and self._at(k + 3).isdigit():
                return None  # «22-1643-85», «41-01-2003»: a code, not a house
            return k + 1, text != "/"
        for words, wanted in ((_KORPUS_WORDS, "digit"), (_LITERA_WORDS, "letter"), (_FLAT_WORDS, "digit")):
            if text in words:
                m = k + 1
                while self._at(m) in (".", "№") and m - k <= 2:
                    m += 1
                value = self._at(m)
                if wanted == "letter" and len(value) == 1 and value.isalpha():
                    return m, True
                if wanted == "digit" and value.isdigit() and len(value) <= 4:
                    lettered = (words is _FLAT_WORDS and m + 1 < len(self.t) and self.t[m + 1].start == self.t[m].end
                                and self._at(m + 1) in _HOUSE_LETTERS)
                    return m + lettered, True
        return None

    def house_before(self, i: int) -> int | None:
        """First token of «д. 7 по», «в доме 12 на», «дома 92», «дома 22 к 1 по» just before the street at i."""
        k = i - 1
        while self._at(k) in _PREPOSITIONS and i - k <= 2:
            k -= 1
        for word in range(k - 1, max(k - 8, 0) - 1, -1):
            if self._at(word) in _HOUSE_WORDS:
                number = word + 2 if self._at(word + 1) == "." else word + 1
                if number <= k and self._at(number).isdigit() and self._house_parts(number)[0] == k:
                    return word
                return None
        return None

    # --- streets ---

    def street_run(self, i: int) -> tuple[int, int] | None:
        """The run of street tokens starting at i: registry words, one type word, «реки», ordinals."""
        if not self._role(i) or self._role(i) in ("dot", "generic"):
            return None
        last, types = i, 0
        j = i
        while j < len(self.t) and self._role(j):
            types += self._role(j) == "type"
            if types > 1:
                break
            if self._role(j) != "dot":
                last = j
            j += 1
        roles = {self._role(k) for k in range(i, last + 1)}
        return (i, last) if roles & {"street", "type"} else None

    def words_before(self, i: int, shapes: re.Pattern, capitals: bool) -> int:
        """First of up to two name words right before i, on its line: «Малая Садовая», «Щербаков переулок»."""
        first = i
        while first - 1 >= 0 and i - first < 2:
            token = self.t[first - 1]
            fits = shapes.search(token.text) or (capitals and self.cased and token.cap)
            if not (_name_like(token, self.cased) and fits) or "\n" in self.text[token.end: self.t[first].start]:
                break
            first -= 1
        return first

    def names_after(self, i: int) -> int:
        """Last of the name words after a type word at i («ул. Пестеля», «пр. Римского-Корсакова»)."""
        k = i + 1
        while self._at(k) in (".",) or self._role(k) == "generic":
            k += 1
        words = []
        while k < len(self.t) and len(words) < 3 and _name_like(self.t[k], self.cased):
            words.append(k)
            k += 1
            if self._at(k) == "." and self._role(k + 1) == "generic":
                k += 1
        if not words:
            return i
        for n, w in enumerate(words):
            if self.house_after(w) and (self.cased or n < 2):
                return w
        return words[-1] if self.cased else words[0]

    def candidates(self) -> list[_Candidate]:
        found, i = [], 0
        while i < len(self.t):
            candidate = self._candidate_at(i)
            if candidate:
                found.append(candidate)
                i = candidate.last + 1
            else:
                i += 1
        return found

    def _candidate_at(self, i: int) -> _Candidate | None:
        run = self.street_run(i)
        if run:
            return self._with_house(*self._extend(run))
        if _name_like(self.t[i], self.cased) and not self.streets[i]:
            return self._bare(i)
        return None

    def _extend(self, run: tuple[int, int]) -> tuple[int, int, frozenset[str], str]:
        first, last = run
        kinds = [self._at(k) for k in range(first, last + 1) if self._role(k) == "type"]
        typed = STREET_TYPES[kinds[0]] if kinds else ""
        registry = [self.streets[k] for k in range(first, last + 1) if self.streets[k]]
        streets = frozenset.intersection(*registry) if registry else frozenset()
        if registry and not streets:
            streets = registry[-1]
        numbers = {(ordinal(self._at(k)) or self._at(k)).split("-")[0] for k in range(first, last + 1)
                   if self._role(k) == "ordinal"}
        if numbers:  # «8-я Советская» is the 8th of the ten, and no other
            streets = frozenset(s for s in streets if numbers <= _numbers_of(s))
        if registry:
            before = self.words_before(first, _ADJECTIVE if self.cased else _NEVER, capitals=False)
            if before < first and not all(self.streets[k] for k in range(before, first)):
                streets = frozenset()  # «Малая Садовая» is no «Садовая улица»
            first = before
        elif kinds:
            type_at = next(k for k in range(first, last + 1) if self._role(k) == "type")
            after = self.names_after(type_at)
            if after > type_at:
                last = max(last, after)
            else:
                first = self.words_before(first, _ADJECTIVE_OR_POSSESSIVE, capitals=True)
        return first, last, streets, typed

    def _with_house(self, first: int, last: int, streets: frozenset[str], typed: str) -> _Candidate | None:
        if not streets and all(self._role(k) in ("type", "dot", "generic") for k in range(first, last + 1)):
            return None  # a type word with no name: «площадь квартиры»
        if (house := self.house_after(last)) is not None:
            return _Candidate(first, house[0], first, last, streets, typed, house[1])
        if (start := self.house_before(first)) is not None:
            return _Candidate(start, last, first, last, streets, typed, False)
        if typed and (streets or last > first):
            return _Candidate(first, last, first, last, streets, typed, False)
        return None

    def _worded(self, first: int, last: int) -> bool:
        """A flat, корпус or литера said with its word, not only «-42»."""
        return any(self._at(k) in _FLAT_WORDS | _KORPUS_WORDS | _LITERA_WORDS for k in range(first, last + 1))

    def _bare(self, i: int) -> _Candidate | None:
        """A street the registry does not know, typed without a type: «Пестеля 8 кв 3», «адрес: Моховая 5»."""
        cue = self._at(i - 1) in _ADDRESS_CUES or (self._at(i - 1) == ":" and self._at(i - 2) in _ADDRESS_CUES)
        for last in (i, i + 1):
            if last >= len(self.t) or self.streets[last] or not _name_like(self.t[last], self.cased):
                break
            house = self.house_after(last)
            if house and (self._worded(last, house[0]) or cue or self._at(last + 1) in _HOUSE_WORDS
                          or (house[1] and self.cased)):  # «Пестеля 8 кв 3», «Моховая д. 5», «Пестеля 8-3»
                return _Candidate(i, house[0], i, last, frozenset(), "", house[1])
        return None


def _street_text(text: str, tokens: list[Token], candidate: _Candidate) -> str:
    return text[tokens[candidate.street_first].start: tokens[candidate.street_last].end]


def _numbers_of(street: str) -> set[str]:
    return {word.split("-")[0] for word in street_key(street).split() if word[:1].isdigit()}


def _official(candidate: _Candidate, house: str, typed: str, index: StreetIndex) -> str:
    """The official name of the street, when the typed words and type leave one: one with that house in the
    registry, or one the city names far more often («Грибоедова» is the canal's embankment, not the street in
    Колпино). A street typed with no distinctive word found («13-я линия В.О.») by its words as a whole."""
    by_key = index.by_key
    streets = sorted(candidate.streets) or sorted(by_key.get(street_key(typed), ()))
    if not streets and street_type(typed) == "линия":  # the numbered lines are Васильевский остров's
        streets = sorted(by_key.get(f"{street_key(typed)} васильевского острова", ()))
    if candidate.typed_type:  # «пл. Восстания» is not «улица Восстания», even when only that one is registered
        streets = [s for s in streets if street_type(s) == candidate.typed_type]
    if len(streets) > 1 and house:
        streets = [s for s in streets if s in index.registered and building_on_street(s, house)] or streets
    return gazetteer.dominant({street: gazetteer.weight(street) for street in streets})


def _likelihood(candidate: _Candidate) -> int:
    """How likely a candidate is the address before the registry is asked: a known street, a typed type, a flat."""
    return 4 * bool(candidate.streets) + bool(candidate.typed_type) + candidate.strong


def _score(address: Address, candidate: _Candidate) -> int:
    return _likelihood(candidate) + 3 * bool(address.building_id) + 2 * bool(address.house)


def _resolve(text: str, tokens: list[Token], candidate: _Candidate, nominative, index: StreetIndex) -> Address:
    piece = text[tokens[candidate.first].start: tokens[candidate.last].end]
    parsed = parse_address(piece)
    address = Address(house=parsed.house or None, korpus=parsed.korpus or None, litera=parsed.litera or None,
                      flat=parsed.flat or None, start=tokens[candidate.first].start, end=tokens[candidate.last].end)
    typed_street = _street_text(text, tokens, candidate)
    typed = normalize_street(nominative(typed_street) if candidate.typed_type else typed_street)
    official = _official(candidate, parsed.house, typed, index)
    address.street = official or typed
    if official in index.registered and parsed.house:
        building = building_on_street(official, parsed.house, parsed.korpus, parsed.litera)
        address.building_id = building.pk if building else None
    return address


def find_flat(masked_lower: str) -> str | None:
    """A flat said anywhere («кв. 12», «квартира №5», «из 12 квартиры»); the writer's own before a neighbour's."""
    best, best_score = None, -2
    for m in _FLAT_ANYWHERE.finditer(masked_lower):
        before = masked_lower[max(0, m.start() - 40): m.start()]
        score = bool(_OWN_FLAT.search(before)) - bool(_NEIGHBOURS_FLAT.search(before))
        if score > best_score:
            best, best_score = m.group(1) or m.group(2), score
    return best


def may_be_address(masked_lower: str) -> bool:
    """An address needs a house number or a street type word; without either the registry need not be asked."""
    return any(ch.isdigit() for ch in masked_lower) or any(
        token.group() in _SCAN_TYPES for token in _WORD_TOKEN.finditer(masked_lower))


def find_address(text: str, masked_lower: str, index: StreetIndex, cased: bool, nominative) -> Address:
    """The best address of the text; empty fields when there is none. `nominative` puts a street name in that case."""
    tokens = tokens_of(masked_lower, text)
    reader = _Reader(masked_lower, tokens, index, cased)
    best, best_score = Address(), 0
    candidates = reader.candidates()
    likeliest = sorted(candidates, key=_likelihood, reverse=True)
    for candidate in likeliest[:_MOST_CANDIDATES]:
        address = _resolve(text, tokens, candidate, nominative, index)
        score = _score(address, candidate)
        if score > best_score or (score == best_score and address.start < best.start):
            best, best_score = address, score
    best.mentions = tuple((tokens[c.first].start, tokens[c.last].end) for c in candidates)
    if best.flat is None:
        best.flat = find_flat(masked_lower)
    return best

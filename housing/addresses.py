"""Address normalisation for the building registry and for addresses as people type them.

Both sides of a match go through the same steps: the matching form of the text
(`priemnaya.matching.fold`: lower case, «ё» → «е», invisible characters dropped, full-width
letters and Latin look-alikes in Cyrillic words put right — «Heвский» is «Невский»), abbreviations of
street types expanded, well-known shorthands («В.О.», «Лиговка») replaced. Street words are
then compared by their stems, so «Фонтанка», «наб. Фонтанки» and «набережная реки Фонтанки»
meet, and a fragment being typed («невск») already finds «Невский проспект».
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from priemnaya.matching import clean, fold

# Street types as people write them → the word used in official names.
STREET_TYPES = {
    "улица": "улица", "ул": "улица", "проспект": "проспект", "пр": "проспект", "пр-т": "проспект",
    "пр-кт": "проспект", "просп": "проспект", "переулок": "переулок", "пер": "переулок",
    "набережная": "набережная", "наб": "набережная", "площадь": "площадь", "пл": "площадь",
    "бульвар": "бульвар", "б-р": "бульвар", "бул": "бульвар", "шоссе": "шоссе", "ш": "шоссе",
    "проезд": "проезд", "пр-д": "проезд", "линия": "линия", "аллея": "аллея", "тупик": "тупик",
}
# The same words declined, as in «на Кирочной улице», «по Невскому проспекту».
DECLINED_TYPES = {
    form: official
    for official, forms in {
        "улица": "улицы улице улицу улицей", "проспект": "проспекта проспекте проспекту проспектом",
        "переулок": "переулка переулке переулку переулком", "набережная": "набережной набережную",
        "площадь": "площади площадью", "бульвар": "бульвара бульваре бульвару бульваром",
        "проезд": "проезда проезде проезду", "линия": "линии линию линией", "аллея": "аллеи аллее аллею",
        "тупик": "тупика тупике",
    }.items()
    for form in forms.split()
}
STREET_TYPES.update(DECLINED_TYPES)
OFFICIAL_TYPES = set(STREET_TYPES.values())
# Words of official names that say nothing about which street it is («набережная реки Фонтанки»).
GENERIC_WORDS = {"реки", "река", "р", "канала", "канал", "кан"}
# Words that belong to an address but not to a street name.
NOISE = {"дом", "д", "по", "г", "город", "санкт-петербург", "санкт", "петербург", "спб", "с-пб", "россия",
         "кв", "квартира", "корп", "корпус", "к", "лит", "литера", "литер", "стр", "строение", "адрес",
         "дома", "доме", "квартиры", "квартире", "на", "в", "во", "у", "около", "возле"}
# Shorthands people type → the words of the official name.
ALIASES = [
    (re.compile(r"(?<![а-я])в\.\s*о\.?(?![а-я])"), " васильевского острова "),
    (re.compile(r"(?<![а-я])п\.\s*с\.?(?![а-я])"), " петроградской стороны "),
    (re.compile(r"(?<=лини[яиюей])\s+во(?![а-я])"), " васильевского острова "),  # «5 линия ВО»
    (re.compile(r"(?<![\d-])(\d{1,2})\s+(?=лини[яиюей])"), r"\1-я "),  # «5 линия» is the 5th
]
_ALIASES_ANY_CASE = [(re.compile(pattern.pattern, re.IGNORECASE), replacement) for pattern, replacement in ALIASES]
# Abbreviations inside official names: «наб. р. Фонтанки», «наб. кан. Грибоедова».
_NAME_ABBREVIATIONS = {"р": "реки", "кан": "канала"}
# Generic words of official names written in lower case: «набережная реки Фонтанки».
_LOWER_NAME_WORDS = {"реки", "канала", "острова", "стороны"}
# Ordinals spelled out: «пятая Советская», «на Пятой Советской».
_ORDINAL_WORDS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
                  "девят": 9, "десят": 10}
_SPELLED_ORDINAL = re.compile(r"(?<![а-я])(" + "|".join(_ORDINAL_WORDS) +
                              r")(ая|ья|ой|ый|ий|ого|ьего|ому|ьему|ом|ьем|ую|ью|ей|ьей|ым|ьим)(?![а-я])")
# Latin letters that look like Cyrillic ones, typed by mistake in «7A».
_LOOKALIKES = str.maketrans("abcekmhoptx", "авсекмнортх")
_STEM_MAX = 5
_WORD = re.compile(r"\d{1,2}-[яй]|[а-яa-z][а-яa-z-]*")
_POSTCODE = re.compile(r"(?<!\d)\d{6}(?!\d)")
_DISTRICT = re.compile(r"[а-я]+(?:ий|ый|ой)\s+(?:район|р-н)")
_ORDINAL = re.compile(r"(?<![\d/])(\d{1,2})-?(?:ая|ья|я|ий|ый|ой|й)(?![а-я])")
_HOUSE_WORD = re.compile(r"(?<![а-я])(?:д|дом)\.?\s*(?=\d)")
_LATIN_AFTER_DIGIT = re.compile(r"(?<=\d)([abcekmhoptx])(?![a-z])")
_FLAT = re.compile(r"(?<![а-я])(?:кв|кв-ра|квартира)\.?\s*(?:№\s*)?(\d{1,4}[а-я]?)(?![\d/])")
_KORPUS = re.compile(r"(?:(?<=\d)|(?<![а-я]))(?:корпус|корп|к)\.?\s*(\d{1,3})(?!\d)")
_LITERA = re.compile(r"(?:(?<=\d)|(?<![а-я]))(?:литера|литер|лит)\.?\s*([а-я])(?![а-я])")
# A house number with its letter, «/corner number» and «-flat»; the letter is never «я»/«й» (ordinals).
_HOUSE = re.compile(r"(?<![\w/-])(\d{1,4})(?:-?([а-ик-ю])(?![а-я]))?(?:\s*/\s*(\d{1,4}[а-я]?))?"
                    r"(?:\s*-\s*(\d{1,4})(?!\d))?(?![\w/]|-[а-я])")


@dataclass
class ParsedAddress:
    street_words: list[str] = field(default_factory=list)  # stems of the street's distinctive words
    street_type: str = ""  # «улица», «проспект», … when typed
    house: str = ""  # «7», «7А», «100/2»
    korpus: str = ""
    litera: str = ""
    flat: str = ""
    typed_words: list[str] = field(default_factory=list)  # the street's distinctive words as typed, not stemmed


def _norm(text: str) -> str:
    return fold(text)


def _expand(text: str) -> str:
    text = _norm(text)
    for pattern, replacement in ALIASES:
        text = pattern.sub(replacement, text)
    return text


def stem(word: str) -> str:
    """The part of a street word that survives declension: «фонтанка» and «фонтанки» → «фонта»."""
    if any(ch.isdigit() for ch in word) or len(word) <= 3:
        return word
    return word[: max(3, min(_STEM_MAX, len(word) - 1))]


def _ordinal_suffix(ending: str) -> str:
    return "я" if ending in ("я", "ая", "ья") else "й"


def _ordinals(text: str) -> str:
    """«1я», «1-ая», «2-ой», «пятая» → «1-я», «2-й», «5-я», one form for registry and typed text alike."""
    def one(m: re.Match) -> str:
        suffix = m.group(0)[len(m.group(1)):].strip("-")
        return f" {int(m.group(1))}-{'й' if suffix in ('й', 'ий', 'ый', 'ой') else 'я'} "

    def spelled(m: re.Match) -> str:
        return f" {_ORDINAL_WORDS[m.group(1)]}-{_ordinal_suffix(m.group(2))} "

    return _ORDINAL.sub(one, _SPELLED_ORDINAL.sub(spelled, text))


@lru_cache(maxsize=20_000)
def ordinal(word: str) -> str:
    """«пятая», «5я», «5-ой» → «5-я» / «5-й»; '' when the word is no ordinal."""
    found = re.fullmatch(r"\d{1,2}-[яй]", " ".join(_ordinals(_norm(word)).split()))
    return found.group(0) if found else ""


def same_street_word(typed: str, official: str) -> bool:
    """A typed stem matches a registry stem; ordinals match by number whatever their gender («5-й» and «5-я»)."""
    if typed[:1].isdigit() and official[:1].isdigit():
        return typed.split("-")[0] == official.split("-")[0]
    return official.startswith(typed)


def _street_parts(text: str) -> tuple[list[str], str]:
    """Distinctive words (not stemmed) and the street type of a street name or its fragment."""
    text = _ordinals(_expand(text))
    words, street_type = [], ""
    for word in _WORD.findall(text.replace(".", " ")):
        word = word.strip("-")
        if word in STREET_TYPES:
            street_type = street_type or STREET_TYPES[word]
        elif word and word not in GENERIC_WORDS and word not in NOISE:
            words.append(word)
    return words, street_type


def street_key(street: str) -> str:
    """The distinctive words of a street name: «набережная реки Фонтанки» → «фонтанки»."""
    return " ".join(_street_parts(street)[0])


def street_type(street: str) -> str:
    return _street_parts(street)[1]


def street_stems(street: str) -> list[str]:
    return [stem(word) for word in _street_parts(street)[0]]


def _is_adjective(word: str) -> bool:
    """«Невский», «Моховая», «5-я» — a name that goes before its street type; «Марата», «Пестеля» go after."""
    return bool(re.fullmatch(r"\d{1,2}-[яй]|[а-яё-]{3,}(?:ая|яя|ий|ый|ой|ое|ее)", word.lower()))


def _official_order(words: list[str]) -> list[str]:
    """«ул. Моховая» → «Моховая улица», «Пестеля ул.» → «улица Пестеля», as official names are written."""
    at = [i for i, word in enumerate(words) if word in OFFICIAL_TYPES]
    if len(at) != 1 or len(words) < 2 or at[0] not in (0, len(words) - 1):
        return words
    kind, name = words[at[0]], words[: at[0]] + words[at[0] + 1:]
    if all(_is_adjective(word) for word in name):
        return name + [kind]
    if not any(_is_adjective(word) for word in name):
        return [kind] + name
    return words


def _capitalised(word: str) -> str:
    """A proper name typed in lower (or upper) case gets its capitals: «римского-корсакова» → «Римского-Корсакова»."""
    if word in OFFICIAL_TYPES or word in _LOWER_NAME_WORDS or word[:1].isdigit():
        return word
    if word.islower() or word.isupper():
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    return word


def normalize_street(text: str) -> str:
    """An official-looking street name from what a clerk typed: «наб. р. Фонтанки» → «набережная реки Фонтанки».

    Abbreviations and declined type words are expanded, the type goes where official names have it
    («ул. Моховая» → «Моховая улица», «Пестеля ул.» → «улица Пестеля»), a name typed in lower case
    gets its capitals; otherwise the words are kept as given.
    """
    text = text or ""
    for pattern, replacement in _ALIASES_ANY_CASE:
        text = pattern.sub(replacement, text)
    words = []
    for word in text.replace(".", ". ").split():
        bare = word.strip(".,").lower()
        if bare:
            words.append(STREET_TYPES.get(bare) or _NAME_ABBREVIATIONS.get(bare) or word.strip(","))
    return " ".join(_capitalised(word) for word in _official_order(words))


def normalize_house(text: str) -> str:
    """«7а» → «7А», « 100 / 2 » → «100/2», Latin «7A» → Cyrillic «7А»."""
    return re.sub(r"\s+", "", clean(text)).lower().translate(_LOOKALIKES).upper()


def building_search_key(street: str, house: str, korpus: str = "", litera: str = "") -> str:
    """A lower-case key used to find registry rows by a typed fragment («марата 7»)."""
    parts = [" ".join(_ordinals(_expand(street)).split()), _norm(normalize_house(house))]
    if korpus:
        parts.append(f"к{_norm(korpus)}")
    if litera:
        parts.append(f"л{_norm(litera)}")
    return " ".join(parts)


def _cut(text: str, match: re.Match) -> str:
    return text[: match.start()] + " " + text[match.end():]


def _is_range(house: str, after_dash: str) -> bool:
    """«17-19», «44-46»: the houses of one block on the same side of the street, not a house and its flat."""
    first, second = int(house), int(after_dash)
    return 0 < second - first <= 4 and (second - first) % 2 == 0


def _take_house(s: str, result: ParsedAddress) -> str:
    if m := _HOUSE.search(s):
        letter = (m.group(2) or "").upper()
        result.house = m.group(1) + letter + (f"/{m.group(3).upper()}" if m.group(3) else "")
        if m.group(4) and not result.flat and not _is_range(m.group(1), m.group(4)):
            result.flat = m.group(4)
        s = _cut(s, m)
    return s


def parse_address(text: str) -> ParsedAddress:
    """Split a typed address into street words, street type, house, корпус, литера and flat.

    Handles «Невский пр. 100», «д.7 по ул. Марата», «Садовая 15-42», «Литейный 46к2»,
    «Литейный 46 корп 2 лит А», «5-я Советская 21», «наб. Фонтанки 54, кв. 3».
    """
    s = _LATIN_AFTER_DIGIT.sub(lambda m: m.group(1).translate(_LOOKALIKES), _expand(text).replace(",", " "))
    s = _HOUSE_WORD.sub(" ", _DISTRICT.sub(" ", _POSTCODE.sub(" ", s)))
    result = ParsedAddress()
    s = _ordinals(s)
    if m := _FLAT.search(s):
        result.flat, s = m.group(1).upper(), _cut(s, m)
    if m := _KORPUS.search(s):
        result.korpus, s = m.group(1), _cut(s, m)
    if m := _LITERA.search(s):
        result.litera, s = m.group(1).upper(), _cut(s, m)
    s = _take_house(s, result)
    words, result.street_type = _street_parts(s)
    result.typed_words = [w for w in words if len(w) >= 2 or "-" in w]
    result.street_words = [stem(w) for w in result.typed_words]
    return result

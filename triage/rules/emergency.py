"""Emergency rules (A1): words that mean an accident, caught before and beside the model.

Each rule names a reason of the default tree and word groups that must all occur close together.
Words are compared by their search keys (appeals.search), so «затопило», «затапливает» and «топят
сверху» meet one rule. The rules favour recall: a false alarm costs a dispatcher a minute, a missed
gas leak costs far more.
"""

import datetime as dt
from dataclasses import dataclass

from appeals.search import search_keys, search_words

from .patterns import find, has_any

WINDOW = 6  # the groups of one pattern must fit within this many words
# St Petersburg's heating season runs roughly from mid-September to mid-May: a cold radiator is an
# emergency then and a routine question in July.
HEATING_SEASON = ((9, 15), (5, 15))


@dataclass(frozen=True)
class Rule:
    name: str
    reason: str
    patterns: tuple[tuple[tuple[str, ...], ...], ...]
    seasonal: bool = False
    unless: tuple[str, ...] = ()  # any of these words in the text means it is something else


def _g(*words: str) -> tuple[str, ...]:
    return words


NEG = _g("нет", "отсутств*", "отключ*", "пропа*", "отруб*", "выруб*")
RULES = (
    Rule("gas", "gas-smell", (
        (_g("пахн*", "запах*", "воня*", "вонь", "чувств*", "ощущ*", "утечк*", "утечь", "шип*", "трав*"),
         _g("газ", "газовый")),
    )),
    Rule("lift", "lift-stuck", (
        (_g("застр*", "застрев*", "заблок*", "заперт*", "запер*", "замур*"), _g("лифт", "кабина")),
        (_g("лифт", "кабина"), _g("между"), _g("этаж")),
    )),
    Rule("sewage", "sewer-blockage", (
        (_g("канализац*", "фекал*", "нечистот*", "сток*", "говн*", "дерьм*", "испражн*"),
         _g("квартир*", "ванна", "ванный", "унитаз*", "раковин*", "пол", "затоп*", "залив*", "топить", "выбить",
            "выбив*", "полез*", "лезть", "подним*", "подня*", "подвал", "теч*", "хлест*", "лить", "льет", "вода")),
        (_g("засор*", "забит*", "забить", "забиться"), _g("канализац*", "стояк*", "лежак*", "унитаз*", "трубы")),
    )),
    Rule("pipe-burst", "water-leak", (
        (_g("прор", "прорв*", "прорыв*", "лопн*", "лопать", "разорв*", "сорв*", "треснуть", "трещин*", "свищ*"),
         _g("труб*", "кран*", "стояк*", "батар*", "радиатор*", "вентил*", "подводк*", "трубопровод*", "отоплен*")),
        (_g("хлест*", "фонтан*", "бьет", "бить"), _g("кипяток", "труб*", "стояк*", "батар*")),
    )),
    Rule("flood", "water-flood", (
        (_g("затоп*", "затапл*", "потоп"),),
        (_g("залив*", "залить", "залит*"), _g("квартир*", "сверху", "сосед*", "потолок", "вода", "кипяток", "нас", "мы",
                                             "я", "снизу")),
        (_g("топить", "топ"), _g("сверху", "сосед*", "потолок", "квартир*", "нас", "мы", "я")),
        (_g("теч*", "протек*", "лить", "льет", "литься", "кап*", "хлест*", "хлыст*", "бежать", "струя", "журч*"),
         _g("потолок", "стена", "сверху", "люстр*", "проводк*", "квартир*")),
        (_g("вода", "кипяток", "кипят*"), _g("потолок", "люстр*", "сверху", "хлест*", "фонтан*", "бьет", "бить")),
    ), unless=_g("крыша", "кровля", "кровельный", "чердак", "дождь", "снег", "сосулька")),  # a roof leak: not a burst
    Rule("sparking", "electric-sparking", (
        (_g("искра", "искр", "искрение", "искриться"),),
        (_g("запах*", "пахн*"), _g("гарь", "гореть", "горелый", "палёный", "паленый", "плавл*", "проводк*")),
        (_g("дым*", "задымл*", "гореть", "сгор*", "загор*", "возгор*", "плав*", "оплав*"),
         _g("щиток", "щитовой", "электрощит*", "электрощиток", "проводк*", "розетк*", "кабель", "провод*",
            "счетчик")),
        (_g("замыкан*", "коротн*", "коротк*"), ),
        (_g("огол*"), _g("провод*", "кабель")),
        (_g("бить", "бьет", "удар*", "шиб*"), _g("ток*")),
    )),
    Rule("no-hot-water", "water-no-hot", (
        (NEG, _g("горячий", "гвс")),
    )),
    Rule("no-cold-water", "water-no-cold", (
        (NEG, _g("холодный", "хвс", "водоснаб*")),
        (NEG, _g("вода")),
    )),
    Rule("no-heating", "heating-none", (
        (NEG, _g("отоплен*", "обогрев*")),
        (_g("не"), _g("топить", "греть")),
        (_g("не"), _g("работ*", "включ*", "дать"), _g("отоплен*", "батар*", "радиатор*")),
        (_g("холодн*", "ледян*", "мерзн*", "замерз*", "мерз*"), _g("батар*", "радиатор*", "квартир*", "комнат*",
                                                                 "отоплен*", "дети", "ребенок", "градус*")),
    ), seasonal=True),
    Rule("no-power", "electric-outage", (
        (NEG, _g("свет", "электричеств*", "электроэнерг*", "электроснаб*", "напряжен*")),
    ), unless=_g("подъезд*", "парадн*", "лестниц*", "лампочк*", "лампа", "светильник*", "этаж*", "площадк*",
                 "двор*", "улиц*", "фонар*", "лифт*")),
)


@dataclass(frozen=True)
class EmergencyHit:
    rule: str
    reason: str
    words: str  # the words that fired, for the history note


def in_heating_season(day: dt.date) -> bool:
    (start_month, start_day), (end_month, end_day) = HEATING_SEASON
    return (day.month, day.day) >= (start_month, start_day) or (day.month, day.day) <= (end_month, end_day)


def detect(text: str, day: dt.date | None = None) -> EmergencyHit | None:
    """The first emergency rule the text fires, in the order of RULES (gas first), or None."""
    keys = search_keys(text)
    if not keys:
        return None
    words = search_words(text)  # the words as written, one per key
    day = day or dt.date.today()
    for rule in RULES:
        if rule.seasonal and not in_heating_season(day):
            continue
        if has_any(keys, rule.unless):
            continue
        for pattern in rule.patterns:
            span = find(keys, pattern, WINDOW)
            if span is not None:
                return EmergencyHit(rule.name, rule.reason, " ".join(words[span[0]:span[1] + 1]))
    return None


"""Keyword reasons: what the company handles and the city portal's data never had (billing, meters,
documents, paid services, complaints about staff), so no model trained on it can suggest them.

A hit is offered to the operator with a modest score (KEYWORD_SCORE), below the default threshold
for automatic application: a person confirms it until the company's own model has learnt these reasons.
"""

from dataclasses import dataclass

from appeals.search import search_keys, search_words

from .patterns import Pattern, find

WINDOW = 8
KEYWORD_SCORE = 0.6

KEYWORD_REASONS: tuple[tuple[str, tuple[Pattern, ...]], ...] = (
    ("billing-recalc", ((("перерасчет*", "перерасчит*", "пересчит*", "пересчет*"),),)),
    ("meters-common", ((("общедомов*", "одпу", "общедом*"), ("счетчик*", "прибор*", "потреблен*", "показан*")),)),
    ("meters-readings", ((("показан*",), ("счетчик*", "прибор*", "переда*", "учет*", "норматив*", "учесть")),)),
    ("meters-verification", (
        (("поверк*", "повер", "поверить", "опломбир*", "пломб*"),),
        (("замен*", "установ*"), ("счетчик*", "ипу")),
        (("счетчик*", "ипу"), ("крут*", "слом*", "неисправ*", "стоять", "стоит")),
    )),
    ("billing-receipt", ((("квитанц*",), ("прий*", "приход*", "получ*", "доставк*", "электронн*", "дубликат*",
                                          "фамили*", "потерять")),)),
    ("billing-wrong", ((("начисл*", "насчит*", "доначисл*"),),)),
    ("billing-tariff", ((("тариф*",),), (("плат*", "стоимост*"), ("содержание", "жилье", "повыс*", "выр*")))),
    ("docs-act", ((("акт",), ("залив*", "затоп*", "обследован*", "протечк*", "осмотр*")),)),
    ("docs-certificate", ((("справк*",),), (("форма",), ("9", "девять")))),
    ("docs-copies", ((("копи*", "выписк*"), ("документ*", "карточк*", "лицев*", "договор*", "поквартирн*")),)),
    ("paid-quality", ((("платн*", "деньга", "заплатить", "оплатить"), ("некачеств*", "плохо", "теч*", "гарант*",
                                                                        "переделать", "сломать")),)),
    ("paid-order", (
        (("платн*",), ("услуг*", "работ*")),
        (("стоимост*", "сколько", "прайс*", "прейскурант*"), ("стоить", "услуг*", "работ*", "замен*", "установ*")),
        (("заказ*", "вызв*", "вызов"), ("мастер*", "сантехник*", "электрик*", "услуг*")),
    )),
    ("service-staff", (
        (("груб*", "нагруб*", "хам*", "невежлив*", "оскорб*", "нахам*", "наорать", "кричать", "бросить"),),
        (("сотрудник*", "диспетчер*", "мастер*", "дворник*", "уборщиц*", "техник*"), ("не",),
         ("прий*", "приход*", "явиться", "отвеч*", "брать")),
        (("сотрудник*", "диспетчер*", "мастер*", "техник*"), ("опаздыв*", "игнор*", "обман*")),
    )),
)


@dataclass(frozen=True)
class KeywordHit:
    reason: str
    words: str
    score: float = KEYWORD_SCORE


def keyword_reasons(text: str) -> list[KeywordHit]:
    """Every keyword reason the text fires, in the table's order (more specific first)."""
    keys, words = search_keys(text), search_words(text)
    hits = []
    for reason, patterns in KEYWORD_REASONS:
        for pattern in patterns:
            span = find(keys, pattern, WINDOW)
            if span is not None:
                hits.append(KeywordHit(reason, " ".join(words[span[0]:span[1] + 1])))
                break
    return hits

"""The demo's normative acts and its tariffs. Prices change every 1 July (as the city's tariffs do); the three
latest periods are laid out from the day the demo is loaded, so the current price is always in force.
The figures follow the structure and the order of magnitude of St Petersburg's tariffs."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

CONSULTANT = "https://www.consultant.ru/document/"
TARIFF_COMMITTEE = "Комитет по тарифам Санкт-Петербурга"
TARIFF_SITE = "https://tarifspb.ru/"

# (kind, issuer, doc type, number, adopted on, title, link)
GENERAL_ACTS = [
    ("code", "Федеральное Собрание Российской Федерации", "федеральный закон", "188-ФЗ", dt.date(2004, 12, 29),
     "Жилищный кодекс Российской Федерации", CONSULTANT + "cons_doc_LAW_51057/"),
    ("law", "Федеральное Собрание Российской Федерации", "федеральный закон", "59-ФЗ", dt.date(2006, 5, 2),
     "О порядке рассмотрения обращений граждан Российской Федерации", CONSULTANT + "cons_doc_LAW_59999/"),
    ("law", "Федеральное Собрание Российской Федерации", "федеральный закон", "261-ФЗ", dt.date(2009, 11, 23),
     "Об энергосбережении и о повышении энергетической эффективности", CONSULTANT + "cons_doc_LAW_93978/"),
    ("government", "Правительство Российской Федерации", "постановление", "354", dt.date(2011, 5, 6),
     "О предоставлении коммунальных услуг собственникам и пользователям помещений в многоквартирных домах "
     "и жилых домов", CONSULTANT + "cons_doc_LAW_114247/"),
    ("government", "Правительство Российской Федерации", "постановление", "491", dt.date(2006, 8, 13),
     "Об утверждении Правил содержания общего имущества в многоквартирном доме", CONSULTANT + "cons_doc_LAW_61801/"),
    ("government", "Правительство Российской Федерации", "постановление", "416", dt.date(2013, 5, 15),
     "О порядке осуществления деятельности по управлению многоквартирными домами", ""),
    ("government", "Правительство Российской Федерации", "постановление", "290", dt.date(2013, 4, 3),
     "О минимальном перечне услуг и работ, необходимых для обеспечения надлежащего содержания общего имущества "
     "в многоквартирном доме", ""),
    ("government", "Правительство Российской Федерации", "постановление", "761", dt.date(2005, 12, 14),
     "О предоставлении субсидий на оплату жилого помещения и коммунальных услуг", ""),
    ("city", "Законодательное Собрание Санкт-Петербурга", "закон Санкт-Петербурга", "728-132", dt.date(2011, 11, 9),
     "Социальный кодекс Санкт-Петербурга", ""),
]


@dataclass(frozen=True)
class TariffLine:
    service: str  # slug
    variant: str
    base: Decimal  # the price two periods ago
    rises: tuple[Decimal, Decimal]  # indexation of each later period


def _d(text: str) -> Decimal:
    return Decimal(text)


RISE = (_d("1.098"), _d("1.119"))
PAID_RISE = (_d("1.08"), _d("1.07"))

TARIFF_LINES = [
    TariffLine("soderzhanie-obshchego-imushchestva", "", _d("24.12"), RISE),
    TariffLine("tekushchiy-remont", "", _d("6.87"), RISE),
    TariffLine("upravlenie-domom", "", _d("4.11"), RISE),
    TariffLine("kapitalnyy-remont", "", _d("4.83"), (_d("1.091"), _d("1.083"))),
    TariffLine("kholodnaya-voda", "", _d("51.92"), RISE),
    TariffLine("goryachaya-voda", "", _d("243.60"), RISE),
    TariffLine("vodootvedenie", "", _d("51.92"), RISE),
    TariffLine("otoplenie", "", _d("2736.37"), RISE),
    TariffLine("elektroenergiya", "одноставочный тариф", _d("6.66"), RISE),
    TariffLine("elektroenergiya", "дневная зона (7:00–23:00)", _d("7.64"), RISE),
    TariffLine("elektroenergiya", "ночная зона (23:00–7:00)", _d("4.23"), RISE),
    TariffLine("vyvoz-tko", "", _d("6.99"), RISE),
    TariffLine("zamena-smesitelya", "", _d("1450"), PAID_RISE),
    TariffLine("prochistka-kanalizatsii", "", _d("1200"), PAID_RISE),
    TariffLine("ustanovka-schetchika-vody", "", _d("1900"), PAID_RISE),
    TariffLine("zamena-elektroschetchika", "", _d("1700"), PAID_RISE),
]

# Which act sets each service's price: a tariff decision of the committee (one per resource and period),
# the general meeting, the city government or the company's price list.
TARIFF_TITLES = {
    "kholodnaya-voda": "Об установлении тарифов на питьевую воду и водоотведение ГУП «Водоканал Санкт-Петербурга»",
    "vodootvedenie": "Об установлении тарифов на питьевую воду и водоотведение ГУП «Водоканал Санкт-Петербурга»",
    "goryachaya-voda": "Об установлении тарифов на горячую воду в открытых и закрытых системах горячего "
                       "водоснабжения ГУП «ТЭК СПб»",
    "otoplenie": "Об установлении тарифов на тепловую энергию, поставляемую ГУП «ТЭК СПб» потребителям",
    "elektroenergiya": "Об установлении цен (тарифов) на электрическую энергию для населения и приравненных к нему "
                       "категорий потребителей по Санкт-Петербургу",
    "vyvoz-tko": "Об установлении единого тарифа на услугу регионального оператора по обращению с твёрдыми "
                 "коммунальными отходами",
}
TARIFF_NUMBERS = {"kholodnaya-voda": 231, "vodootvedenie": 231, "goryachaya-voda": 236, "otoplenie": 238,
                  "elektroenergiya": 244, "vyvoz-tko": 249}
MEETING_SERVICES = {"soderzhanie-obshchego-imushchestva", "tekushchiy-remont", "upravlenie-domom"}
CITY_SERVICES = {"kapitalnyy-remont"}


def period_starts(today: dt.date) -> list[dt.date]:
    """The 1 July of each of the three latest tariff periods, oldest first."""
    year = today.year if today >= dt.date(today.year, 7, 1) else today.year - 1
    return [dt.date(year - 2, 7, 1), dt.date(year - 1, 7, 1), dt.date(year, 7, 1)]


def act_for(service: str, start: dt.date, index: int) -> tuple:
    """(kind, issuer, doc type, number, adopted on, title, link) of the act that set the price from `start`."""
    year = start.year
    if service in TARIFF_NUMBERS:
        number = f"{TARIFF_NUMBERS[service] - 3 * index}-р"
        return ("tariff", TARIFF_COMMITTEE, "распоряжение", number, dt.date(year - 1, 12, 18 + index),
                TARIFF_TITLES[service] + f" на {year}–{year + 1} годы", TARIFF_SITE)
    if service in MEETING_SERVICES:
        return ("meeting", "Общее собрание собственников помещений", "протокол общего собрания", f"{index + 1}/{year}",
                dt.date(year, 5, 20 + index), "О размере платы за содержание жилого помещения "
                f"с 1 июля {year} года", "")
    if service in CITY_SERVICES:
        return ("city", "Правительство Санкт-Петербурга", "постановление", f"{1020 + 7 * index}",
                dt.date(year - 1, 11, 26 + index), "Об установлении минимального размера взноса на капитальный "
                f"ремонт общего имущества в многоквартирном доме в Санкт-Петербурге на {year} год", "")
    return ("company", "ООО «ЖКС №1 Центрального района»", "приказ генерального директора", f"{41 + index}-п",
            dt.date(year, 6, 10 + index), f"Об утверждении прейскуранта на платные услуги с 1 июля {year} года", "")


def prices(line: TariffLine) -> list[Decimal]:
    """The line's price in each of the three periods; a paid service's price is rounded to whole roubles."""
    places = Decimal(1) if line.rises is PAID_RISE else Decimal("0.01")
    values = [line.base]
    for rise in line.rises:
        values.append((values[-1] * rise).quantize(places))
    return values

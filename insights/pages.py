"""What each statistics page shows: its headline figures and its tables, computed from a Scope and the appeals the
person sees. The same tables go to the page, to its XLSX and to the monthly report."""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse

from . import numbers
from .filters import Scope
from .tables import Table


@dataclass
class Page:
    headline: list[tuple[str, object]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def _day(value: dt.date) -> str:
    return f"{value:%d.%m.%Y}"


def _slot(value: dt.date, grain: str) -> str:
    if grain == "month":
        return f"{value:%m.%Y}"
    if grain == "week":
        return f"неделя с {_day(value)}"
    return _day(value)


def _number(value) -> object:
    return "—" if value is None else value


def _rows_with_trend(rows: list[numbers.Row]) -> list[list]:
    return [[r.label, r.count, r.previous, _number(r.change), r.trend] for r in rows]


FIRST_COLUMN = {"category": "Категория", "reason": "Причина", "building": "Дом", "channel": "Канал", "kind": "Вид"}
COMPARED = ["", "За период", "За период сравнения", "Изменение, %", "Тренд"]


def _compared(slug: str, title: str, first: str, rows: list[numbers.Row], summary: str) -> Table:
    return Table(slug, title, [first, *COMPARED[1:]], _rows_with_trend(rows), summary=summary)


def _summary_of(what: str, rows: list[numbers.Row]) -> str:
    if not rows:
        return f"{what}: за период обращений нет."
    top = ", ".join(f"{r.label} — {r.count}" for r in rows[:3])
    return f"{what}: больше всего — {top}."


def flow(scope: Scope, appeals: QuerySet, grain: str = "day") -> Page:
    total, breakdowns = numbers.breakdowns(scope, appeals, list(numbers.DIMENSIONS))
    series = numbers.volume(scope, appeals, grain)
    page = Page(headline=[("Обращений за период", total.count), ("За период сравнения", total.previous),
                          ("Изменение, %", _number(total.change))])
    label = numbers.GRAINS[grain][0]
    busiest = max(series, key=lambda s: s[1]) if series else None
    page.tables.append(Table(
        "volume", f"Поступило {label}", ["Период", "Обращений"], [[_slot(day, grain), n] for day, n in series],
        summary=(f"Поступление {label}: всего {total.count}; больше всего — {_slot(busiest[0], grain)}: {busiest[1]}."
                 if busiest else "За период обращений нет.")))
    for dimension, title in numbers.DIMENSIONS.items():
        rows = breakdowns[dimension]
        page.tables.append(_compared(f"by-{dimension}", f"По {title}", FIRST_COLUMN[dimension], rows,
                                     _summary_of(f"По {title}", rows)))
    return page


def proposal_from(repeat: numbers.Repeat) -> str:
    """The address of a systemic proposal about a repeating problem, its building and reason filled in."""
    return f"{reverse('proposals:new')}?{urlencode({'building': repeat.building_id, 'reason': repeat.reason_id})}"


def problems(scope: Scope, appeals: QuerySet) -> Page:
    top = numbers.breakdown(scope, appeals, "reason", limit=numbers.TOP)
    repeats, pairs = numbers.repeated(scope, appeals)
    incidents = numbers.open_incidents(scope)
    growing = [r for r in top if r.trend == "рост"]
    page = Page(headline=[("Домов и причин с повторами", pairs), ("Открытых инцидентов", len(incidents)),
                          ("Частых проблем растут", len(growing))])
    page.tables.append(_compared("top", f"Самые частые проблемы (первые {numbers.TOP})", "Причина", top,
                                 _summary_of("Самые частые проблемы", top)
                                 + (f" Растут: {', '.join(r.label for r in growing)}." if growing else "")))
    page.tables.append(Table(
        "repeated", f"Повторяющиеся проблемы по домам (та же причина в течение {scope.repeat_days} дн.)",
        ["Дом", "Причина", "Повторных обращений"], [[r.building, r.reason, r.count] for r in repeats],
        chart_column=2, numeric_from=2, links=[(proposal_from(r), "Предложить меру") for r in repeats],
        summary=("Больше всего повторов: " + ", ".join(f"{r.building} ({r.reason}) — {r.count}" for r in repeats[:3])
                 + ".") if repeats else "Повторяющихся проблем за период нет."))
    page.tables.append(Table(
        "incidents", "Открытые инциденты", ["Что случилось", "Дом", "Причина", "Открыт", "Обращений"],
        [[i.title, i.building, i.reason, _day(i.opened_at.astimezone(Scope.moment(scope.start).tzinfo)), i.appeals]
         for i in incidents], chart_column=4, numeric_from=4,
        summary=f"Открытых инцидентов: {len(incidents)}." if incidents else "Открытых инцидентов нет."))
    return page


def deadlines(scope: Scope, appeals: QuerySet, now: dt.datetime) -> Page:
    d = numbers.deadlines(scope, appeals)
    late = numbers.overdue(scope, appeals, now)
    r = numbers.results(scope, appeals)
    page = Page(headline=[
        ("Ответов за период", d.answered), ("В срок, %", _number(d.on_time_share)),
        ("Медиана, рабочих дней", _number(d.median_days)), ("90-й процентиль, рабочих дней", _number(d.p90_days)),
        ("Просрочено сейчас", late.total), ("Продлений", r.extensions),
        ("Передано в Региональный штаб", r.escalations)])
    page.tables.append(Table(
        "answer-time", "Срок ответа в рабочих днях (от поступления до ответа)", ["Рабочих дней", "Ответов"],
        [[f"{days}", n] for days, n in d.days.items()],
        summary=(f"Ответов: {d.answered}, в срок: {d.on_time} из {d.with_deadline}"
                 f" ({_number(d.on_time_share)} %); медиана — {_number(d.median_days)} раб. дн.,"
                 f" 90-й процентиль — {_number(d.p90_days)} раб. дн.")))
    page.tables.append(Table(
        "overdue", "Просрочено сейчас: на сколько", ["Просрочка", "Обращений"], [list(b) for b in late.buckets],
        summary=(f"Просрочено сейчас: {late.total}; самая давняя просрочка — {_number(late.oldest_days)} раб. дн.,"
                 f" медиана — {_number(late.median_days)} раб. дн.") if late.total else "Просроченных обращений нет."))
    page.tables.append(Table(
        "favour", "Результаты: в чью пользу решено", ["В чью пользу", "Ответов"], [list(f) for f in r.favour],
        summary=("Решено в пользу: " + ", ".join(f"{label.lower()} — {n}" for label, n in r.favour)
                 + f"; обоснованных отказов — {r.refusals}.") if r.favour else "Ответов за период нет."))
    page.tables.append(Table(
        "extensions", "Продления и передача в вышестоящую организацию", ["Что", "Обращений"],
        [["Обоснованных отказов", r.refusals], ["Продлён срок рассмотрения", r.extensions],
         ["Передано в Региональный штаб", r.escalations]],
        summary=f"Отказов — {r.refusals}, продлений — {r.extensions}, передано в Региональный штаб — {r.escalations}."))
    return page

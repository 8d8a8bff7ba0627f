"""The team page's tables as insights Tables (the same page table, chart and XLSX): the operators side by side,
and the surveys by department and by category."""

from django.db.models import Avg, Count

from insights.tables import Table

from .models import Survey
from .scorecard import LINES, Period, TeamRow


def _name(user) -> str:
    return user.get_full_name() or user.username


def team_table(rows: list[TeamRow]) -> Table:
    columns = ["Оператор"] + [f"{c.title}: {c.empty().headline.label.lower()}" for c in LINES]
    return Table("team", "Сравнение операторов", columns, chart_column=None,
                 rows=[[_name(r.operator)] + [m.headline.text for m in r.lines] for r in rows])


def _survey_table(slug: str, title: str, period: Period, field: str, label: str, by_whom: str) -> Table:
    rows = (Survey.objects.order_by().filter(rated_at__gte=period.since, rated_at__lt=period.until)
            .values(field).annotate(avg=Avg("rating"), n=Count("pk")).order_by("-n"))
    return Table(slug, title, [label, "Ответов на опрос", "Средняя оценка"], chart_column=2,
                 summary=f"Средняя оценка заявителей (от 1 до 5) {by_whom} за период.",
                 rows=[[row[field] or "не указано", row["n"], round(row["avg"], 1)] for row in rows])


def team_tables(period: Period, rows: list[TeamRow]) -> list[Table]:
    return [team_table(rows),
            _survey_table("survey-department", "Опросы по подразделениям", period, "appeal__department__name",
                          "Подразделение", "по подразделениям"),
            _survey_table("survey-category", "Опросы по категориям", period, "appeal__category__name", "Категория",
                          "по категориям")]

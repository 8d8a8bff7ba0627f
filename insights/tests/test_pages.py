import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from appeals.models import Appeal, AppealEvent, Reason
from appeals.signals import appeal_changed
from conftest import create_appeal, create_building, create_staff
from deadlines.calendar import MOSCOW
from triage.models import Incident

MARCH = {"start": "2025-03-01", "end": "2025-03-31"}


def at(day: int, hour: int = 10, month: int = 3) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, 0, tzinfo=MOSCOW)


def appeal(received: dt.datetime, **fields) -> Appeal:
    reason = fields.pop("reason", None)
    made = create_appeal(received_at=received, reason=reason.code if reason else None,
                         building=fields.pop("building", None))
    if fields:
        Appeal.objects.filter(pk=made.pk).update(**fields)
    return made


def answered(received: dt.datetime, answered_at: dt.datetime, due: dt.datetime, **fields) -> Appeal:
    return appeal(received, status="answered", answered_at=answered_at, answer_due=due, **fields)


def headline(response) -> dict:
    return dict(response.context["page"].headline)


def table(response, slug: str):
    return next(t for t in response.context["page"].tables if t.slug == slug)


@pytest.mark.django_db
def test_the_overdue_count_is_the_number_of_overdue_appeals(client, supervisor):
    now = timezone.now()
    for days in range(7):
        appeal(now - dt.timedelta(days=30), status="in_progress", answer_due=now - dt.timedelta(days=days + 1))
    appeal(now - dt.timedelta(days=2), status="in_progress", answer_due=now + dt.timedelta(days=5))  # not yet due
    appeal(now - dt.timedelta(days=30), status="waiting_applicant", answer_due=now - dt.timedelta(days=3))  # paused
    appeal(now - dt.timedelta(days=30), status="answered", answer_due=now - dt.timedelta(days=3),
           answered_at=now - dt.timedelta(days=4))
    client.force_login(supervisor)
    response = client.get("/staff/insights/deadlines/")
    assert response.status_code == 200
    assert headline(response)["Просрочено сейчас"] == 7
    assert sum(n for _label, n in table(response, "overdue").rows) == 7
    assert '<strong>7</strong>' in response.content.decode()


@pytest.mark.django_db
def test_answer_time_median_and_90th_percentile_are_of_working_days(client, supervisor):
    monday = at(3)
    # 1, 2, 3, 4 and 10 working days after Monday 3 March 2025; the last one late.
    for answer_day in (4, 5, 6, 7, 17):
        answered(monday, at(answer_day, 15), due=at(14, 23))
    client.force_login(supervisor)
    response = client.get("/staff/insights/deadlines/", MARCH)
    figures = headline(response)
    assert figures["Ответов за период"] == 5
    assert figures["Медиана, рабочих дней"] == 3
    assert figures["90-й процентиль, рабочих дней"] == 10
    assert figures["В срок, %"] == 80.0


@pytest.mark.django_db
def test_a_weekend_between_receipt_and_answer_is_not_counted(client, supervisor):
    answered(at(7), at(10, 12), due=at(20, 23))  # Friday → Monday: three calendar days, one working day
    client.force_login(supervisor)
    response = client.get("/staff/insights/deadlines/", MARCH)
    assert headline(response)["Медиана, рабочих дней"] == 1
    assert table(response, "answer-time").rows == [["1", 1]]


@pytest.mark.django_db
def test_volumes_by_category_channel_and_week_with_the_comparison_period(client, supervisor):
    roof = Reason.objects.get(code="roof-damage")
    for day in (3, 4, 11):
        appeal(at(day), reason=roof, category=roof.category)
    appeal(at(10, month=2), reason=roof, category=roof.category)  # February: the comparison period
    client.force_login(supervisor)
    response = client.get("/staff/insights/", {**MARCH, "grain": "week"})
    figures = headline(response)
    assert figures["Обращений за период"] == 3 and figures["За период сравнения"] == 1
    assert figures["Изменение, %"] == 200.0
    assert table(response, "volume").rows == [["неделя с 03.03.2025", 2], ["неделя с 10.03.2025", 1]]
    assert table(response, "by-category").rows == [[roof.category.name, 3, 1, 200.0, "рост"]]
    assert table(response, "by-channel").rows[0][:2] == ["Телефон", 3]
    response = client.get("/staff/insights/", {**MARCH, "channel": "web"})
    assert headline(response)["Обращений за период"] == 0


@pytest.mark.django_db
def test_repeated_problems_are_the_same_reason_at_a_building_within_n_days(client, supervisor):
    roof = Reason.objects.get(code="roof-damage")
    home, other = create_building(), create_building(house="9")
    appeal(at(25, month=2), reason=roof, building=home)  # before the period: the first of its row still counts
    appeal(at(3), reason=roof, building=home)
    appeal(at(20), reason=roof, building=home)
    appeal(at(1), reason=roof, building=other)
    appeal(at(28), reason=roof, building=other)  # 27 days later
    Incident.objects.create(title="Протечка кровли", reason=roof, building=home)
    client.force_login(supervisor)
    response = client.get("/staff/insights/problems/", MARCH)
    assert table(response, "repeated").rows == [[home.address, roof.name, 2], [other.address, roof.name, 1]]
    assert headline(response)["Домов и причин с повторами"] == 2
    response = client.get("/staff/insights/problems/", {**MARCH, "repeat_days": "20"})
    assert table(response, "repeated").rows == [[home.address, roof.name, 2]]
    assert [row[0] for row in table(response, "incidents").rows] == ["Протечка кровли"]


@pytest.mark.django_db
def test_results_extensions_and_escalations(client, supervisor):
    answered(at(3), at(5), due=at(14), resolved_in_favour_of="applicant")
    answered(at(3), at(6), due=at(14), resolved_in_favour_of="company", is_refusal=True)
    extended = appeal(at(4), status="in_progress", extended_at=at(6))
    escalated = appeal(at(4), status="escalated", complexity="V")
    AppealEvent.objects.create(appeal=escalated, action="escalate", at=at(12))
    AppealEvent.objects.create(appeal=extended, action="extend", at=at(6))
    client.force_login(supervisor)
    response = client.get("/staff/insights/deadlines/", MARCH)
    assert table(response, "favour").rows == [["Заявителя", 1], ["Компании", 1]]
    assert table(response, "extensions").rows == [["Обоснованных отказов", 1], ["Продлён срок рассмотрения", 1],
                                                   ["Передано в Региональный штаб", 1]]


@pytest.mark.django_db
def test_formula_like_text_stays_text_in_the_xlsx(client, supervisor):
    trap = create_building(street="=HYPERLINK(\"http://evil\")", house="1")
    appeal(at(3), building=trap)
    client.force_login(supervisor)
    response = client.get("/staff/insights/", {**MARCH, "export": "xlsx"})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row
             if isinstance(cell.value, str) and "HYPERLINK" in cell.value]
    assert cells and all(cell.data_type == "s" and cell.value.startswith("=") for cell in cells)
    assert "По домам" in book.sheetnames


@pytest.mark.django_db
def test_only_supervisors_and_management_see_statistics(client):
    for role in ("operator", "specialist"):
        client.force_login(create_staff(role, role, "crm"))
        assert client.get("/staff/insights/").status_code == 403
        assert client.get("/staff/insights/reports/").status_code == 403
    client.force_login(create_staff("boss", "admin", None))
    assert client.get("/staff/insights/deadlines/").status_code == 200


@pytest.mark.django_db
def test_bad_filters_get_a_russian_message_not_an_error(client, supervisor):
    client.force_login(supervisor)
    response = client.get("/staff/insights/", {"start": "2025-03-10", "end": "2025-03-01"})
    assert response.status_code == 400
    assert "Начало периода позже его конца." in response.content.decode()
    response = client.get("/staff/insights/", {"start": "вчера"})
    assert response.status_code == 400
    response = client.get("/staff/insights/problems/", {"address": "улица Несуществующая, 1"})
    assert "Дом не найден" in response.content.decode()
    assert client.get("/staff/insights/", {"start": "2025-03-10", "end": "2025-03-01", "export": "xlsx"}
                      ).status_code == 400


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, MARCH).status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/staff/insights/", "/staff/insights/problems/", "/staff/insights/deadlines/"])
def test_query_counts_stay_fixed_as_data_grows(client, supervisor, url):
    roof, leak = Reason.objects.get(code="roof-damage"), Reason.objects.exclude(code="roof-damage").first()
    buildings = [create_building(house=str(n)) for n in range(1, 7)]

    def add(count: int):
        for n in range(count):
            reason = (roof, leak)[n % 2]
            answered(at(1 + n % 27), at(1 + n % 27, 18), due=at(28), reason=reason, category=reason.category,
                     building=buildings[n % 6], channel=("phone", "web")[n % 2])
            appeal(at(1 + n % 27), status="in_progress", answer_due=timezone.now() - dt.timedelta(days=n % 9 + 1),
                   reason=reason, building=buildings[n % 6])
        for building in buildings[: count // 3]:
            Incident.objects.create(title=f"Авария {building.house}", reason=roof, building=building)

    client.force_login(supervisor)
    add(3)
    _queries(client, url)  # the first page of a login also writes its session
    small = _queries(client, url)
    add(18)
    assert _queries(client, url) == small


@pytest.mark.django_db
def test_numbers_are_cached_until_an_appeal_changes(client, supervisor):
    appeal(at(3))
    client.force_login(supervisor)
    assert headline(client.get("/staff/insights/", MARCH))["Обращений за период"] == 1
    new = appeal(at(4))  # its signal goes after a commit a test never makes: sent by hand below
    with CaptureQueriesContext(connection) as queries:
        assert headline(client.get("/staff/insights/", MARCH))["Обращений за период"] == 1
    assert not any("GROUP BY" in q["sql"] for q in queries.captured_queries)
    appeal_changed.send(sender=Appeal, appeal=new, action="receive")
    assert headline(client.get("/staff/insights/", MARCH))["Обращений за период"] == 2


@pytest.mark.django_db
def test_working_days_counted_at_once_agree_with_the_calendar():
    from deadlines.calendar import WorkingDays, working_days_between

    days = [dt.date(2024, 12, 20) + dt.timedelta(days=n) for n in range(0, 200, 7)]
    counted = WorkingDays(days)
    for start in days:
        for end in days:
            assert counted.between(start, end) == (working_days_between(start, end) if end > start else 0)

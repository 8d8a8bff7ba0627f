"""The review pages over HTTP: the queue lists the sample not yet reviewed, the scoring form saves the scores and
the comment the operator then reads on their scorecard, bad input gets a Russian message (never a 500), the team
table and its XLSX, a complaint flagged from the queue."""

import datetime as dt

import pytest
from django.utils import timezone

from calls.models import Call, Outcome
from quality import sampling
from quality.models import Criterion, Review, SampleItem

from .factories import at, registered


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def last_week(operator):
    """Four appeals the operator registered last week; the week's sample drawn."""
    monday = sampling.week_of(timezone.localdate()) - dt.timedelta(days=7)
    appeals = [registered(operator, at(monday + dt.timedelta(days=i), 10), 2 + i) for i in range(4)]
    sampling.draw_week(monday)
    return appeals


@pytest.mark.django_db
def test_the_queue_lists_the_sample(client, supervisor, last_week, django_assert_max_num_queries):
    logged_in(client, supervisor)
    client.get("/staff/quality/")  # the first visit draws the ended weeks
    with django_assert_max_num_queries(20):
        page = client.get("/staff/quality/")
    text = page.content.decode()
    items = SampleItem.objects.all()
    assert items.count() == 3
    for item in items:
        assert f"№ {item.appeal.number}" in text


@pytest.mark.django_db
def test_review_from_the_form_and_the_operator_reads_the_comment(client, supervisor, operator, last_week):
    item = SampleItem.objects.first()
    logged_in(client, supervisor)
    form = client.get(f"/staff/quality/review/{item.pk}/")
    assert form.status_code == 200 and "Вежливость" in form.content.decode()
    data = {f"c{c.pk}": "5" for c in Criterion.objects.all()} | {"comment": "Уточняйте номер подъезда."}
    done = client.post(f"/staff/quality/review/{item.pk}/", data)
    assert done.status_code == 302
    assert Review.objects.get(item=item).scores.count() == 3
    client.logout()
    card = logged_in(client, operator).get("/staff/quality/me/").content.decode()
    assert "Уточняйте номер подъезда." in card
    assert "5,0 из 5" in card


@pytest.mark.django_db
def test_a_score_left_out_is_asked_for_in_russian(client, supervisor, last_week):
    item = SampleItem.objects.first()
    logged_in(client, supervisor)
    page = client.post(f"/staff/quality/review/{item.pk}/", {"comment": "Без баллов"})
    assert page.status_code == 400 and "Поставьте балл от 1 до 5." in page.content.decode()
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_a_reviewed_item_shows_its_review_and_takes_no_second(client, supervisor, last_week):
    item = SampleItem.objects.first()
    logged_in(client, supervisor)
    data = {f"c{c.pk}": "3" for c in Criterion.objects.all()}
    client.post(f"/staff/quality/review/{item.pk}/", data)
    again = client.post(f"/staff/quality/review/{item.pk}/", {f"c{c.pk}": "1" for c in Criterion.objects.all()})
    assert "Уже проверено" in again.content.decode()
    assert set(Review.objects.get(item=item).scores.values_list("score", flat=True)) == {3}


@pytest.mark.django_db
def test_a_complaint_flagged_from_the_queue(client, supervisor, operator, last_week):
    logged_in(client, supervisor)
    appeal = last_week[0]
    done = client.post("/staff/quality/complaints/", {"number": appeal.number, "operator": operator.pk,
                                                      "note": "Грубил"})
    assert done.status_code == 302
    assert SampleItem.objects.get(appeal=appeal, operator=operator).why == SampleItem.Why.COMPLAINT
    unknown = client.post("/staff/quality/complaints/", {"number": "99-999999", "operator": operator.pk})
    assert unknown.status_code == 400 and "не найдено" in unknown.content.decode()


@pytest.mark.django_db
def test_team_table_and_its_spreadsheet(client, supervisor, operator, last_week):
    logged_in(client, supervisor)
    page = client.get("/staff/quality/team/")
    text = page.content.decode()
    assert page.status_code == 200 and operator.get_full_name() in text
    assert "Опросы по подразделениям" in text
    sheet = client.get("/staff/quality/team/?export=xlsx")
    assert sheet.status_code == 200 and sheet["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["start=2026-03-10&end=2026-03-01", "start=2020-01-01&end=2026-01-01",
                                   "start=вчера"])
def test_a_bad_period_is_a_russian_message(client, supervisor, operator, query):
    logged_in(client, supervisor)
    for url in ("/staff/quality/team/", f"/staff/quality/operators/{operator.pk}/"):
        page = client.get(f"{url}?{query}")
        assert page.status_code == 400
        assert "error" in page.content.decode()


@pytest.mark.django_db
def test_a_drawn_call_is_reviewed_with_its_timings(client, supervisor, operator):
    monday = sampling.week_of(timezone.localdate()) - dt.timedelta(days=7)
    ringing = at(monday, 9)
    Call.objects.create(operator=operator, ringing_at=ringing, answered_at=ringing + dt.timedelta(seconds=12),
                        found_at=ringing + dt.timedelta(seconds=70), ended_at=ringing + dt.timedelta(seconds=200),
                        outcome=Outcome.INFORMATION, note="Спрашивали график отключения воды")
    sampling.draw_week(monday)
    item = SampleItem.objects.get(call__isnull=False)
    logged_in(client, supervisor)
    assert "Звонок" in client.get("/staff/quality/").content.decode()
    form = client.get(f"/staff/quality/review/{item.pk}/").content.decode()
    assert "Поиск информации о клиенте" in form and "Спрашивали график" in form
    data = {f"c{c.pk}": "4" for c in Criterion.objects.all()} | {"comment": "Хорошо, но долго искали данные."}
    assert client.post(f"/staff/quality/review/{item.pk}/", data).status_code == 302
    client.logout()
    card = logged_in(client, operator).get("/staff/quality/me/").content.decode()
    assert "Хорошо, но долго искали данные." in card and "Звонок" in card


@pytest.mark.django_db
def test_the_team_page_asks_as_many_queries_for_many_operators_as_for_one(client, supervisor, operator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from conftest import create_staff

    monday = sampling.week_of(timezone.localdate()) - dt.timedelta(days=7)
    registered(operator, at(monday, 10), 3)
    logged_in(client, supervisor)
    client.get("/staff/quality/team/")  # the navigation's cached counts filled
    with CaptureQueriesContext(connection) as one:
        client.get("/staff/quality/team/")
    for n in range(5):
        registered(create_staff(f"op{n}", "operator", "crm"), at(monday, 11 + n), 4)
    client.get("/staff/quality/team/")  # the counts the new appeals made stale, filled again
    with CaptureQueriesContext(connection) as six:
        client.get("/staff/quality/team/")
    assert len(six) == len(one)

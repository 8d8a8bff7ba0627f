import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from appeals.models import Appeal
from conftest import create_appeal, create_building, create_staff

pytestmark = pytest.mark.django_db

URL = "/api/v1/appeals"


def _numbers(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["number"] for item in response.json()["items"]]


def test_newest_first_with_next_offset(client_for, operator):
    appeals = [create_appeal(f"Обращение {i}", received_at=timezone.now() - dt.timedelta(hours=i)) for i in range(5)]
    client = client_for(operator)
    first = client.get(URL, {"limit": 2}).json()
    assert [i["number"] for i in first["items"]] == [appeals[0].number, appeals[1].number]
    assert first["next_offset"] == 2
    last = client.get(URL, {"limit": 2, "offset": 4}).json()
    assert [i["number"] for i in last["items"]] == [appeals[4].number]
    assert last["next_offset"] is None


def test_exactly_full_last_page_has_no_next(client_for, operator):
    for _ in range(3):
        create_appeal()
    assert client_for(operator).get(URL, {"limit": 3}).json()["next_offset"] is None


def test_items_are_light_without_history_or_personal_data(client_for, operator):
    create_appeal(full_name="Иванова Мария Петровна")
    item = client_for(operator).get(URL).json()["items"][0]
    assert "history" not in item and "applicant" not in item and "access_code" not in item
    assert "Иванова" not in str(item)


def test_list_runs_no_count_and_a_fixed_number_of_queries(client_for, operator):
    building = create_building()
    for i in range(3):
        create_appeal(f"Протечка {i}", reason="roof-damage", building=building)
    client = client_for(operator)
    client.get(URL)  # warm the caches of the first request
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for i in range(10):
        create_appeal(f"Протечка {i}", reason="roof-damage", building=building)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(URL).json()["items"]) == 13
    assert len(many) == len(few)
    assert not any("COUNT(" in q["sql"].upper() for q in many.captured_queries)


@pytest.mark.parametrize("params, wanted", [
    ({"status": "registered"}, "gas"),
    ({"channel": "email"}, "roof"),
    ({"kind": "complaint"}, "roof"),
    ({"reason": "gas-smell"}, "gas"),
    ({"category": "roof"}, "roof"),
    ({"department": "tech"}, "roof"),
    ({"priority": "emergency"}, "gas"),
])
def test_filters_narrow_the_journal(client_for, operator, params, wanted):
    appeals = {"roof": create_appeal("Течёт крыша", reason="roof-damage", channel="email", kind="complaint"),
               "gas": create_appeal("Пахнет газом", reason="gas-smell")}
    Appeal.objects.filter(pk=appeals["gas"].pk).update(status="registered")
    assert _numbers(client_for(operator).get(URL, params)) == [appeals[wanted].number]


def test_reference_filters_take_ids_too(client_for, operator):
    roof = create_appeal("Течёт крыша", reason="roof-damage")
    create_appeal("Пахнет газом", reason="gas-smell")
    client = client_for(operator)
    assert _numbers(client.get(URL, {"department": str(roof.department_id)})) == [roof.number]
    assert _numbers(client.get(URL, {"category": str(roof.category_id)})) == [roof.number]


def test_filter_by_building_and_assignee(client_for, operator, specialist):
    building = create_building("Невский проспект", "10")
    mine = create_appeal("Не горит свет", building=building)
    Appeal.objects.filter(pk=mine.pk).update(assignee=specialist)
    create_appeal("Шумят соседи")
    client = client_for(operator)
    assert _numbers(client.get(URL, {"building": building.pk})) == [mine.number]
    assert _numbers(client.get(URL, {"assignee": "specialist"})) == [mine.number]


def test_due_overdue_lists_only_late_open_appeals(client_for, operator):
    late = create_appeal("Давняя жалоба", received_at=timezone.now() - dt.timedelta(days=40))
    create_appeal("Свежая жалоба")
    assert _numbers(client_for(operator).get(URL, {"due": "overdue"})) == [late.number]


def test_date_range(client_for, operator):
    old = create_appeal("Старое", received_at=timezone.now() - dt.timedelta(days=30))
    create_appeal("Новое")
    day = timezone.localdate(old.received_at).isoformat()
    assert _numbers(client_for(operator).get(URL, {"date_from": day, "date_to": day})) == [old.number]


def test_q_finds_word_forms(client_for, operator):
    leak = create_appeal("Протекает крыша над кухней")
    create_appeal("Не работает лифт")
    client = client_for(operator)
    assert _numbers(client.get(URL, {"q": "протекла крыша"})) == [leak.number]
    assert _numbers(client.get(URL, {"q": "крыша снег"})) == []


def test_specialist_sees_only_own_department(client_for, specialist):
    roof = create_appeal("Течёт крыша", reason="roof-damage")
    create_appeal("Затопило квартиру", reason="water-flood")
    create_appeal("Без причины")
    assert _numbers(client_for(specialist).get(URL)) == [roof.number]


@pytest.mark.parametrize("params, field", [
    ({"limit": 101}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"status": "lost"}, "status"),
    ({"due": "tomorrow"}, "due"),
    ({"date_from": "01.02.2025"}, "date_from"),
    ({"department": "no-such"}, "department"),
    ({"reason": "no-such"}, "reason"),
    ({"category": "no-such"}, "category"),
    ({"assignee": "nobody"}, "assignee"),
    ({"building": "abc"}, "building"),
    ({"q": "x" * 201}, "q"),
])
def test_bad_filters_give_422_naming_the_parameter(client_for, operator, params, field):
    response = client_for(operator).get(URL, params)
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["query", field]]


def test_user_without_role_sees_an_empty_journal(client_for, operator):
    create_appeal()
    nobody = create_staff("guest", "operator")
    nobody.groups.clear()
    assert client_for(nobody).get(URL).json() == {"items": [], "next_offset": None}

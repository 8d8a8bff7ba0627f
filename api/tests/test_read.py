import pytest

from appeals import services
from appeals.models import PersonalDataAccess, Reason
from conftest import create_appeal, create_staff
from deadlines.calendar import MOSCOW

pytestmark = pytest.mark.django_db


def _url(appeal) -> str:
    return f"/api/v1/appeals/{appeal.number}"


def test_card_has_the_contract_fields(client_for, operator):
    appeal = create_appeal(reason="roof-damage")
    data = client_for(operator).get(_url(appeal)).json()
    expected = {"number", "access_code", "status", "kind", "channel", "received_at", "registered_at",
                "registration_due", "answer_due", "category", "reason", "complexity", "priority", "building",
                "department", "assignee", "result", "resolved_in_favour_of", "history", "applicant", "flat",
                "answer_text", "is_refusal"}
    assert expected <= set(data)
    assert data["number"] == appeal.number
    assert data["access_code"] == appeal.access_code
    assert data["reason"]["code"] == "roof-damage"
    assert data["complexity"]["code"] == "B"


def test_times_are_moscow_time_with_offset(client_for, operator):
    appeal = create_appeal()
    data = client_for(operator).get(_url(appeal)).json()
    assert data["received_at"].startswith(appeal.received_at.astimezone(MOSCOW).strftime("%Y-%m-%dT%H:%M:%S"))
    assert data["received_at"].endswith("+03:00")
    assert data["answer_due"] == appeal.answer_due.astimezone(MOSCOW).isoformat()


def test_history_lists_every_step_with_its_actor(client_for, operator):
    appeal = create_appeal()
    services.classify(appeal, operator, reason=Reason.objects.get(code="roof-damage"))
    history = client_for(operator).get(_url(appeal)).json()["history"]
    assert history[0]["action"] == "received"
    assert history[0]["actor"] is None
    classified = [e for e in history if e["action"] == "classified" and e["field"] == "reason"]
    assert classified[0]["actor"]["username"] == "operator"
    assert set(history[0]) == {"at", "actor", "action", "field", "old_value", "new_value", "note"}


def test_card_shows_applicant_to_staff_and_logs_the_access(client_for, operator):
    appeal = create_appeal(full_name="Иванова Мария Петровна", phone="+79211234567")
    data = client_for(operator).get(_url(appeal), REMOTE_ADDR="10.1.2.3").json()
    assert data["applicant"]["full_name"] == "Иванова Мария Петровна"
    assert data["applicant"]["phone"] == "+79211234567"
    row = PersonalDataAccess.objects.get()
    assert (row.user, row.appeal, row.action, row.ip) == (operator, appeal, "api_view", "10.1.2.3")


def test_appeal_without_applicant_writes_no_access_log(client_for, operator):
    appeal = create_appeal(full_name="")
    assert client_for(operator).get(_url(appeal)).json()["applicant"] is None
    assert not PersonalDataAccess.objects.exists()


def test_specialist_of_another_department_gets_404(client_for, specialist):
    appeal = create_appeal(reason="water-flood")  # goes to the dispatch service, not "tech"
    response = client_for(specialist).get(_url(appeal))
    assert response.status_code == 404
    assert response.json() == {"detail": "Обращение не найдено."}
    assert not PersonalDataAccess.objects.exists()


def test_specialist_of_the_department_sees_it(client_for, specialist):
    appeal = create_appeal(reason="roof-damage")  # the technical service
    assert client_for(specialist).get(_url(appeal)).status_code == 200


def test_assignee_from_another_department_sees_it(client_for, db):
    engineer = create_staff("engineer", "specialist", "san")
    appeal = create_appeal(reason="roof-damage")
    appeal.assignee = engineer
    appeal.save()
    assert client_for(engineer).get(_url(appeal)).status_code == 200


def test_unknown_number_gives_404_json(client_for, operator):
    response = client_for(operator).get("/api/v1/appeals/99-999999")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_card_lists_the_transitions_possible_now(client_for, operator):
    appeal = create_appeal()
    assert client_for(operator).get(_url(appeal)).json()["transitions"] == [
        "register", "request_clarification", "withdraw"]

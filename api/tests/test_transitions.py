import pytest

from appeals.models import Appeal
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db


def _url(appeal, tail: str) -> str:
    return f"/api/v1/appeals/{appeal.number}/{tail}"


def _status(appeal) -> str:
    return Appeal.objects.get(pk=appeal.pk).status


def test_register_a_classified_appeal(client_for, operator):
    appeal = create_appeal(reason="roof-damage")
    response = client_for(operator).post_json(_url(appeal, "transitions/register"))
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "registered"
    assert data["registered_at"].endswith("+03:00")
    assert data["history"][-1]["action"] == "register"


def test_transition_without_a_body_is_accepted(client_for, operator):
    appeal = create_appeal(reason="roof-damage")
    response = client_for(operator).post(_url(appeal, "transitions/register"), content_type="application/json")
    assert response.status_code == 200


def test_register_without_reason_names_the_field(client_for, operator):
    appeal = create_appeal()
    response = client_for(operator).post_json(_url(appeal, "transitions/register"))
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "reason"]
    assert "причину" in error["msg"]
    assert _status(appeal) == "received"


def test_forbidden_transition_gives_409_with_russian_message(client_for, supervisor):
    appeal = create_appeal()
    response = client_for(supervisor).post_json(_url(appeal, "transitions/close"))
    assert response.status_code == 409
    assert response.json() == {"detail": "Действие «Закрыть» невозможно, когда обращение в статусе «Поступило»."}
    assert _status(appeal) == "received"


def test_unknown_transition_name_is_422_naming_the_path(client_for, operator):
    appeal = create_appeal()
    response = client_for(operator).post_json(_url(appeal, "transitions/fly"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "name"]


def test_assign_is_not_a_bare_transition(client_for, operator):
    appeal = create_appeal(reason="roof-damage")
    assert client_for(operator).post_json(_url(appeal, "transitions/assign")).status_code == 422


def test_clarification_needs_a_note(client_for, operator):
    appeal = create_appeal()
    client = client_for(operator)
    response = client.post_json(_url(appeal, "transitions/request_clarification"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "note"]
    response = client.post_json(_url(appeal, "transitions/request_clarification"), {"note": "Уточнить квартиру"})
    assert response.json()["status"] == "clarification"


def test_full_cycle_from_registration_to_answer(client_for, operator, specialist):
    supervisor = create_staff("boss", "supervisor", "crm")
    appeal = create_appeal(reason="roof-damage")
    client_for(operator).post_json(_url(appeal, "transitions/register"))
    assigned = client_for(supervisor).post_json(_url(appeal, "assign"), {"assignee": "specialist"}).json()
    assert assigned["status"] == "assigned"
    assert assigned["assignee"]["username"] == "specialist"
    worker = client_for(specialist)
    worker.post_json(_url(appeal, "transitions/start"))
    draft = worker.post_json(_url(appeal, "transitions/draft_answer"), {"answer_text": "Кровля отремонтирована."})
    assert draft.json()["status"] == "answer_drafted"
    answered = worker.post_json(_url(appeal, "transitions/answer"),
                                {"result": "Кровля отремонтирована", "resolved_in_favour_of": "applicant"}).json()
    assert answered["status"] == "answered"
    assert answered["resolved_in_favour_of"] == "applicant"
    assert answered["answer_text"].startswith("Кровля отремонтирована.")
    assert answered["is_refusal"] is False


def test_answer_without_result_names_the_field(client_for, supervisor):
    appeal = create_appeal(reason="roof-damage")
    Appeal.objects.filter(pk=appeal.pk).update(status="answer_drafted", answer_text="Проект ответа")
    response = client_for(supervisor).post_json(_url(appeal, "transitions/answer"),
                                                {"resolved_in_favour_of": "company"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "result"]


def test_assign_department_by_code(client_for, db):
    supervisor = create_staff("boss", "supervisor", "crm")
    appeal = create_appeal()
    data = client_for(supervisor).post_json(_url(appeal, "assign"), {"department": "legal"}).json()
    assert data["department"]["code"] == "legal"
    assert data["status"] == "received"


def test_assign_by_id(client_for, specialist):
    supervisor = create_staff("boss", "supervisor", "crm")
    appeal = create_appeal(reason="roof-damage")
    Appeal.objects.filter(pk=appeal.pk).update(status="registered")
    data = client_for(supervisor).post_json(_url(appeal, "assign"), {"assignee": specialist.pk}).json()
    assert data["assignee"]["id"] == specialist.pk


def test_operator_cannot_assign(client_for, operator, specialist):
    appeal = create_appeal(reason="roof-damage")
    response = client_for(operator).post_json(_url(appeal, "assign"), {"assignee": "specialist"})
    assert response.status_code == 403
    assert response.json() == {"detail": f"У вас нет права на действие «Назначить ответственного» по обращению "
                                         f"№ {appeal.number}."}
    assert Appeal.objects.get(pk=appeal.pk).assignee is None


@pytest.mark.parametrize("payload, field", [
    ({"assignee": "nobody"}, "assignee"),
    ({"department": "no-such"}, "department"),
    ({}, "assignee"),
])
def test_assign_bad_input_names_the_field(client_for, db, payload, field):
    supervisor = create_staff("boss", "supervisor", "crm")
    appeal = create_appeal()
    response = client_for(supervisor).post_json(_url(appeal, "assign"), payload)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]


def test_classify_sets_reason_complexity_and_priority(client_for, operator):
    appeal = create_appeal()
    data = client_for(operator).post_json(_url(appeal, "classify"), {"reason": "roof-damage", "complexity": "V",
                                                                    "priority": "high"}).json()
    assert data["reason"]["code"] == "roof-damage"
    assert data["complexity"] == {"code": "V", "label": "В — сложное"}
    assert data["priority"] == "high"


@pytest.mark.parametrize("payload, field", [
    ({"reason": "no-such"}, "reason"),
    ({"reason": "roof-damage", "complexity": "Б"}, "complexity"),
    ({"reason": "roof-damage", "priority": "urgent"}, "priority"),
    ({}, "reason"),
])
def test_classify_bad_input_names_the_field(client_for, operator, payload, field):
    appeal = create_appeal()
    response = client_for(operator).post_json(_url(appeal, "classify"), payload)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]


def test_specialist_of_another_department_cannot_act(client_for, specialist):
    appeal = create_appeal(reason="water-flood")
    response = client_for(specialist).post_json(_url(appeal, "transitions/register"))
    assert response.status_code == 404
    assert _status(appeal) == "received"


def test_transition_on_unknown_appeal_is_404(client_for, operator):
    response = client_for(operator).post_json("/api/v1/appeals/99-999999/transitions/register")
    assert response.status_code == 404


@pytest.mark.parametrize("payload, field", [
    ({"note": 5}, "note"),
    ({"note": "н" * 5001}, "note"),
    ({"answer_text": "о" * 20_001}, "answer_text"),
    ({"result": "р" * 501}, "result"),
    ({"resolved_in_favour_of": "nobody"}, "resolved_in_favour_of"),
    ({"status": "closed"}, "status"),
])
def test_transition_bad_input_names_the_field(client_for, operator, payload, field):
    appeal = create_appeal()
    response = client_for(operator).post_json(_url(appeal, "transitions/request_clarification"), payload)
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["body", field]]
    assert _status(appeal) == "received"

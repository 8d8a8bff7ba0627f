"""An answer with a gap left for a person to fill never goes out: the editor, the API and incident
answers are refused alike, with the gap named; the notice of the right to appeal is added once."""

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import ApiToken, Company
from appeals import services
from appeals.answer_rules import unfilled
from appeals.errors import AppealError
from appeals.models import Appeal
from conftest import create_appeal, create_building
from triage.incidents import answer_incident, link_appeal

pytestmark = pytest.mark.django_db

WITH_GAPS = "Уважаемый(-ая) [имя и отчество]! Кровля отремонтирована [дата]."


def drafted(actor, text: str = WITH_GAPS, **extra) -> Appeal:
    appeal = services.transition(create_appeal(reason="roof-damage", **extra), "register", actor)
    appeal = services.assign(appeal, actor, assignee=actor)
    appeal = services.transition(appeal, "start", actor)
    return services.transition(appeal, "draft_answer", actor, answer_text=text)


def test_gaps_are_found_once_each_and_references_are_not_gaps():
    assert unfilled("[дата] и снова [дата], см. [1], [№ обращения]") == ["[дата]", "[№ обращения]"]


def test_the_domain_refuses_an_answer_with_gaps_and_names_them(supervisor):
    appeal = drafted(supervisor)
    with pytest.raises(AppealError) as error:
        services.transition(appeal, "answer", supervisor, result="Отремонтировано", resolved_in_favour_of="applicant")
    assert error.value.field == "answer_text"
    assert "«[имя и отчество]», «[дата]»" in error.value.message
    assert Appeal.objects.get(pk=appeal.pk).status == "answer_drafted"


def test_the_editor_shows_the_refusal_on_the_answer(client, supervisor):
    appeal = drafted(supervisor)
    client.force_login(supervisor)
    response = client.post(f"/staff/appeals/{appeal.number}/do/refuse/",
                           {"answer_text": WITH_GAPS, "result": "Не входит в перечень работ"})
    assert response.status_code == 400
    assert "В ответе остались места для заполнения: «[имя и отчество]», «[дата]»." in response.content.decode()
    assert Appeal.objects.get(pk=appeal.pk).status == "answer_drafted"


def test_the_api_names_the_field(supervisor):
    appeal = drafted(supervisor)
    _token, key = ApiToken.issue(supervisor)
    response = Client(headers={"Authorization": f"Bearer {key}"}).post(
        f"/api/v1/appeals/{appeal.number}/transitions/answer",
        {"result": "Отремонтировано", "resolved_in_favour_of": "applicant"}, content_type="application/json")
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "answer_text"] and "«[дата]»" in problem["msg"]


def test_an_incident_answer_with_gaps_sends_nothing(supervisor):
    building = create_building()
    create_appeal("Течёт крыша", reason="roof-damage", building=building,
                  received_at=timezone.now() - timezone.timedelta(hours=2))
    incident = link_appeal(create_appeal("Протекает крыша", reason="roof-damage", building=building))
    with pytest.raises(AppealError) as error:
        answer_incident(incident, supervisor, text=WITH_GAPS, result="Отремонтировано", favour="applicant")
    assert "«[имя и отчество]»" in error.value.message
    assert not Appeal.objects.filter(status="answered").exists()


def test_a_filled_refusal_carries_the_notice_once(supervisor):
    notice = Company.current().hq_notice()
    appeal = drafted(supervisor, text=f"Работы не входят в перечень.\n\n{notice}")
    appeal = services.transition(appeal, "refuse", supervisor, result="Не входит в перечень работ")
    assert appeal.answer_text.count(notice) == 1

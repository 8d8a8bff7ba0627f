"""Supervisors and administrators open and keep proposals; other staff read them; the server refuses the rest."""

import pytest
from django.test import Client
from django.utils import timezone

from appeals.access import Forbidden
from appeals.models import Reason
from proposals import services
from proposals.models import Proposal, ProposalEvent

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _proposal(actor) -> Proposal:
    return services.open_proposal(actor, problem="Протечки кровли", measure="Ремонт кровли", owner=actor)


def test_an_operator_cannot_open_a_proposal(operator):
    client = _client(operator)
    assert client.get("/staff/proposals/new/").status_code == 403
    response = client.post("/staff/proposals/new/", {"problem": "Кровля", "measure": "Ремонт", "owner": operator.pk})
    assert response.status_code == 403
    assert "нет права открывать и вести системные предложения" in response.content.decode()
    assert not Proposal.objects.exists()
    with pytest.raises(Forbidden):
        _proposal(operator)


def test_an_operator_reads_but_cannot_change_a_proposal(operator, supervisor):
    proposal = _proposal(supervisor)
    client = _client(operator)
    page = client.get(proposal.get_absolute_url())
    assert page.status_code == 200 and "Изменять предложение и отмечать внедрение может руководитель." in \
        page.content.decode()
    assert "Мера внедрена</button>" not in page.content.decode()
    for path, data in [("edit/", {"problem": "Другое", "measure": "Другая", "owner": operator.pk}),
                       ("links/", {"incident": 1}),
                       ("implemented/", {"on": timezone.localdate().isoformat(), "by": operator.pk, "what": "Всё"})]:
        assert client.post(f"{proposal.get_absolute_url()}{path}", data).status_code == 403
    proposal.refresh_from_db()
    assert proposal.problem == "Протечки кровли" and proposal.implemented_on is None


def test_a_specialist_reads_the_list_and_a_stranger_is_sent_to_log_in(specialist, supervisor):
    _proposal(supervisor)
    assert _client(specialist).get("/staff/proposals/").status_code == 200
    assert Client().get("/staff/proposals/").status_code == 302


def test_a_supervisor_and_an_administrator_may_keep_proposals(supervisor, admin_user):
    for user in (supervisor, admin_user):
        response = _client(user).post("/staff/proposals/new/", {"problem": "Кровля", "measure": "Ремонт",
                                                                  "owner": supervisor.pk})
        assert response.status_code == 302
    assert Proposal.objects.count() == 2
    assert sorted(Proposal.objects.values_list("number", flat=True)) == \
        [f"СП-{timezone.localdate():%y}-0001", f"СП-{timezone.localdate():%y}-0002"]


def test_every_change_leaves_a_history_row(supervisor, operator, building):
    proposal = _proposal(supervisor)
    roof = Reason.objects.get(code="roof-damage")
    client = _client(supervisor)
    client.post(f"{proposal.get_absolute_url()}edit/", {"problem": "Протечки кровли", "measure": "Замена кровли",
                                                        "owner": operator.pk, "reason": roof.pk,
                                                        "building": building.pk})
    client.post(f"{proposal.get_absolute_url()}implemented/", {
        "on": timezone.localdate().isoformat(), "by": operator.pk, "what": "Кровля заменена"})
    rows = list(ProposalEvent.objects.filter(proposal=proposal).values_list("action", "field", "old_value",
                                                                            "new_value", "actor"))
    assert rows[0][0] == "opened"
    changed = {(field, old, new) for action, field, old, new, _a in rows if action == "changed"}
    assert changed == {("measure", "Ремонт кровли", "Замена кровли"),
                       ("owner", supervisor.get_full_name(), operator.get_full_name()),
                       ("reason", "", roof.name), ("building", "", building.address)}
    assert rows[-1][0] == "implemented" and rows[-1][3].endswith(operator.get_full_name())
    assert {actor for *_rest, actor in rows} == {supervisor.pk}
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Мера: «Ремонт кровли» → «Замена кровли»" in page and "Мера внедрена" in page

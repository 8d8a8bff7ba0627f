"""The proposals' pages: opened from a repeating problem, an incident or an appeal, the list and its filters,
linking and unlinking, the implementation, and Russian messages for bad input."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from appeals.models import Appeal, Reason
from conftest import create_appeal
from proposals import services
from proposals.models import Proposal
from triage.models import Incident, IncidentAppeal

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _proposal(actor, **extra) -> Proposal:
    return services.open_proposal(actor, problem="Протечки кровли", measure="Заменить покрытие кровли",
                                  owner=actor, **extra)


def test_supervisor_opens_a_proposal_from_an_incident_and_it_is_linked(supervisor, building):
    roof = Reason.objects.get(code="roof-damage")
    appeal = create_appeal(reason="roof-damage", building=building)
    incident = Incident.objects.create(title="Протечка кровли над 3-м подъездом", reason=roof, building=building)
    IncidentAppeal.objects.create(incident=incident, appeal=appeal)
    client = _client(supervisor)
    page = client.get(f"/staff/incidents/{incident.pk}/")
    assert f"/staff/proposals/new/?incident={incident.pk}" in page.content.decode()
    form = client.get(f"/staff/proposals/new/?incident={incident.pk}")
    assert "Протечка кровли над 3-м подъездом" in form.content.decode()
    response = client.post("/staff/proposals/new/", {
        "from_incident": incident.pk, "problem": "Протечка кровли над 3-м подъездом", "measure": "Ремонт кровли",
        "owner": supervisor.pk, "reason": roof.pk, "building": building.pk})
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
    assert list(proposal.incidents.all()) == [incident]
    assert proposal.number == f"СП-{timezone.localdate():%y}-0001"
    assert f"№ {proposal.number}" in client.get(f"/staff/incidents/{incident.pk}/").content.decode()


def test_a_proposal_from_an_appeal_links_the_appeal(supervisor, building):
    appeal = create_appeal(reason="roof-damage", building=building)
    client = _client(supervisor)
    assert f"/staff/proposals/new/?appeal={appeal.number}" in client.get(appeal.get_absolute_url()).content.decode()
    client.post("/staff/proposals/new/", {"from_appeal": appeal.number, "problem": "Кровля", "measure": "Ремонт",
                                          "owner": supervisor.pk})
    assert list(Proposal.objects.get().appeals.all()) == [appeal]


def test_the_problems_page_offers_a_proposal_for_a_repeating_problem(supervisor, building):
    now = timezone.now()
    for hours in (1, 2, 3):
        create_appeal(reason="roof-damage", building=building, received_at=now - dt.timedelta(hours=hours))
    page = _client(supervisor).get("/staff/insights/problems/").content.decode()
    roof = Reason.objects.get(code="roof-damage")
    link = f"/staff/proposals/new/?building={building.pk}&amp;reason={roof.pk}"
    assert link in page
    form = _client(supervisor).get(link.replace("&amp;", "&")).content.decode()
    assert f"Повторяющиеся обращения «{roof.name}» в доме {building.address}" in form


def test_an_empty_form_is_refused_in_russian(supervisor):
    response = _client(supervisor).post("/staff/proposals/new/", {"problem": " ", "measure": "", "owner": ""})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Опишите проблему." in text and "Выберите ответственного." in text
    assert not Proposal.objects.exists()


def test_the_list_filters_open_overdue_implemented_and_by_owner(supervisor, operator):
    late = _proposal(supervisor)
    Proposal.objects.filter(pk=late.pk).update(due_at=timezone.now() - dt.timedelta(days=2))
    on_time = _proposal(supervisor)
    done = _proposal(supervisor)
    services.mark_implemented(done, supervisor, on=timezone.localdate(), by=supervisor, what="Заменено покрытие")
    services.change_proposal(on_time, supervisor, owner=operator)
    client = _client(operator)

    def numbers(query: str) -> set[str]:
        text = client.get(f"/staff/proposals/?{query}").content.decode()
        return {p.number for p in (late, on_time, done) if f">{p.number}<" in text}

    assert numbers("") == {late.number, on_time.number, done.number}
    assert numbers("state=open") == {late.number, on_time.number}
    assert numbers("state=overdue") == {late.number}
    assert numbers("state=implemented") == {done.number}
    assert numbers(f"owner={operator.pk}") == {on_time.number}
    assert "due-overdue" in client.get("/staff/proposals/?state=overdue").content.decode()


def test_the_list_reads_its_rows_in_a_fixed_number_of_queries(supervisor, django_assert_max_num_queries):
    for _ in range(5):
        _proposal(supervisor)
    client = _client(supervisor)
    client.get("/staff/proposals/")
    with django_assert_max_num_queries(8):
        assert client.get("/staff/proposals/").status_code == 200


def test_linking_and_unlinking_appeals_and_incidents(supervisor, building):
    proposal = _proposal(supervisor)
    appeal = create_appeal(reason="roof-damage", building=building)
    incident = Incident.objects.create(title="Протечка", building=building)
    IncidentAppeal.objects.create(incident=incident, appeal=create_appeal(reason="roof-damage", building=building))
    client = _client(supervisor)
    client.post(f"/staff/proposals/{proposal.pk}/links/", {"appeal": appeal.number})
    client.post(f"/staff/proposals/{proposal.pk}/links/", {"incident": incident.pk})
    assert list(proposal.appeals.all()) == [appeal] and list(proposal.incidents.all()) == [incident]
    again = client.post(f"/staff/proposals/{proposal.pk}/links/", {"appeal": appeal.number})
    assert again.status_code == 400 and "уже связано" in again.content.decode()
    missing = client.post(f"/staff/proposals/{proposal.pk}/links/", {"appeal": "99-999999"})
    assert missing.status_code == 400 and "Обращения № 99-999999 нет" in missing.content.decode()
    client.post(f"/staff/proposals/{proposal.pk}/links/appeal/{appeal.number}/remove/")
    client.post(f"/staff/proposals/{proposal.pk}/links/incident/{incident.pk}/remove/")
    assert not proposal.appeals.exists() and not proposal.incidents.exists()


def test_implementation_in_the_future_is_refused_in_russian(supervisor):
    proposal = _proposal(supervisor)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = _client(supervisor).post(f"/staff/proposals/{proposal.pk}/implemented/", {
        "on": tomorrow.isoformat(), "by": supervisor.pk, "what": "Сделано"})
    assert response.status_code == 400
    assert "не может быть позже сегодняшнего дня" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.implemented_on is None


def test_the_page_says_when_the_window_after_is_still_too_short(supervisor, building):
    proposal = _proposal(supervisor, reason=Reason.objects.get(code="roof-damage"), building=building)
    response = _client(supervisor).post(f"/staff/proposals/{proposal.pk}/implemented/", {
        "on": timezone.localdate().isoformat(), "by": supervisor.pk, "what": "Заменено покрытие"}, follow=True)
    text = response.content.decode()
    assert "Мера отмечена как внедрённая." in text
    assert "После внедрения прошло полных дней: 0. Для сравнения нужно не меньше 14" in text
    assert Appeal.objects.count() == 0


def test_the_page_of_an_implemented_proposal_reads_a_fixed_number_of_queries(supervisor, building,
                                                                             django_assert_max_num_queries):
    proposal = _proposal(supervisor, reason=Reason.objects.get(code="roof-damage"), building=building)
    for _ in range(4):
        services.link_appeal(proposal, supervisor, create_appeal(reason="roof-damage", building=building))
    Proposal.objects.filter(pk=proposal.pk).update(registered_at=timezone.now() - dt.timedelta(days=60))
    services.mark_implemented(proposal, supervisor, on=timezone.localdate() - dt.timedelta(days=30), by=supervisor,
                              what="Кровля заменена")
    client = _client(supervisor)
    client.get(proposal.get_absolute_url())
    with django_assert_max_num_queries(18):
        assert client.get(proposal.get_absolute_url()).status_code == 200

"""Many complaints about one roof at the same moment: each is accepted once, and they end in one incident.

Real threads, each with its own connection, against a database file (SQLite) or server (PostgreSQL):
what is tested is the lock linking takes, so nothing here is mocked.
"""

import logging

from django.db import IntegrityError
from django.test import Client

from accounts.models import ApiToken
from appeals.models import Appeal
from appeals.tests.test_concurrent_intake import run_together
from conftest import create_appeal, create_building, create_staff
from triage.incidents import link_appeal
from triage.models import Incident, IncidentAppeal

CLIENTS = 16


def test_complaints_at_once_about_one_roof_are_each_accepted_once(reference_data):
    building = create_building()
    create_appeal("Течёт крыша над квартирой 40", reason="roof-damage", building=building)
    operator = create_staff("operator", "operator", "crm")
    tokens = [ApiToken.issue(operator)[1] for _ in range(CLIENTS)]

    def complain(i: int) -> int:
        client = Client(headers={"Authorization": f"Bearer {tokens[i]}"})
        return client.post("/api/v1/appeals", {"text": f"Протекает крыша, вода в квартире {i + 1}",
                                               "reason": "roof-damage", "building_id": building.pk},
                           content_type="application/json").status_code

    results = run_together(complain, CLIENTS)

    assert results == [201] * CLIENTS
    assert Appeal.objects.count() == CLIENTS + 1
    linked = IncidentAppeal.objects.values_list("appeal_id", flat=True)
    assert len(linked) == len(set(linked)) >= 2  # the pair that started an incident at least
    for incident in Incident.objects.all():  # none started and left without its appeals
        assert incident.memberships.count() >= 2



def test_linkers_at_once_start_one_incident_with_the_lone_appeal_they_all_match(reference_data):
    building = create_building()
    lone = create_appeal("Протекает крыша", reason="roof-damage", building=building)
    # alike to the word, so the oldest (the lone one) is the best match of each
    later = [create_appeal("Протекает крыша", reason="roof-damage", building=building).pk for _ in range(CLIENTS)]

    def link(i: int):
        incident = link_appeal(Appeal.objects.select_related("reason", "building").get(pk=later[i]))
        return incident.pk if incident else None

    results = run_together(link, CLIENTS)

    assert not [r for r in results if isinstance(r, Exception)]
    linked = list(IncidentAppeal.objects.values_list("appeal_id", flat=True))
    assert len(linked) == len(set(linked)) and lone.pk in linked
    assert all(incident.memberships.count() >= 2 for incident in Incident.objects.all())


def test_an_appeal_is_accepted_when_linking_it_fails_after_the_commit(reference_data, monkeypatch, caplog):
    from triage.incidents import links

    building = create_building()
    create_appeal("Протекает крыша", reason="roof-damage", building=building)
    token = ApiToken.issue(create_staff("operator", "operator", "crm"))[1]

    def broken(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(links, "match_incident", broken)
    client = Client(headers={"Authorization": f"Bearer {token}"})
    with caplog.at_level(logging.ERROR, logger="triage.tasks"):
        response = client.post("/api/v1/appeals", {"text": "Течёт крыша", "reason": "roof-damage",
                                                   "building_id": building.pk}, content_type="application/json")
    assert response.status_code == 201
    assert Appeal.objects.filter(number=response.json()["number"]).exists()
    assert "не связано с инцидентом" in caplog.text

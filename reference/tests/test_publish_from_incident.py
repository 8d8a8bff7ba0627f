"""A supervisor publishes an outage from an incident; a role without the right cannot."""

import datetime as dt

import pytest
from django.utils import timezone

from appeals.models import Appeal
from conftest import create_appeal, create_building
from reference import outages
from reference.models import Outage
from triage.incidents import link_appeal

pytestmark = pytest.mark.django_db
FORMAT = "%Y-%m-%dT%H:%M"


@pytest.fixture
def incident(building):
    neighbour = create_building("улица Марата", "9", latitude=59.9265, longitude=30.3530)
    building.latitude, building.longitude = 59.9266, 30.3528
    building.save()
    create_appeal("Нет горячей воды с утра", reason="water-no-hot", building=building,
                  received_at=timezone.now() - dt.timedelta(hours=3))
    second = create_appeal("Горячей воды нет", reason="water-no-hot", building=neighbour, full_name="Петров Пётр")
    return link_appeal(Appeal.objects.select_related("reason").get(pk=second.pk))


def _form(**extra):
    now = timezone.localtime()
    return {"resource": "hot_water", "kind": "emergency", "starts_at": (now - dt.timedelta(hours=3)).strftime(FORMAT),
            "ends_at": (now + dt.timedelta(hours=8)).strftime(FORMAT), "note": "Ремонт на тепловой сети"} | extra


def test_the_incident_page_offers_publishing_to_a_supervisor(client, supervisor, incident):
    client.force_login(supervisor)
    page = client.get(f"/staff/incidents/{incident.pk}/").content.decode()
    assert f'href="/staff/incidents/{incident.pk}/outage/"' in page


def test_the_form_is_prefilled_with_the_incidents_buildings_and_supply(client, supervisor, incident):
    client.force_login(supervisor)
    page = client.get(f"/staff/incidents/{incident.pk}/outage/").content.decode()
    assert page.count('name="buildings"') == 2 and page.count("checked") >= 2
    assert '<option value="hot_water" selected>' in page and '<option value="emergency" selected>' in page


def test_a_supervisor_publishes_and_residents_of_those_buildings_see_it(client, supervisor, incident, building):
    client.force_login(supervisor)
    ids = [str(pk) for pk in incident.memberships.values_list("appeal__building_id", flat=True)]
    response = client.post(f"/staff/incidents/{incident.pk}/outage/", _form(buildings=ids), follow=True)
    assert "Отключение опубликовано на сайте" in response.content.decode()
    outage = Outage.objects.get()
    assert outage.incident == incident and outage.created_by == supervisor and outage.buildings.count() == 2
    assert outages.current_for(building) == [outage]
    assert "Ремонт на тепловой сети" in client.get(f"/staff/incidents/{incident.pk}/").content.decode()


def test_an_end_before_the_start_is_refused_in_russian(client, supervisor, incident, building):
    client.force_login(supervisor)
    response = client.post(f"/staff/incidents/{incident.pk}/outage/",
                           _form(buildings=[building.pk], ends_at=timezone.localtime().replace(year=2020)
                                 .strftime(FORMAT)))
    assert response.status_code == 400 and "Окончание должно быть позже начала." in response.content.decode()
    assert not Outage.objects.exists()


def test_a_building_outside_the_incident_cannot_be_slipped_in(client, supervisor, incident):
    client.force_login(supervisor)
    stranger = create_building("Садовая улица", "27")
    response = client.post(f"/staff/incidents/{incident.pk}/outage/", _form(buildings=[stranger.pk]))
    assert response.status_code == 400 and not Outage.objects.exists()


def test_an_operator_sees_no_button_and_is_refused(client, operator, incident, building):
    client.force_login(operator)
    assert "/outage/" not in client.get(f"/staff/incidents/{incident.pk}/").content.decode()
    assert client.get(f"/staff/incidents/{incident.pk}/outage/").status_code == 403
    response = client.post(f"/staff/incidents/{incident.pk}/outage/", _form(buildings=[building.pk]))
    assert response.status_code == 403 and not Outage.objects.exists()


def test_the_domain_refuses_a_person_without_the_right(operator, building):
    from appeals.access import Forbidden

    data = outages.OutageData(resource="hot_water", kind="planned", buildings=[building], starts_at=timezone.now(),
                              ends_at=None)
    with pytest.raises(Forbidden):
        outages.publish_outage(data, operator)

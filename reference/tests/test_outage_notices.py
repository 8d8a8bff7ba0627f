"""Residents learn an outage is known: a banner on the landing, a notice on the appeal form for their building."""

import pytest

from appeals.models import Appeal
from conftest import create_building

from .factories import create_outage

pytestmark = pytest.mark.django_db
NOTICE = "новую жалобу подавать не нужно"


@pytest.fixture
def other(db):
    return create_building("Литейный проспект", "32")


def test_the_landing_shows_current_outages_with_their_addresses(client, building):
    create_outage(building)
    page = client.get("/").content.decode()
    assert "Известно об отключении горячей воды до" in page and "улица Марата, д. 7" in page
    assert "Новую жалобу об этом подавать не нужно" in page


def test_the_landing_shows_no_banner_for_an_ended_or_upcoming_outage(client, building):
    create_outage(building, starts_in_hours=-10, lasts_hours=5)
    create_outage(building, starts_in_hours=5)
    assert "Отключения сейчас" not in client.get("/").content.decode()


def test_a_long_list_of_buildings_is_cut_short_on_the_banner(client, building):
    create_outage(*[create_building("Садовая улица", str(n)) for n in range(1, 8)])
    assert "и ещё 3 дома" in client.get("/").content.decode()


def test_picking_an_affected_building_tells_of_the_outage(client, building):
    create_outage(building)
    page = client.get(f"/appeal/buildings/?pick={building.pk}", HTTP_HX_REQUEST="true").content.decode()
    assert "Известно об отключении горячей воды до" in page and NOTICE in page


def test_picking_another_building_tells_nothing(client, building, other):
    create_outage(building)
    page = client.get(f"/appeal/buildings/?pick={other.pk}", HTTP_HX_REQUEST="true").content.decode()
    assert NOTICE not in page


def _post_without_scripts(client, **fields):
    """The form as a browser without scripts sends it: the address typed, no building picked."""
    return client.post("/appeal/", {"kind": "complaint", "full_name": "", "phone": "+79211234567",
                                    "text": "Нет горячей воды", "consent": "on", **fields})


def test_the_form_sent_without_scripts_tells_of_the_outage_in_the_typed_building(client, building):
    create_outage(building)
    response = _post_without_scripts(client, address="Марата 7")
    assert response.status_code == 200  # shown again: the name is missing
    assert NOTICE in response.content.decode()


def test_the_form_sent_for_another_building_tells_nothing(client, building, other):
    create_outage(building)
    assert NOTICE not in _post_without_scripts(client, address="Литейный 32").content.decode()


def test_the_picked_building_is_told_of_on_the_form_shown_again(client, building):
    create_outage(building)
    page = _post_without_scripts(client, address=building.address, building=str(building.pk)).content.decode()
    assert NOTICE in page


def test_an_appeal_filed_anyway_is_received_and_the_done_page_says_the_outage_is_known(client, building):
    create_outage(building)
    response = _post_without_scripts(client, address=building.address, building=str(building.pk),
                                     full_name="Иванова Мария Петровна")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Известно об отключении горячей воды" in page and NOTICE not in page
    assert Appeal.objects.get().building == building

"""The demo's centres: added once, left alone on the next load."""

import pytest

from appointments import demo
from appointments.models import Appointment, Centre, Publication, Service

pytestmark = pytest.mark.django_db


def test_the_demo_adds_three_centres_with_bookings_once():
    said = demo.load()
    assert said.startswith("Центры обслуживания: добавлено 3")
    assert Centre.objects.count() == 3 and Publication.objects.count() >= 3
    assert Service.objects.filter(own_hours=True, hours__weekday=1).exists()
    booked = Appointment.objects.count()
    assert booked > 0
    Centre.objects.filter(slug="marata").update(phone="+7 (812) 000-00-00")
    assert demo.load() == "Центры обслуживания: всё на месте, ничего не добавлено."
    assert Centre.objects.count() == 3 and Appointment.objects.count() == booked
    assert Centre.objects.get(slug="marata").phone == "+7 (812) 000-00-00"


def test_the_demo_centre_pages_render(client):
    demo.load()
    for slug in Centre.objects.values_list("slug", flat=True):
        assert client.get(f"/centres/{slug}/").status_code == 200
        assert client.get(f"/centres/{slug}/book/").status_code == 200

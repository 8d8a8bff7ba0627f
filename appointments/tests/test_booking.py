"""Booking over HTTP: pick a service, a day and a time, leave a name and a phone, get a confirmation code."""

import datetime as dt
import re

import pytest

from appointments.models import Appointment

from .factories import at, create_centre, frozen

pytestmark = pytest.mark.django_db

TUESDAY = dt.date(2026, 11, 3)
NAME, PHONE = "Затейникова Евлампия Порфирьевна", "8 (911) 987-65-43"


@pytest.fixture
def centre():
    return create_centre(seats=1)


@pytest.fixture(autouse=True)
def _monday_morning():
    with frozen():
        yield


def booking(of, **changes) -> dict:
    data = {"service": str(of.pk), "slot": "2026-11-03T10:00", "full_name": NAME, "phone": PHONE,
            "email": "", "consent": "on"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def book_page(client, centre, **params):
    return client.get(f"/centres/{centre.slug}/book/", params).content.decode()


def test_the_booking_page_offers_days_and_times_of_the_only_service(client, centre):
    html = book_page(client, centre)
    assert "пн, 2 ноября" in html and "вт, 3 ноября" in html and "ср, 4 ноября" not in html
    assert 'value="2026-11-02T09:00"' in html
    for name in ("full_name", "phone", "email", "consent"):
        assert f'name="{name}"' in html
    assert "152\u2011ФЗ" in html


def test_another_day_shows_its_own_times(client, centre):
    html = book_page(client, centre, service=centre.services.get().pk, day="2026-11-05")
    assert 'value="2026-11-05T09:00"' in html and 'value="2026-11-02T09:00"' not in html


def test_a_booking_gives_a_confirmation_code_and_the_time(client, centre):
    service = centre.services.get()
    response = client.post(f"/centres/{centre.slug}/book/", booking(service))
    assert response.status_code == 302 and response["Location"] == "/centres/booking/done/"
    appointment = Appointment.objects.get()
    assert appointment.starts_at == at(TUESDAY, 10) and appointment.seat == 1
    assert appointment.full_name == NAME and appointment.phone == "+79119876543"
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{10}", appointment.code)
    html = client.get("/centres/booking/done/").content.decode()
    assert appointment.code in html and "вт, 3 ноября, 10:00" in html
    assert "Затейникова" not in html and "987-65-43" not in html and "+7 911 ***-**-43" in html


def test_codes_differ_between_bookings(client, centre):
    service = centre.services.get()
    client.post(f"/centres/{centre.slug}/book/", booking(service))
    client.post(f"/centres/{centre.slug}/book/", booking(service, slot="2026-11-03T10:30"))
    assert len(set(Appointment.objects.values_list("code", flat=True))) == 2


def test_a_taken_slot_is_not_offered_and_its_booking_is_refused_with_other_times(client, centre):
    service = centre.services.get()
    client.post(f"/centres/{centre.slug}/book/", booking(service))
    assert 'value="2026-11-03T10:00"' not in book_page(client, centre, service=service.pk, day="2026-11-03")
    response = client.post(f"/centres/{centre.slug}/book/", booking(service, full_name="Петров Пётр Петрович"))
    html = response.content.decode()
    assert response.status_code == 400 and "Это время только что заняли" in html
    assert 'value="2026-11-03T10:30"' in html and 'value="2026-11-03T10:00"' not in html
    assert Appointment.objects.count() == 1


@pytest.mark.parametrize(("slot", "message"), [
    ("2026-11-02T07:30", "Это время уже прошло"),
    ("2026-11-04T10:00", "4 ноября — нерабочий день"),
    ("2026-11-07T10:00", "нерабочий день"),
    ("2026-11-03T10:10", "не принимает"),
    ("2026-11-03T13:15", "не принимает"),
    ("2027-03-01T10:00", "Запись открыта только на 14 дней вперёд"),
    ("завтра в десять", "Выберите время приёма из списка"),
    ("<script>alert(1)</script>", "Выберите время приёма из списка"),
    ("9999-99-99T99:99", "Выберите время приёма из списка"),
    ("", "Выберите время приёма"),
])
def test_a_bad_slot_is_refused_in_russian_next_to_the_times(client, centre, slot, message):
    response = client.post(f"/centres/{centre.slug}/book/", booking(centre.services.get(), slot=slot))
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert 'id="slot-error"' in html and "<script>alert" not in html
    assert not Appointment.objects.exists()


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"full_name": ""}, "full_name", "Укажите, пожалуйста, фамилию"),
    ({"full_name": "12345"}, "full_name", "Укажите фамилию, имя и отчество"),
    ({"full_name": "Иванова\nМария"}, "full_name", "одной строкой"),
    ({"phone": ""}, "phone", "Укажите телефон"),
    ({"phone": "8 921 123"}, "phone", "Проверьте номер"),
    ({"email": "ivanova@"}, "email", "Проверьте адрес электронной почты"),
    ({"consent": None}, "consent", "Без согласия на обработку персональных данных"),
])
def test_bad_contacts_are_explained_next_to_their_field(client, centre, changes, field, message):
    response = client.post(f"/centres/{centre.slug}/book/", booking(centre.services.get(), **changes))
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert f'id="id_{field}_error"' in html
    assert not Appointment.objects.exists()


def test_help_texts_and_errors_are_tied_to_their_fields(client, centre):
    html = client.post(f"/centres/{centre.slug}/book/", booking(centre.services.get(), phone="12")).content.decode()
    described = set(re.findall(r'aria-describedby="([^"]+)"', html))
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    assert described and all(set(value.split()) <= ids for value in described)
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in html


def test_a_forged_service_or_seat_gives_a_message_not_an_error(client, centre):
    other = create_centre("nevsky").services.get()
    response = client.post(f"/centres/{centre.slug}/book/", booking(other))
    assert response.status_code == 400 and "Выберите услугу из списка" in response.content.decode()
    response = client.post(f"/centres/{centre.slug}/book/", booking(centre.services.get(), service="1 OR 1=1"))
    assert response.status_code == 400
    response = client.post(f"/centres/{centre.slug}/book/", booking(centre.services.get(), seat="999"))
    assert response.status_code == 302 and Appointment.objects.get().seat == 1  # the seat is the server's choice


def test_hostile_strings_are_shown_escaped_or_refused(client, centre):
    hostile = "<img src=x onerror=alert(1)> Иванова"
    response = client.post(f"/centres/{centre.slug}/book/", booking(centre.services.get(), full_name=hostile,
                                                                     email="<b>@x.ru"))
    html = response.content.decode()
    assert response.status_code == 400 and "<img src=x" not in html


def test_booking_is_limited_per_ip(client, centre, settings):
    settings.PUBLIC_RATE_LIMIT = 2
    service = centre.services.get()
    for _ in range(2):
        client.post(f"/centres/{centre.slug}/book/", booking(service, phone=""))
    response = client.post(f"/centres/{centre.slug}/book/", booking(service))
    assert response.status_code == 429 and "Слишком много попыток" in response.content.decode()
    assert not Appointment.objects.exists()


def test_the_form_works_without_javascript_and_has_no_inline_code(client, centre):
    html = book_page(client, centre)
    assert '<form class="portal-form booking-form" method="post"' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)|\sstyle=", html)
    assert len(html.encode()) < 100_000


def test_a_busy_two_week_page_stays_small(client):
    centre = create_centre(seats=3, slot_minutes=5)
    html = book_page(client, centre)
    assert len(html.encode()) < 100_000


def test_the_booking_page_makes_a_fixed_number_of_queries(client, centre, django_assert_max_num_queries):
    service = centre.services.get()
    for hour in (10, 11, 12):
        client.post(f"/centres/{centre.slug}/book/", booking(service, slot=f"2026-11-03T{hour}:00"))
    with django_assert_max_num_queries(8):
        assert client.get(f"/centres/{centre.slug}/book/", {"service": service.pk}).status_code == 200


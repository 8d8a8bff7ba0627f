"""Office visits (CH1): arrival (by name or by an appointment), service, outcome, waiting; today's page."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from appeals.models import Appeal
from appointments.models import Appointment, Status
from appointments.tests.factories import create_centre
from calls import visits
from calls.models import Outcome, Visit
from calls.services import CallError
from conftest import create_appeal


@pytest.fixture
def appointment(db):
    centre = create_centre()
    create_appeal(full_name="Иванова Мария Петровна", phone="+79211234567")
    return Appointment.objects.create(centre=centre, service=centre.services.get(), seat=1, code="A1B2",
                                      starts_at=timezone.localtime().replace(hour=12, minute=0, second=0,
                                                                             microsecond=0),
                                      full_name="Иванова Мария Петровна", phone="+79211234567")


def test_arrival_by_name(operator):
    visit = visits.register_arrival(operator, visitor_name="  Петров   Пётр ")
    assert visit.visitor_name == "Петров Пётр" and visit.started_at is None


def test_arrival_without_a_name_is_refused(operator):
    with pytest.raises(CallError, match="Укажите, кто пришёл") as error:
        visits.register_arrival(operator, visitor_name=" ")
    assert error.value.field == "visitor_name"


def test_arrival_by_appointment_takes_its_visitor_and_marks_it_attended(operator, appointment):
    visit = visits.register_arrival(operator, appointment=appointment)
    appointment.refresh_from_db()
    assert visit.visitor_name == "Иванова Мария Петровна" and visit.centre == appointment.centre
    assert visit.applicant.phone == "+79211234567"
    assert appointment.status == Status.ATTENDED
    with pytest.raises(CallError, match="уже отмечен"):
        visits.register_arrival(operator, appointment=appointment)


def test_waiting_is_start_minus_arrival(operator):
    visit = visits.register_arrival(operator, visitor_name="Петров Пётр")
    Visit.objects.filter(pk=visit.pk).update(arrived_at=timezone.now() - dt.timedelta(minutes=7))
    visit = visits.start_service(Visit.objects.get(pk=visit.pk), operator)
    assert 7 * 60 <= visits.waiting_seconds(visit) < 7 * 60 + 5
    assert visit.operator == operator


def test_service_ends_with_the_appeal(operator):
    visit = visits.start_service(visits.register_arrival(operator, visitor_name="Петров Пётр"), operator)
    appeal = create_appeal(full_name="Петров Пётр Петрович", phone="+79215550000")
    visit = visits.end_service(visit, operator, Outcome.NEW_APPEAL, appeal)
    assert visit.appeal == appeal and visit.applicant == appeal.applicant and visit.ended_at


def test_a_new_appeal_outcome_needs_its_number(operator):
    visit = visits.start_service(visits.register_arrival(operator, visitor_name="Петров Пётр"), operator)
    with pytest.raises(CallError, match="укажите его номер"):
        visits.end_service(visit, operator, Outcome.NEW_APPEAL)


def test_ending_before_the_start_is_refused_unless_they_left(operator):
    visit = visits.register_arrival(operator, visitor_name="Петров Пётр")
    with pytest.raises(CallError, match="Сначала начните приём"):
        visits.end_service(visit, operator, Outcome.INFORMATION)
    assert visits.end_service(visit, operator, Outcome.MISSED).outcome == Outcome.MISSED


def test_specialists_do_not_receive_visitors(specialist):
    with pytest.raises(PermissionDenied):
        visits.register_arrival(specialist, visitor_name="Петров Пётр")


def test_todays_visits_page_registers_arrival_and_service(client, operator, appointment):
    client.force_login(operator)
    page = client.get(reverse("staff-visits")).content.decode()
    assert "Иванова Мария Петровна" in page  # offered as an appointment of today
    client.post(reverse("staff-visits"), {"appointment": appointment.pk})
    visit = Visit.objects.get()
    client.post(reverse("staff-visit-step", args=[visit.pk, "start"]))
    appeal = create_appeal(full_name="Иванова Мария Петровна", phone="+79211234567")
    client.post(reverse("staff-visit-step", args=[visit.pk, "end"]), {"outcome": "new_appeal",
                                                                       "appeal": appeal.number})
    visit.refresh_from_db()
    assert visit.started_at and visit.ended_at and visit.appeal == appeal
    page = client.get(reverse("staff-visits")).content.decode()
    assert f"№ {appeal.number}" in page and "Принято новое обращение" in page


def test_an_unknown_appeal_number_is_a_russian_message(client, operator):
    client.force_login(operator)
    visit = visits.start_service(visits.register_arrival(operator, visitor_name="Петров Пётр"), operator)
    response = client.post(reverse("staff-visit-step", args=[visit.pk, "end"]),
                           {"outcome": "new_appeal", "appeal": "нет-такого"}, follow=True)
    assert "Обращение № нет-такого не найдено." in response.content.decode()


def test_an_empty_arrival_form_is_a_russian_message(client, operator):
    client.force_login(operator)
    response = client.post(reverse("staff-visits"), {"visitor_name": ""}, follow=True)
    assert "Укажите, кто пришёл" in response.content.decode()


def test_the_visits_page_is_for_staff_who_receive(client, specialist):
    client.force_login(specialist)
    assert client.get(reverse("staff-visits")).status_code == 403


def test_came_on_the_appointments_day_list_registers_the_visit(client, operator, appointment):
    client.force_login(operator)
    client.post(reverse("staff-appointment-change", args=[appointment.pk]), {"action": "attended"})
    visit = Visit.objects.get()
    assert visit.appointment == appointment and visit.started_at is None
    appointment.refresh_from_db()
    assert appointment.status == Status.ATTENDED
    client.post(reverse("staff-appointment-change", args=[appointment.pk]), {"action": "no_show"})
    client.post(reverse("staff-appointment-change", args=[appointment.pk]), {"action": "attended"})
    assert Visit.objects.count() == 1


# Registration from a visit, as from a call: the visitor prefilled, earlier appeals shown, the appeal linked.

def _served(operator, **arrival) -> Visit:
    return visits.start_service(visits.register_arrival(operator, **arrival), operator)


def _registration(visit, **extra) -> dict:
    return {"channel": "in_person", "kind": "appeal", "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "visit_id": visit.pk, "full_name": "Сидорова Анна Ивановна", "phone": "+79210000002",
            "text": "Не горит свет на лестнице в третьем подъезде", **extra}


def test_the_visits_page_offers_registration_for_a_visitor_being_served(client, operator):
    waiting = visits.register_arrival(operator, visitor_name="Петров Пётр")
    served = _served(operator, visitor_name="Сидорова Анна")
    client.force_login(operator)
    page = client.get(reverse("staff-visits")).content.decode()
    assert f'href="/staff/register/?visit={served.pk}"' in page
    assert f"?visit={waiting.pk}" not in page  # not yet being served


def test_registration_from_a_visit_by_appointment_prefills_the_visitor_and_shows_earlier_appeals(
        client, operator, appointment):
    visit = _served(operator, appointment=appointment)
    earlier = Appeal.objects.get(applicant=visit.applicant)
    client.force_login(operator)
    page = client.get(reverse("staff-register") + f"?visit={visit.pk}").content.decode()
    assert f'name="visit_id" value="{visit.pk}"' in page
    assert f'name="applicant_id" value="{visit.applicant_id}"' in page
    assert 'name="channel" value="in_person" id="id_channel_1" required checked' in page
    assert f"№ {earlier.number}" in page  # the look-up by the appointment's phone lists their appeals
    assert "связано с посещением" in page


def test_registration_from_a_visit_of_someone_new_prefills_their_name(client, operator):
    visit = _served(operator, visitor_name="Сидорова Анна Ивановна")
    client.force_login(operator)
    page = client.get(reverse("staff-register") + f"?visit={visit.pk}").content.decode()
    assert 'value="Сидорова Анна Ивановна"' in page and f'name="visit_id" value="{visit.pk}"' in page


def test_a_visit_not_being_served_opens_the_plain_registration(client, operator):
    visit = visits.register_arrival(operator, visitor_name="Петров Пётр")
    client.force_login(operator)
    page = client.get(reverse("staff-register") + f"?visit={visit.pk}").content.decode()
    assert page.count('name="visit_id"') == 0 and "связано с посещением" not in page
    assert client.get(reverse("staff-register") + "?visit=нет").status_code == 200


def test_the_appeal_registered_from_the_visit_is_linked_and_ends_it_without_typing_its_number(client, operator):
    visit = _served(operator, visitor_name="Сидорова Анна Ивановна")
    client.force_login(operator)
    response = client.post(reverse("staff-register"), _registration(visit))
    assert response.status_code == 302
    appeal = Appeal.objects.get(text__startswith="Не горит свет")
    visit.refresh_from_db()
    assert visit.appeal == appeal and visit.applicant == appeal.applicant and appeal.channel == "in_person"
    assert visit.ended_at is None  # the visitor is still at the desk
    done = client.get(response["Location"]).content.decode()
    assert "Вернуться к посещениям" in done and appeal.access_code in done
    page = client.get(reverse("staff-visits")).content.decode()
    assert f"обращение № {appeal.number}" in page and f"?visit={visit.pk}" not in page
    client.post(reverse("staff-visit-step", args=[visit.pk, "end"]), {"outcome": "new_appeal", "appeal": ""})
    visit.refresh_from_db()
    assert visit.ended_at and visit.outcome == Outcome.NEW_APPEAL and visit.appeal == appeal


def test_registration_for_an_ended_visit_is_refused_and_makes_no_appeal(client, operator):
    visit = visits.end_service(_served(operator, visitor_name="Петров Пётр"), operator, Outcome.INFORMATION)
    client.force_login(operator)
    response = client.post(reverse("staff-register"), _registration(visit))
    assert response.status_code == 400
    assert "Посещение уже завершено" in response.content.decode()
    assert not Appeal.objects.filter(text__startswith="Не горит свет").exists()


def test_an_appeal_is_not_linked_to_a_visit_not_yet_served(operator):
    visit = visits.register_arrival(operator, visitor_name="Петров Пётр")
    with pytest.raises(CallError, match="ещё не начат"):
        visits.link_appeal(visit, create_appeal(), operator)


def test_the_linked_appeal_is_only_for_one_who_sees_it(operator, specialist):
    visit = _served(operator, visitor_name="Петров Пётр")
    with pytest.raises(PermissionDenied):
        visits.link_appeal(visit, create_appeal(), specialist)

"""A call's steps (CH2, table 5.3.1): the verbs, their order, who may, and the back office's screens."""

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from appeals.models import Appeal, PersonalDataAccess
from calls import services
from calls.models import Call, CallCentreNorms, Outcome
from calls.services import CallError
from conftest import create_appeal, create_staff


@pytest.fixture
def caller(db):
    return create_appeal("Не работает домофон", full_name="Иванова Мария Петровна", phone="+79211234567").applicant


def test_start_call_matches_the_caller_by_phone_however_written(operator, caller):
    call = services.start_call(operator, "8 (921) 123-45-67")
    assert call.caller_number == "+79211234567"
    assert call.applicant == caller
    assert call.answered_at == call.ringing_at


def test_start_call_without_a_number_has_no_applicant(operator, caller):
    call = services.start_call(operator)
    assert call.caller_number == "" and call.applicant is None


def test_a_wrong_number_is_refused_in_russian(operator):
    with pytest.raises(CallError, match="Телефон") as error:
        services.start_call(operator, "12345")
    assert error.value.field == "caller_number"


def test_a_second_call_while_one_runs_is_refused(operator):
    services.start_call(operator)
    with pytest.raises(CallError, match="уже идёт звонок"):
        services.start_call(operator)


def test_specialists_may_not_take_calls(specialist):
    with pytest.raises(PermissionDenied):
        services.start_call(specialist)


def test_the_full_flow_stamps_every_moment(operator, caller):
    call = services.start_call(operator, "+79211234567")
    call = services.mark_found(call, operator)
    call = services.transfer(call, operator)
    call = services.mark_connected(call, operator)
    call = services.mark_specialist_ended(call, operator)
    call = services.end_call(call, operator, Outcome.TRANSFERRED)
    call = services.end_wrap_up(call, operator)
    assert all([call.found_at, call.transferred_at, call.connected_at, call.specialist_ended_at, call.ended_at,
                call.wrapped_up_at])
    assert call.outcome == Outcome.TRANSFERRED
    assert services.running_call(operator) is None


def test_connected_before_transfer_is_refused(operator):
    call = services.start_call(operator)
    with pytest.raises(CallError, match="Сначала отметьте перевод"):
        services.mark_connected(call, operator)


def test_a_step_is_stamped_once(operator):
    call = services.mark_found(services.start_call(operator), operator)
    with pytest.raises(CallError, match="уже отмечена"):
        services.mark_found(call, operator)


def test_wrap_up_before_the_end_is_refused(operator):
    call = services.start_call(operator)
    with pytest.raises(CallError, match="Сначала завершите звонок"):
        services.end_wrap_up(call, operator)


def test_the_outcome_transferred_needs_a_transfer(operator):
    call = services.start_call(operator)
    with pytest.raises(CallError, match="только после перевода"):
        services.end_call(call, operator, Outcome.TRANSFERRED)


def test_an_unknown_outcome_is_refused(operator):
    with pytest.raises(CallError, match="Выберите итог") as error:
        services.end_call(services.start_call(operator), operator, "whatever")
    assert error.value.field == "outcome"


def test_a_missed_call_was_never_answered(operator):
    call = services.end_call(services.start_call(operator), operator, Outcome.MISSED)
    assert call.is_missed


def test_a_new_appeal_outcome_needs_the_appeal_before_wrap_up(operator):
    call = services.end_call(services.start_call(operator, "+79211234567"), operator, Outcome.NEW_APPEAL)
    with pytest.raises(CallError, match="зарегистрируйте"):
        services.end_wrap_up(call, operator)
    appeal = create_appeal()
    call = services.link_appeal(call, appeal, operator)
    assert services.end_wrap_up(call, operator).wrapped_up_at is not None


def test_link_appeal_takes_the_applicant_of_the_appeal(operator):
    call = services.start_call(operator)
    appeal = create_appeal(full_name="Петров Пётр Петрович", phone="+79215550000")
    call = services.link_appeal(call, appeal, operator)
    assert call.appeal == appeal and call.applicant == appeal.applicant


def test_another_operators_call_is_not_theirs(operator):
    other = create_staff("other", "operator", "crm")
    call = services.start_call(operator)
    with pytest.raises(PermissionDenied, match="другого оператора"):
        services.mark_found(call, other)


def test_measures_compare_the_steps_with_the_norms(operator):
    start = dt.datetime(2025, 3, 3, 10, 0, tzinfo=dt.UTC)
    call = Call.objects.create(operator=operator, ringing_at=start, answered_at=start + dt.timedelta(seconds=50),
                               found_at=start + dt.timedelta(seconds=60), ended_at=start + dt.timedelta(seconds=200),
                               wrapped_up_at=start + dt.timedelta(seconds=260))
    rows = {row["label"]: row for row in services.measures(call, CallCentreNorms.current())}
    assert rows["Ожидание ответа оператора"] == {"label": "Ожидание ответа оператора", "seconds": 50, "norm": 40,
                                                 "over": True}
    assert rows["Поиск информации о клиенте"]["seconds"] == 10
    assert rows["Предоставление информации"]["seconds"] == 140
    assert rows["Постобработка"]["seconds"] == 60
    assert "Соединение со специалистом" not in rows


# Over HTTP: the call bar on every back-office page, its buttons, registration from the call.

def test_the_call_bar_is_shown_to_operators_only(client, operator, specialist):
    client.force_login(operator)
    assert "Начать звонок" in client.get("/staff/journal/").content.decode()
    client.force_login(specialist)
    assert "Начать звонок" not in client.get("/staff/my/").content.decode()


def test_one_click_starts_a_call_and_the_bar_shows_its_start(client, operator, caller):
    client.force_login(operator)
    response = client.post(reverse("staff-call-start"), {"caller_number": "+7 921 123-45-67",
                                                         "next": "/staff/journal/"})
    assert response.status_code == 302 and response["Location"] == "/staff/journal/"
    page = client.get("/staff/journal/").content.decode()
    call = Call.objects.get()
    assert "Идёт звонок" in page and "Иванова Мария Петровна" in page
    since = re.search(r'data-call-since="([^"]+)"', page).group(1)
    assert dt.datetime.fromisoformat(since) == call.ringing_at
    assert "начат в" in page and "js/call-timer.js" in page


def test_a_bad_number_comes_back_as_a_russian_message(client, operator):
    client.force_login(operator)
    response = client.post(reverse("staff-call-start"), {"caller_number": "abc"}, follow=True)
    assert "Телефон пишется цифрами" in response.content.decode()
    assert not Call.objects.exists()


def test_a_step_out_of_turn_over_http_is_a_message(client, operator):
    client.force_login(operator)
    call = services.start_call(operator)
    response = client.post(reverse("staff-call-step", args=[call.pk, "connected"]), follow=True)
    assert "Сначала отметьте перевод на специалиста." in response.content.decode()


def test_an_unknown_step_is_404(client, operator):
    client.force_login(operator)
    call = services.start_call(operator)
    assert client.post(reverse("staff-call-step", args=[call.pk, "fly"])).status_code == 404


def test_registration_from_the_call_prefills_the_caller_and_shows_earlier_appeals(client, operator, caller):
    client.force_login(operator)
    call = services.start_call(operator, "+79211234567")
    page = client.get(reverse("staff-register") + f"?call={call.pk}").content.decode()
    earlier = caller.appeals.get()
    assert f'name="applicant_id" value="{caller.pk}"' in page
    assert f'name="call_id" value="{call.pk}"' in page
    assert f"№ {earlier.number}" in page and "Не работает домофон" in page


def test_registration_from_a_call_of_an_unknown_number_prefills_the_phone(client, operator):
    client.force_login(operator)
    call = services.start_call(operator, "+79210000001")
    page = client.get(reverse("staff-register") + f"?call={call.pk}").content.decode()
    assert 'value="+79210000001"' in page


def _registration(call, **extra) -> dict:
    return {"channel": "phone", "kind": "appeal", "received_at": "2025-03-03T10:00", "call_id": call.pk,
            "full_name": "Сидорова Анна Ивановна", "phone": "+79210000002",
            "text": "Не горит свет на лестнице в третьем подъезде", **extra}


def test_the_appeal_registered_from_the_call_is_linked_to_it(client, operator):
    client.force_login(operator)
    call = services.start_call(operator, "+79210000002")
    response = client.post(reverse("staff-register"), _registration(call))
    assert response.status_code == 302
    call.refresh_from_db()
    appeal = Appeal.objects.get(text__startswith="Не горит свет")
    assert call.appeal == appeal and call.applicant == appeal.applicant


def test_registration_for_a_wrapped_up_call_is_refused_and_makes_no_appeal(client, operator):
    client.force_login(operator)
    call = services.end_wrap_up(services.end_call(services.start_call(operator), operator, Outcome.INFORMATION),
                                operator)
    response = client.post(reverse("staff-register"), _registration(call))
    assert response.status_code == 400
    assert "Постобработка звонка завершена" in response.content.decode()
    assert not Appeal.objects.filter(text__startswith="Не горит свет").exists()


def test_ending_the_call_and_the_wrap_up_over_http(client, operator):
    client.force_login(operator)
    call = services.start_call(operator)
    client.post(reverse("staff-call-end", args=[call.pk]), {"outcome": "information", "note": "Сказали график"})
    page = client.get("/staff/journal/").content.decode()
    assert "Постобработка" in page and "Постобработка завершена" in page
    client.post(reverse("staff-call-step", args=[call.pk, "wrap_up"]))
    call.refresh_from_db()
    assert call.outcome == "information" and call.note == "Сказали график" and call.wrapped_up_at


def test_todays_calls_list_the_operators_own(client, operator, caller):
    other = create_staff("other", "operator", "crm")
    services.start_call(other, "+79219999999")
    services.start_call(operator, "+79211234567")
    client.force_login(operator)
    page = client.get(reverse("staff-calls")).content.decode()
    assert "+79211234567" in page and "+79219999999" not in page
    assert PersonalDataAccess.objects.filter(user=operator, action="calls_today").exists()


def test_a_supervisor_reviews_a_call_with_its_measures(client, operator, supervisor):
    call = services.end_call(services.mark_found(services.start_call(operator), operator), operator, "information")
    client.force_login(supervisor)
    assert f"/staff/calls/{call.pk}/" in client.get(reverse("staff-calls")).content.decode()
    page = client.get(reverse("staff-call-review", args=[call.pk])).content.decode()
    assert "Поиск информации о клиенте" in page and "Дана информация" in page


def test_operators_may_not_open_the_review(client, operator):
    call = services.start_call(operator)
    client.force_login(operator)
    assert client.get(reverse("staff-call-review", args=[call.pk])).status_code == 403

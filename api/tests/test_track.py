import datetime as dt
import json

import pytest
from django.test import override_settings

from appeals import services
from appeals.applicants import ApplicantData
from appeals.models import Appeal
from conftest import appeal_through_full_life_cycle, create_appeal, happening_at
from deadlines.calendar import MOSCOW

from .conftest import ApiClient

pytestmark = pytest.mark.django_db

URL = "/api/v1/track"
PLANTED = {"full_name": "Засекречена Ульяна Тимофеевна", "phone": "+79219876543", "email": "ulyana.secret@example.ru",
           "postal_address": "Потайной переулок, 99", "flat": "314Ж"}  # a flat no timestamp or number can contain


def _planted_appeal():
    applicant = ApplicantData(**PLANTED)
    return services.receive_appeal(text=f"Меня зовут {PLANTED['full_name']}, кв. {PLANTED['flat']}", channel="web",
                                   applicant=applicant, address_text="Потайной переулок, 99", flat=PLANTED["flat"])


def test_right_number_and_code_give_the_public_status(client_for):
    appeal = create_appeal(reason="roof-damage")
    response = client_for(None).post_json(URL, {"number": appeal.number, "access_code": appeal.access_code})
    assert response.status_code == 200
    data = response.json()
    assert (data["number"], data["status"], data["status_label"]) == (appeal.number, "received", "Получено")
    assert data["received_at"].endswith("+03:00")
    assert (data["timeline"][0]["step"], data["timeline"][0]["text"]) == ("received", "Обращение получено")


def _track(client_for, appeal) -> dict:
    response = client_for(None).post_json(URL, {"number": appeal.number, "access_code": appeal.access_code})
    assert response.status_code == 200
    return response.json()


def test_track_gives_the_residents_steps_of_a_full_life_cycle_in_moscow_time(client_for, admin_user):
    data = _track(client_for, appeal_through_full_life_cycle(admin_user))
    assert [(step["at"], step["step"], step["text"]) for step in data["timeline"]] == [
        ("2025-03-03T10:00:00+03:00", "received", "Обращение получено"),
        ("2025-03-03T11:00:00+03:00", "registered", "Обращение зарегистрировано"),
        ("2025-03-03T12:00:00+03:00", "in_work", "Обращение принято в работу"),
        ("2025-03-05T10:00:00+03:00", "waiting_for_you", "Нужны сведения от вас. Сотрудник свяжется с вами"),
        ("2025-03-06T15:00:00+03:00", "in_work", "Сведения от вас получены, работа продолжается"),
        ("2025-03-12T10:00:00+03:00", "extended", "Срок рассмотрения продлён до 01.04.2025"),
        ("2025-03-20T16:00:00+03:00", "answered", "Дан ответ"),
        ("2025-03-21T09:00:00+03:00", "closed", "Рассмотрение завершено"),
    ]
    assert (data["status"], data["status_label"]) == ("closed", "Рассмотрение завершено")


def test_drafted_answer_is_in_work_for_the_resident(client_for, admin_user):
    data = _track(client_for, appeal_through_full_life_cycle(admin_user, until="draft_answer"))
    assert (data["status"], data["status_label"]) == ("in_work", "В работе")
    assert data["answer_text"] == ""
    assert "проект" not in json.dumps(data, ensure_ascii=False).lower()


def test_extended_deadline_reads_until_its_date(client_for, admin_user):
    data = _track(client_for, appeal_through_full_life_cycle(admin_user, until="extend"))
    assert data["is_extended"] and data["answer_due"] == "2025-04-01T23:59:59+03:00"
    assert (data["answer_due_text"], data["answer_due_has_time"]) == ("продлён до 01.04.2025", False)


def test_emergency_deadline_comes_with_its_time_in_moscow(client_for):
    with happening_at(dt.datetime(2026, 12, 2, 11, 0, tzinfo=dt.UTC)):
        appeal = create_appeal("Течёт труба в подвале", reason="water-leak")
    data = _track(client_for, appeal)
    assert data["answer_due"] == "2026-12-02T14:30:00+03:00"
    assert (data["answer_due_text"], data["answer_due_has_time"]) == ("02.12.2026 до 14:30", True)


def test_ordinary_deadline_ends_with_its_day(client_for):
    with happening_at(dt.datetime(2025, 3, 3, 10, 0, tzinfo=MOSCOW)):
        appeal = create_appeal(reason="roof-damage")
    data = _track(client_for, appeal)
    assert data["answer_due"] == "2025-03-17T23:59:59+03:00"
    assert (data["answer_due_text"], data["answer_due_has_time"]) == ("17.03.2025", False)


def test_code_typed_in_lower_case_with_spaces_works(client_for):
    appeal = create_appeal()
    code = appeal.access_code.lower()
    response = client_for(None).post_json(URL, {"number": appeal.number, "access_code": f"{code[:5]} {code[5:]}"})
    assert response.status_code == 200


def test_track_never_contains_personal_data(client_for, supervisor):
    appeal = _planted_appeal()
    Appeal.objects.filter(pk=appeal.pk).update(status="answer_drafted", answer_text="Проверка проведена.")
    services.transition(appeal, "answer", supervisor, result="Проверено", resolved_in_favour_of="partly",
                        note=f"Звонили {PLANTED['full_name']} по {PLANTED['phone']}")
    response = client_for(None).post_json(URL, {"number": appeal.number, "access_code": appeal.access_code})
    assert response.status_code == 200
    body = json.dumps(response.json(), ensure_ascii=False)
    for value in [*PLANTED.values(), "Засекречена", "9876543", "ulyana", "Потайной"]:
        assert value not in body
    assert response.json()["status"] == "answered"


def test_wrong_code_and_unknown_number_give_the_same_404(client_for):
    appeal = create_appeal()
    client = client_for(None)
    wrong_code = client.post_json(URL, {"number": appeal.number, "access_code": "WRONGCODE2"})
    unknown = client.post_json(URL, {"number": "99-999999", "access_code": appeal.access_code})
    assert wrong_code.status_code == unknown.status_code == 404
    assert wrong_code.content == unknown.content
    assert wrong_code.json() == {"detail": "Обращение не найдено. Проверьте номер и код доступа."}


def test_track_needs_no_token_and_no_csrf_token(db):
    appeal = create_appeal()
    client = ApiClient(enforce_csrf_checks=True)
    response = client.post_json(URL, {"number": appeal.number, "access_code": appeal.access_code})
    assert response.status_code == 200


@override_settings(PUBLIC_RATE_LIMIT=3)
def test_track_is_rate_limited_per_ip(client_for):
    appeal = create_appeal()
    client = client_for(None)
    guesses = [client.post_json(URL, {"number": appeal.number, "access_code": f"GUESS{i}"}, REMOTE_ADDR="10.0.0.1")
               for i in range(4)]
    assert [r.status_code for r in guesses] == [404, 404, 404, 429]
    assert guesses[-1].json() == {"detail": "Слишком много попыток. Повторите через 10 мин."}
    assert 590 <= int(guesses[-1]["Retry-After"]) <= 600
    # even the right code waits out the window from that address; others are not affected
    right = {"number": appeal.number, "access_code": appeal.access_code}
    assert client.post_json(URL, right, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post_json(URL, right, REMOTE_ADDR="10.0.0.2").status_code == 200


@pytest.mark.parametrize("payload, field", [
    ({"access_code": "ABC"}, "number"),
    ({"number": "26-000001"}, "access_code"),
    ({"number": 26000001, "access_code": "ABC"}, "number"),
    ({"number": "1" * 21, "access_code": "ABC"}, "number"),
    ({"number": "26-000001", "access_code": "A" * 21}, "access_code"),
    ({"number": "26-000001", "access_code": "ABC", "name": "x"}, "name"),
])
def test_bad_track_input_names_the_field(client_for, payload, field):
    response = client_for(None).post_json(URL, payload)
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["body", field]]

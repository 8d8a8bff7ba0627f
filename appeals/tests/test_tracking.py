"""What a resident sees by number and code (CH4, A9): their steps of the case, in their words, with dates."""

import datetime as dt

import pytest

from appeals import services
from appeals.choices import Status
from appeals.models import Appeal, OutgoingRequest, Reason, ResourceCompany
from appeals.tracking import (
    RESIDENT_STATUS,
    RESIDENT_STEPS,
    Stage,
    answer_due_text,
    find_tracked,
    public_status,
    resident_timeline,
)
from appeals.workflow import TRANSITIONS
from conftest import appeal_through_full_life_cycle, create_appeal, create_staff, happening_at
from deadlines.calendar import MOSCOW

pytestmark = pytest.mark.django_db

# What the staff call their own steps; a resident never reads them.
INTERNAL_LABELS = ["Подготовлен проект ответа", "проект ответа", "Назначен ответственный", "Ждём ответа организации",
                   "Ожидает ответа организации", "ресурсоснабжающ", "дорабатывается", "Вернуть на доработку",
                   "исполнитель"]


def _dated(steps: list[dict]) -> list[tuple[str, str]]:
    return [(f"{step['at'].astimezone(MOSCOW):%d.%m.%Y %H:%M}", step["text"]) for step in steps]


def test_full_life_cycle_reads_as_the_residents_steps_with_their_dates(admin_user):
    appeal = appeal_through_full_life_cycle(admin_user)
    assert _dated(resident_timeline(appeal)) == [
        ("03.03.2025 10:00", "Обращение получено"),
        ("03.03.2025 11:00", "Обращение зарегистрировано"),
        ("03.03.2025 12:00", "Обращение принято в работу"),
        ("05.03.2025 10:00", "Нужны сведения от вас. Сотрудник свяжется с вами"),
        ("06.03.2025 15:00", "Сведения от вас получены, работа продолжается"),
        ("12.03.2025 10:00", "Срок рассмотрения продлён до 01.04.2025"),
        ("20.03.2025 16:00", "Дан ответ"),
        ("21.03.2025 09:00", "Рассмотрение завершено"),
    ]
    assert [step["step"] for step in resident_timeline(appeal)] == [
        "received", "registered", "in_work", "waiting_for_you", "in_work", "extended", "answered", "closed"]


def test_no_internal_step_label_reaches_the_resident(admin_user):
    status = public_status(appeal_through_full_life_cycle(admin_user))
    told = " ".join([status["status_label"], status["status_hint"], *(s["text"] for s in status["timeline"])])
    assert not [label for label in INTERNAL_LABELS if label.lower() in told.lower()]


def test_every_life_cycle_step_is_placed_in_the_residents_table_on_purpose():
    # A new transition must be told to residents, or hidden, by a decision, not by default.
    assert set(RESIDENT_STEPS) == set(TRANSITIONS) | {"received", "hq_request"}  # hq_request: the resident's own step
    assert set(RESIDENT_STATUS) == set(Status.values)


def _in_progress(actor, **appeal_fields):
    appeal = create_appeal(reason="roof-damage", **appeal_fields)
    appeal = services.transition(appeal, "register", actor)
    appeal = services.assign(appeal, actor, assignee=actor)
    return services.transition(appeal, "start", actor)


@pytest.mark.parametrize("status", [Status.ASSIGNED, Status.IN_PROGRESS, Status.WAITING_EXTERNAL,
                                    Status.ANSWER_DRAFTED])
def test_staff_steps_are_told_as_in_work(admin_user, status):
    appeal = _in_progress(admin_user)
    Appeal.objects.filter(pk=appeal.pk).update(status=status)
    shown = public_status(Appeal.objects.get(pk=appeal.pk))
    assert (shown["status"], shown["status_label"]) == (Stage.IN_WORK, "В работе")


def test_a_request_to_another_organisation_and_its_reply_add_no_step(admin_user):
    appeal = _in_progress(admin_user)
    OutgoingRequest.objects.create(appeal=appeal, organization=ResourceCompany.objects.create(name="Водоканал"),
                                   subject="Давление",
                                   sent_at=dt.date.today(), due_at=dt.date.today())
    appeal = services.transition(appeal, "wait_external", admin_user)
    appeal = services.transition(appeal, "external_replied", admin_user)
    assert [step["text"] for step in resident_timeline(appeal)] == [
        "Обращение получено", "Обращение зарегистрировано", "Обращение принято в работу"]


def test_waiting_for_you_says_a_clerk_will_call_and_never_shows_what_the_note_asks(admin_user):
    appeal = _in_progress(admin_user)
    appeal = services.transition(appeal, "wait_applicant", admin_user, note="Спросить у Ивановой номер счётчика")
    shown = public_status(appeal)
    assert shown["status_label"] == "Нужны сведения от вас"
    assert "Сотрудник сам свяжется с вами" in shown["status_hint"] and shown["is_paused"]
    assert "счётчика" not in str(shown)


def test_emergency_deadline_has_its_time_in_moscow(admin_user):
    # 21:45 UTC is already the next day in Moscow: the resident reads Moscow time
    with happening_at(dt.datetime(2025, 3, 3, 21, 45, tzinfo=dt.UTC)):
        appeal = create_appeal("Течёт труба в подвале", reason="water-leak")
    assert appeal.counted_in_hours
    assert answer_due_text(appeal) == "04.03.2025 до 01:15"
    assert public_status(appeal)["answer_due_has_time"] is True


def test_ordinary_deadline_is_a_date_alone(admin_user):
    with happening_at(dt.datetime(2025, 3, 3, 10, 0, tzinfo=MOSCOW)):
        appeal = create_appeal(reason="roof-damage")
    assert not appeal.counted_in_hours
    assert answer_due_text(appeal) == "17.03.2025"


def test_extended_deadline_reads_until_its_new_date(admin_user):
    appeal = appeal_through_full_life_cycle(admin_user, until="extend")
    assert answer_due_text(appeal) == "продлён до 01.04.2025"
    assert public_status(appeal)["is_extended"] and public_status(appeal)["status"] == Stage.IN_WORK


def test_refusal_and_escalation_are_steps_of_their_own(admin_user):
    appeal = _in_progress(admin_user)
    services.classify(appeal, admin_user, reason=Reason.objects.get(code="roof-damage"), complexity="V")
    appeal = services.transition(appeal, "draft_answer", admin_user, answer_text="Оснований для перерасчёта нет.")
    appeal = services.transition(appeal, "refuse", admin_user, result="Отказ", resolved_in_favour_of="company")
    appeal = services.transition(appeal, "escalate", admin_user, note="Передано в жилищную инспекцию")
    assert [step["text"] for step in resident_timeline(appeal)][-2:] == [
        "Дан ответ: обоснованный отказ", "Обращение передано в вышестоящую организацию"]
    assert public_status(appeal)["status_label"] == "Передано в вышестоящую организацию"


def test_wrong_code_and_unknown_number_both_find_nothing():
    appeal = create_appeal()
    assert find_tracked(appeal.number, appeal.access_code) == appeal
    assert find_tracked(appeal.number, "WRONGCODE1") is None
    assert find_tracked("26-999999", appeal.access_code) is None
    assert find_tracked(appeal.number, "") is None


def test_answer_letter_hides_the_applicants_and_the_clerks_names_and_contacts(admin_user):
    clerk = create_staff("roofer", "specialist", "tech", first_name="Сергей", last_name="Кровельщиков")
    appeal = create_appeal(email="maria@example.ru", flat="12", address_text="ул. Уединённая, д. 9")
    Appeal.objects.filter(pk=appeal.pk).update(
        status=Status.ANSWERED, answered_at=appeal.received_at, assignee=clerk, resolved_in_favour_of="applicant",
        answer_text="Уважаемая Мария Петровна!\n\nМарии Петровне Ивановой (ул. Уединённая, д. 9, кв. 12) сообщаем, "
                    "что ответ направлен на maria@example.ru и продублирован по телефону 8 (921) 123-45-67. "
                    "Верно указан подъезд 3. Исполнитель: Кровельщиков Сергей, звонил Сергею Пётр.")
    shown = public_status(Appeal.objects.get(pk=appeal.pk))
    assert shown["answer_text"] == (
        "Уважаемая [скрыто]!\n\n[скрыто] ([скрыто], кв. [скрыто]) сообщаем, что ответ направлен на [скрыто] и "
        "продублирован по телефону [скрыто]. Верно указан подъезд 3. Исполнитель: [скрыто], звонил [скрыто].")
    assert shown["answer_has_hidden"]

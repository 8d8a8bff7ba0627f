import datetime as dt

import pytest

from appeals import services
from appeals.choices import Status
from appeals.errors import AppealError
from appeals.models import OutgoingRequest, Reason, ResourceCompany
from appeals.workflow import TRANSITIONS, TransitionError, available
from conftest import create_appeal, create_staff
from deadlines.calendar import MOSCOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return create_staff("engineer", "specialist", "tech")


@pytest.fixture
def chief(db):
    """Extending, escalating and reopening belong to the supervisor."""
    return create_staff("chief", "supervisor", "crm")


def registered(reason="roof-damage", **kw):
    appeal = create_appeal(reason=reason, **kw)
    return services.transition(appeal, "register", None)


def in_progress(staff, **kw):
    appeal = services.assign(registered(**kw), None, assignee=staff)
    return services.transition(appeal, "start", staff)


def drafted(staff, **kw):
    appeal = in_progress(staff, **kw)
    return services.transition(appeal, "draft_answer", staff, answer_text="Кровля будет отремонтирована.")


def test_register_requires_classification():
    appeal = create_appeal()
    with pytest.raises(AppealError) as err:
        services.transition(appeal, "register", None)
    assert err.value.field == "reason"


def test_full_happy_path(staff):
    appeal = drafted(staff)
    appeal = services.transition(appeal, "answer", staff, result="Кровля отремонтирована",
                                 resolved_in_favour_of="applicant")
    assert appeal.status == Status.ANSWERED and appeal.answered_at
    appeal = services.transition(appeal, "close", staff)
    assert appeal.status == Status.CLOSED
    statuses = [e.new_value for e in appeal.events.filter(field="status")]
    assert statuses == ["received", "registered", "assigned", "in_progress", "answer_drafted", "answered", "closed"]


def test_assign_moves_registered_to_assigned_and_records_who(staff):
    appeal = services.assign(registered(), None, assignee=staff)
    assert appeal.status == Status.ASSIGNED and appeal.department.code == "tech"
    assert appeal.events.filter(field="assignee", new_value__contains="Engineer").exists()


def test_clarification_round_trip_pauses_the_clock():
    appeal = create_appeal(reason="roof-damage")
    due = appeal.answer_due
    monday = dt.datetime(2025, 11, 24, 10, tzinfo=MOSCOW)
    wednesday = dt.datetime(2025, 11, 26, 10, tzinfo=MOSCOW)
    appeal = services.transition(appeal, "request_clarification", None, note="Уточнить номер квартиры", now=monday)
    assert appeal.status == Status.CLARIFICATION and appeal.paused_at == monday
    appeal = services.transition(appeal, "clarified", None, now=wednesday)
    assert appeal.status == Status.RECEIVED and appeal.paused_at is None
    assert appeal.answer_due.astimezone(MOSCOW).date() > due.astimezone(MOSCOW).date()


def test_waiting_for_applicant_needs_a_note_and_resumes(staff):
    appeal = in_progress(staff)
    with pytest.raises(AppealError):
        services.transition(appeal, "wait_applicant", staff)
    appeal = services.transition(appeal, "wait_applicant", staff, note="Нужен доступ в квартиру")
    appeal = services.transition(appeal, "applicant_replied", staff)
    assert appeal.status == Status.IN_PROGRESS


def test_waiting_for_external_needs_an_open_request(staff):
    appeal = in_progress(staff)
    with pytest.raises(AppealError):
        services.transition(appeal, "wait_external", staff)
    OutgoingRequest.objects.create(appeal=appeal, organization=ResourceCompany.objects.create(name="Водоканал"),
                                   subject="Сведения об отключении", sent_at=dt.date.today(),
                                   due_at=dt.date.today() + dt.timedelta(days=5))
    appeal = services.transition(appeal, "wait_external", staff)
    appeal = services.transition(appeal, "external_replied", staff)
    assert appeal.status == Status.IN_PROGRESS


def test_revise_returns_the_draft(staff):
    appeal = services.transition(drafted(staff), "revise", staff)
    assert appeal.status == Status.IN_PROGRESS


def test_answer_requires_result_and_favour(staff):
    appeal = drafted(staff)
    with pytest.raises(AppealError) as err:
        services.transition(appeal, "answer", staff)
    assert err.value.field == "result"
    with pytest.raises(AppealError) as err:
        services.transition(appeal, "answer", staff, result="Сделано")
    assert err.value.field == "resolved_in_favour_of"


def test_refusal_carries_the_regional_hq_notice(staff):
    appeal = services.transition(drafted(staff), "refuse", staff, result="Работы не входят в перечень")
    assert appeal.is_refusal and appeal.resolved_in_favour_of == "company"
    assert "вышестоящую организацию" in appeal.answer_text


def test_answer_in_applicant_favour_has_no_notice(staff):
    appeal = services.transition(drafted(staff), "answer", staff, result="Сделано", resolved_in_favour_of="applicant")
    assert "вышестоящую" not in appeal.answer_text


def test_partly_resolved_answer_tells_of_the_right_to_appeal(staff):
    appeal = services.transition(drafted(staff), "answer", staff, result="Частично", resolved_in_favour_of="partly")
    assert "вышестоящую организацию" in appeal.answer_text


def test_extension_only_for_b_and_v_and_only_once(staff, chief):
    a = in_progress(staff, reason="roof-drainpipe")  # complexity А
    with pytest.raises(AppealError) as err:
        services.transition(a, "extend", chief, note="Нужно обследование")
    assert err.value.field == "complexity"
    b = in_progress(staff, reason="roof-damage")  # complexity Б
    old_due = b.answer_due
    with pytest.raises(AppealError):
        services.transition(b, "extend", chief)
    b = services.transition(b, "extend", chief, note="Нужно обследование подрядчиком")
    assert b.answer_due > old_due and b.extended_at
    assert b.events.filter(field="answer_due").exists()
    with pytest.raises(AppealError) as err:
        services.transition(b, "extend", chief, note="Ещё раз")
    assert err.value.field == "extend"


def test_escalation_only_for_category_v(staff, chief):
    appeal = in_progress(staff, reason="roof-damage")
    with pytest.raises(AppealError):
        services.transition(appeal, "escalate", chief, note="Нужен капремонт")
    appeal = in_progress(staff, reason="common-replanning")  # В
    appeal = services.transition(appeal, "escalate", chief, note="Передано в ГЖИ")
    assert appeal.status == Status.ESCALATED
    assert services.transition(appeal, "close", staff).status == Status.CLOSED


def test_reopen_needs_a_reason_and_sets_a_new_deadline(staff, chief):
    appeal = services.transition(drafted(staff), "answer", staff, result="Сделано", resolved_in_favour_of="applicant")
    appeal = services.transition(appeal, "close", staff)
    with pytest.raises(AppealError):
        services.transition(appeal, "reopen", chief)
    appeal = services.transition(appeal, "reopen", chief, note="Снова течёт")
    assert appeal.status == Status.IN_PROGRESS and appeal.closed_at is None


def test_withdraw_from_every_open_state(staff):
    appeal = services.transition(create_appeal(), "withdraw", None)
    assert appeal.status == Status.WITHDRAWN
    appeal = services.transition(in_progress(staff), "withdraw", None, note="Проблема решена")
    assert appeal.status == Status.WITHDRAWN


@pytest.mark.parametrize("name,status", [
    ("answer", Status.RECEIVED), ("close", Status.IN_PROGRESS), ("register", Status.ANSWERED),
    ("start", Status.REGISTERED), ("withdraw", Status.CLOSED), ("reopen", Status.IN_PROGRESS),
    ("draft_answer", Status.WAITING_APPLICANT), ("escalate", Status.RECEIVED), ("extend", Status.CLOSED),
])
def test_forbidden_transitions_are_refused_with_a_message(name, status):
    appeal = create_appeal(reason="common-replanning")
    appeal.status = status
    appeal.save()
    with pytest.raises(TransitionError) as err:
        services.transition(appeal, name, None, note="x")
    assert "невозможно" in str(err.value)
    appeal.refresh_from_db()
    assert appeal.status == status


def test_unknown_transition_is_refused():
    with pytest.raises(TransitionError):
        services.transition(create_appeal(), "explode", None)


def test_every_status_but_final_ones_has_a_way_out():
    for status in Status.values:
        if status != Status.WITHDRAWN:
            assert available(status), status
    assert set(TRANSITIONS) >= {"register", "assign", "start", "answer", "refuse", "extend", "escalate", "reopen"}


def test_classify_sets_department_priority_and_deadlines():
    appeal = create_appeal()
    appeal = services.classify(appeal, None, reason=Reason.objects.get(code="lift-stuck"))
    assert appeal.priority == "emergency" and appeal.department.code == "ads"
    assert appeal.answer_due - appeal.received_at == dt.timedelta(minutes=30)
    assert appeal.events.filter(action="classified", field="reason").exists()


def test_priority_is_raised_never_lowered_and_the_change_is_recorded():
    appeal = create_appeal("Вода в подвале")
    appeal = services.raise_priority(appeal, None, "emergency", "Похоже на аварию")
    assert appeal.priority == "emergency"
    assert services.raise_priority(appeal, None, "high", "ниже").priority == "emergency"
    assert appeal.events.filter(action="priority_raised").count() == 1


def test_a_reopened_appeal_may_be_extended_again(staff, chief):
    appeal = services.transition(in_progress(staff, reason="roof-damage"), "extend", chief, note="Обследование")
    appeal = services.transition(appeal, "draft_answer", staff, answer_text="Кровля отремонтирована.")
    appeal = services.transition(appeal, "answer", staff, result="Сделано", resolved_in_favour_of="applicant")
    appeal = services.transition(appeal, "reopen", chief, note="Снова течёт")
    assert appeal.extended_at is None and appeal.extension_refusal() == ""
    assert services.transition(appeal, "extend", chief, note="Нужен подрядчик").extended_at is not None

import datetime as dt

import pytest
from django.utils import timezone

from accounts.models import Absence, Department
from appeals import services
from appeals.models import Appeal, Reason
from conftest import create_appeal, create_staff
from triage import routing
from triage.models import RoutingRule

pytestmark = pytest.mark.django_db


def _registered(reason="roof-damage", text="Протекает крыша"):
    appeal = create_appeal(text, reason=reason)
    return services.transition(appeal, "register", None)


def _give(user, count, reason="roof-damage"):
    for _ in range(count):
        services.assign(_registered(reason), None, assignee=user)


def test_reason_default_department_applies_without_rules():
    reason = Reason.objects.get(code="roof-damage")
    assert routing.department_for(reason) == reason.department


def test_first_matching_rule_wins_over_the_reason_default():
    reason = Reason.objects.get(code="roof-damage")
    ads, crm = Department.objects.get(code="ads"), Department.objects.get(code="crm")
    RoutingRule.objects.create(order=20, category=reason.category, department=crm)
    RoutingRule.objects.create(order=10, reason=reason, department=ads)
    assert routing.department_for(reason) == ads


def test_rule_for_a_channel_applies_only_to_that_channel():
    reason = Reason.objects.get(code="billing-wrong")
    crm = Department.objects.get(code="crm")
    RoutingRule.objects.create(reason=reason, channel="web", department=crm)
    assert routing.department_for(reason, "web") == crm
    assert routing.department_for(reason, "phone") == reason.department


def test_inactive_rule_is_ignored():
    reason = Reason.objects.get(code="roof-damage")
    RoutingRule.objects.create(reason=reason, department=Department.objects.get(code="crm"), is_active=False)
    assert routing.department_for(reason) == reason.department


def test_least_loaded_person_of_the_department_is_chosen():
    busy, free = create_staff("busy", "specialist", "tech"), create_staff("free", "specialist", "tech")
    create_staff("elsewhere", "specialist", "san")
    _give(busy, 2)
    assert routing.choose_assignee(Department.objects.get(code="tech")) == free


def test_load_is_weighted_by_complexity_not_only_counted():
    one_hard, two_easy = create_staff("hard", "specialist", "tech"), create_staff("easy", "specialist", "tech")
    services.assign(_registered("facade-elements"), None, assignee=one_hard)  # В: weight 3
    _give(two_easy, 2, reason="roof-drainpipe")  # А: weight 1 each
    assert routing.choose_assignee(Department.objects.get(code="tech")) == two_easy


def test_absent_and_unavailable_people_get_nothing():
    away, off, here = (create_staff(n, "specialist", "tech") for n in ("away", "off", "here"))
    _give(here, 3)
    today = timezone.localdate()
    Absence.objects.create(user=away, starts_on=today - dt.timedelta(days=1), ends_on=today + dt.timedelta(days=5))
    off.profile.is_available = False
    off.profile.save()
    assert routing.choose_assignee(Department.objects.get(code="tech")) == here


def test_absence_that_ended_does_not_count():
    back = create_staff("back", "specialist", "tech")
    other = create_staff("other", "specialist", "tech")
    _give(other, 1)
    today = timezone.localdate()
    Absence.objects.create(user=back, starts_on=today - dt.timedelta(days=10), ends_on=today - dt.timedelta(days=1))
    assert routing.choose_assignee(Department.objects.get(code="tech")) == back


def test_supervisor_gets_work_only_when_nobody_else_can(supervisor):
    crm = Department.objects.get(code="crm")
    assert routing.choose_assignee(crm) == supervisor
    clerk = create_staff("clerk", "specialist", "crm")
    assert routing.choose_assignee(crm) == clerk
    create_staff("op", "operator", "crm")  # operators receive and route; they are not given appeals to work
    assert routing.choose_assignee(crm) == clerk


def test_route_gives_a_registered_appeal_department_and_person_with_a_note():
    person = create_staff("tech1", "specialist", "tech")
    appeal = routing.route(_registered())
    assert appeal.assignee == person and appeal.department.code == "tech" and appeal.status == "assigned"
    assert appeal.events.filter(field="assignee", note__contains="наименьшая нагрузка").exists()


def test_route_without_anyone_available_sets_only_the_department():
    RoutingRule.objects.create(reason=Reason.objects.get(code="roof-damage"),
                               department=Department.objects.get(code="legal"))
    appeal = routing.route(_registered())
    assert appeal.department.code == "legal" and appeal.assignee is None and appeal.status == "registered"


def test_rebalance_moves_unstarted_appeals_from_the_busiest_to_the_idle():
    busy, idle = create_staff("busy", "specialist", "tech"), create_staff("idle", "specialist", "tech")
    _give(busy, 4, reason="roof-drainpipe")
    started = Appeal.objects.filter(assignee=busy).first()
    services.transition(started, "start", busy)
    moves = routing.rebalance(Department.objects.get(code="tech"), None)
    assert len(moves) == 2 and all(m.target == idle for m in moves)
    assert Appeal.objects.filter(assignee=busy).count() == 2 and Appeal.objects.filter(assignee=idle).count() == 2
    assert Appeal.objects.get(pk=started.pk).assignee == busy  # work under way stays
    assert moves[0].appeal.events.filter(field="assignee", note__contains="Перераспределение").exists()


def test_rebalance_hands_everything_of_an_absent_person_to_the_others():
    away, here = create_staff("away", "specialist", "tech"), create_staff("here", "specialist", "tech")
    _give(away, 2)
    services.transition(Appeal.objects.filter(assignee=away).first(), "start", away)
    _give(here, 5)
    today = timezone.localdate()
    Absence.objects.create(user=away, starts_on=today, ends_on=today + dt.timedelta(days=14), note="отпуск")
    moves = routing.rebalance_plan(Department.objects.get(code="tech"))
    assert {m.appeal.assignee_id for m in moves} == {away.pk} and len(moves) == 2
    assert all(m.target == here for m in moves)


def test_rebalance_of_an_even_department_moves_nothing():
    a, b = create_staff("a", "specialist", "tech"), create_staff("b", "specialist", "tech")
    _give(a, 2)
    _give(b, 2)
    assert routing.rebalance_plan(Department.objects.get(code="tech")) == []

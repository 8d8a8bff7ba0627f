"""A proposal is due 20 working days after registration by the production calendar (the norm of `deadlines`),
and is flagged overdue past that day's end until its measure is implemented."""

import datetime as dt

import pytest

from conftest import happening_at
from deadlines.calendar import MOSCOW
from deadlines.models import DeadlineNorm, NormKind
from proposals import services
from proposals.deadline import deadline_mark

pytestmark = pytest.mark.django_db


def _opened_at(moment: dt.datetime, actor):
    with happening_at(moment):
        return services.open_proposal(actor, problem="Протечки кровли", measure="Ремонт кровли", owner=actor)


@pytest.mark.parametrize(("registered", "due"), [
    # Tuesday before the New Year: 31.12.2025 and 1–11.01.2026 are off, counting starts on Monday 12.01.
    (dt.datetime(2025, 12, 30, 18, 0), dt.date(2026, 2, 6)),
    # Thursday before the May holidays: 1–3.05 and 9–11.05.2026 are off.
    (dt.datetime(2026, 4, 30, 17, 0), dt.date(2026, 6, 1)),
    # Friday evening before 9.03.2026, the day off for 8 March that fell on a Sunday.
    (dt.datetime(2026, 3, 6, 23, 30), dt.date(2026, 4, 6)),
    # Friday 31.10.2025 before the working Saturday 1.11.2025 (3 and 4 November are off).
    (dt.datetime(2025, 10, 31, 18, 0), dt.date(2025, 12, 1)),
])
def test_the_deadline_counts_twenty_working_days_of_the_production_calendar(supervisor, registered, due):
    proposal = _opened_at(registered.replace(tzinfo=MOSCOW), supervisor)
    assert proposal.due_at == dt.datetime.combine(due, dt.time(23, 59, 59), tzinfo=MOSCOW)


def test_the_norm_edited_in_the_admin_is_the_one_used(supervisor):
    DeadlineNorm.objects.filter(kind=NormKind.PROPOSAL).update(working_days=5)
    proposal = _opened_at(dt.datetime(2026, 3, 2, 10, 0, tzinfo=MOSCOW), supervisor)  # a Monday
    assert proposal.due_at.astimezone(MOSCOW).date() == dt.date(2026, 3, 10)  # 9 March is off


def test_the_proposal_is_overdue_after_the_end_of_its_last_day(supervisor):
    proposal = _opened_at(dt.datetime(2026, 3, 2, 10, 0, tzinfo=MOSCOW), supervisor)
    last_day = proposal.due_at.astimezone(MOSCOW)
    assert deadline_mark(proposal, last_day - dt.timedelta(hours=10)).state == "today"
    assert not deadline_mark(proposal, last_day - dt.timedelta(hours=10)).is_overdue
    late = deadline_mark(proposal, last_day + dt.timedelta(minutes=1))
    assert late.is_overdue and late.css == "due-overdue"
    assert late.text == f"просрочено: срок был {last_day:%d.%m.%Y}"
    assert deadline_mark(proposal, dt.datetime(2026, 3, 3, 10, 0, tzinfo=MOSCOW)).text == \
        f"до {last_day:%d.%m.%Y}, осталось 19 раб. дн."


def test_an_implemented_measure_is_no_longer_overdue_unless_it_came_late(supervisor):
    on_time = _opened_at(dt.datetime(2026, 3, 2, 10, 0, tzinfo=MOSCOW), supervisor)
    late = _opened_at(dt.datetime(2026, 3, 2, 11, 0, tzinfo=MOSCOW), supervisor)
    with happening_at(dt.datetime(2026, 5, 20, 12, 0, tzinfo=MOSCOW)):
        services.mark_implemented(on_time, supervisor, on=dt.date(2026, 3, 20), by=supervisor, what="Сделано")
        services.mark_implemented(late, supervisor, on=dt.date(2026, 5, 20), by=supervisor, what="Сделано")
    on_time.refresh_from_db()
    late.refresh_from_db()
    after = dt.datetime(2026, 6, 1, tzinfo=MOSCOW)
    assert deadline_mark(on_time, after).state == "done" and not on_time.is_overdue(after)
    assert deadline_mark(late, after).state == "late" and late.is_overdue(after)

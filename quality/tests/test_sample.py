"""The review sample is fair: every operator with appeals in a week gets the drawn number (all when fewer), every
complaint about an operator is in, the draw is reproducible; the queue lists what is not yet reviewed."""

import datetime as dt

import pytest

from calls.models import Call, Outcome
from conftest import create_staff
from quality import reviews, sampling
from quality.errors import QualityError
from quality.models import SampleItem, WeekDraw

from .factories import MONDAY, at, registered


@pytest.fixture
def team_week(db):
    """Alice registers 6 appeals in the week, Bob 4, Carol 1; one of Alice's is registered the next Monday."""
    people = {name: create_staff(name, "operator", "crm") for name in ("alice", "bob", "carol")}
    for count, name in ((6, "alice"), (4, "bob"), (1, "carol")):
        for i in range(count):
            registered(people[name], at(MONDAY + dt.timedelta(days=i % 5), 9 + i), 3)
    registered(people["alice"], at(MONDAY + dt.timedelta(days=7), 9), 3)
    return people


def drawn(week=MONDAY) -> dict[str, set[int]]:
    found = {}
    for item in SampleItem.objects.filter(week=week, why=SampleItem.Why.RANDOM, appeal__isnull=False).select_related(
            "operator"):
        found.setdefault(item.operator.username, set()).add(item.appeal_id)
    return found


@pytest.mark.django_db
def test_every_operator_with_appeals_gets_the_drawn_number(team_week, settings):
    settings.QUALITY_SAMPLE_PER_WEEK = 3
    sampling.draw_week(MONDAY)
    sizes = {name: len(ids) for name, ids in drawn().items()}
    assert sizes == {"alice": 3, "bob": 3, "carol": 1}


@pytest.mark.django_db
def test_only_the_weeks_own_registrations_are_drawn(team_week):
    sampling.draw_week(MONDAY)
    week_ids = set(sampling.registered_in_week(MONDAY)[team_week["alice"].pk])
    assert len(week_ids) == 6
    assert drawn()["alice"] <= week_ids


@pytest.mark.django_db
def test_the_draw_is_reproducible(team_week):
    sampling.draw_week(MONDAY)
    first = drawn()
    SampleItem.objects.all().delete()
    WeekDraw.objects.all().delete()
    sampling.draw_week(MONDAY)
    assert drawn() == first


@pytest.mark.django_db
def test_the_draw_depends_on_the_seed_not_on_the_order_of_the_ids(settings):
    ids = list(range(1, 41))
    picked = sampling.choose(MONDAY, 7, ids, 3)
    assert sampling.choose(MONDAY, 7, list(reversed(ids)), 3) == picked
    assert picked != ids[:3]  # random, not the first ones
    settings.QUALITY_SAMPLE_SEED = "another"
    assert sampling.choose(MONDAY, 7, ids, 3) != picked


@pytest.mark.django_db
def test_a_week_is_drawn_once(team_week):
    assert sampling.draw_week(MONDAY) == 7
    assert sampling.draw_week(MONDAY) == 0
    assert SampleItem.objects.count() == 7


@pytest.mark.django_db
def test_the_queue_draws_the_ended_weeks_but_not_the_running_one(team_week):
    sampling.draw_ended_weeks(today=MONDAY + dt.timedelta(days=8))  # Tuesday of the next week
    assert WeekDraw.objects.filter(week=MONDAY).exists()
    assert not WeekDraw.objects.filter(week=MONDAY + dt.timedelta(days=7)).exists()


@pytest.mark.django_db
def test_every_complaint_about_an_operator_is_in_the_sample(team_week, supervisor, settings):
    settings.QUALITY_SAMPLE_PER_WEEK = 1
    sampling.draw_week(MONDAY)
    alice = team_week["alice"]
    not_drawn = [a for a in sampling.registered_in_week(MONDAY)[alice.pk] if a not in drawn()["alice"]]
    from appeals.models import Appeal

    for pk in not_drawn[:3]:
        reviews.flag_complaint(Appeal.objects.get(pk=pk), alice, supervisor, "Грубил заявителю")
    complained = set(SampleItem.objects.filter(operator=alice, why=SampleItem.Why.COMPLAINT)
                     .values_list("appeal_id", flat=True))
    assert complained == set(not_drawn[:3])
    assert complained <= {item.appeal_id for item in reviews.queue()}


@pytest.mark.django_db
def test_a_complaint_is_marked_once(team_week, supervisor):
    from appeals.models import Appeal

    appeal = Appeal.objects.first()
    reviews.flag_complaint(appeal, team_week["bob"], supervisor)
    with pytest.raises(QualityError, match="уже отмечена"):
        reviews.flag_complaint(appeal, team_week["bob"], supervisor)


@pytest.mark.django_db
def test_the_queue_leaves_out_what_was_reviewed(team_week, supervisor):
    sampling.draw_week(MONDAY)
    item = reviews.queue().first()
    scores = {c.pk: 4 for c in reviews.active_criteria()}
    reviews.submit_review(item, supervisor, scores)
    assert item.pk not in {i.pk for i in reviews.queue()}
    with pytest.raises(QualityError, match="уже проверено"):
        reviews.submit_review(item, supervisor, scores)


@pytest.mark.django_db
def test_every_operator_gets_the_drawn_number_of_the_calls_they_answered(team_week, settings):
    settings.QUALITY_SAMPLE_PER_WEEK = 2
    alice, bob = team_week["alice"], team_week["bob"]
    for i in range(5):
        ringing = at(MONDAY + dt.timedelta(days=i), 9)
        Call.objects.create(operator=alice, ringing_at=ringing, answered_at=ringing + dt.timedelta(seconds=9),
                            ended_at=ringing + dt.timedelta(seconds=90), outcome=Outcome.INFORMATION)
    ringing = at(MONDAY, 11)
    Call.objects.create(operator=bob, ringing_at=ringing, answered_at=ringing + dt.timedelta(seconds=5),
                        ended_at=ringing + dt.timedelta(seconds=60), outcome=Outcome.STATUS)
    Call.objects.create(operator=bob, ringing_at=ringing, ended_at=ringing + dt.timedelta(seconds=30),
                        outcome=Outcome.MISSED)  # never answered: nothing to review
    sampling.draw_week(MONDAY)
    calls = SampleItem.objects.filter(call__isnull=False)
    assert calls.filter(operator=alice).count() == 2
    assert calls.filter(operator=bob).count() == 1
    assert {item.call.operator_id for item in calls} == {alice.pk, bob.pk}


@pytest.mark.django_db
def test_no_review_without_a_criterion(team_week, supervisor):
    from quality.models import Criterion

    sampling.draw_week(MONDAY)
    Criterion.objects.update(is_active=False)
    with pytest.raises(QualityError, match="Нет ни одного критерия"):
        reviews.submit_review(reviews.queue().first(), supervisor, {})


@pytest.mark.django_db
def test_the_shipped_criteria_come_back_when_every_row_is_gone(db):
    from quality.models import Criterion

    Criterion.objects.all().delete()
    assert [c.code for c in reviews.active_criteria()] == ["politeness", "competence", "correctness"]
    assert Criterion.objects.get(code="correctness").weight == 2

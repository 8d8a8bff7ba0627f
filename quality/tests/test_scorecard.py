"""The scorecard's numbers on small known data: the median registration time, corrections attributed to whoever
registered, the completeness share, reviews, surveys, the calls' timings and the trend against the period before."""

import datetime as dt

import pytest

from appeals import services
from appeals.models import Reason
from calls.models import Call, Outcome
from conftest import create_staff, happening_at
from quality import reviews
from quality.models import Criterion, SampleItem, Survey
from quality.scorecard import Period, scorecard, team

from .factories import MONDAY, at, registered

WEEK = Period(MONDAY, MONDAY + dt.timedelta(days=6))


def line(card, code):
    return next(item for item in card.lines if item.code == code)


def detail(measured, label_start):
    return next(f for f in measured.details if f.label.startswith(label_start))


@pytest.fixture
def alice(db):
    return create_staff("alice", "operator", "crm", first_name="Алиса", last_name="Иванова")


@pytest.mark.django_db
def test_median_registration_time_of_three_appeals(alice):
    for minutes in (2, 7, 5):
        registered(alice, at(MONDAY, 10), minutes)
    speed = line(scorecard(alice, WEEK), "speed")
    assert speed.headline.value == pytest.approx(5)
    assert speed.headline.text == "5,0 мин"
    assert detail(speed.now, "Зарегистрировано").value == 3
    assert detail(speed.now, "В срок регистрации").value == 100


@pytest.mark.django_db
def test_median_of_an_even_count_is_the_mean_of_the_middle_two(alice):
    for minutes in (2, 4, 6, 60):
        registered(alice, at(MONDAY, 10), minutes)
    assert line(scorecard(alice, WEEK), "speed").headline.value == pytest.approx(5)


@pytest.mark.django_db
def test_correction_of_the_reason_is_attributed_to_the_registrar_not_the_corrector(alice, supervisor):
    first = registered(alice, at(MONDAY, 10), 3)
    registered(alice, at(MONDAY, 11), 3)
    with happening_at(at(MONDAY, 15)):
        services.classify(first, supervisor, reason=Reason.objects.get(code="roof-drainpipe"))
    accuracy = line(scorecard(alice, WEEK), "accuracy")
    assert detail(accuracy.now, "Исправлено после").value == 50
    assert detail(accuracy.now, "Исправлений").value >= 1
    assert line(scorecard(supervisor, WEEK), "accuracy").headline.value is None


@pytest.mark.django_db
def test_the_reason_set_at_registration_is_no_correction(alice):
    registered(alice, at(MONDAY, 10), 3)
    accuracy = line(scorecard(alice, WEEK), "accuracy")
    assert detail(accuracy.now, "Исправлено после").value == 0


@pytest.mark.django_db
def test_completeness_share_counts_appeals_with_every_required_field(alice):
    registered(alice, at(MONDAY, 10), 3, address_text="улица Марата, 7")
    registered(alice, at(MONDAY, 11), 3, address_text="Невский проспект, 1")
    registered(alice, at(MONDAY, 12), 3, address_text="Литейный проспект, 2")
    registered(alice, at(MONDAY, 13), 3, full_name="", address_text="")  # no name, no contact, no address
    accuracy = line(scorecard(alice, WEEK), "accuracy")
    assert accuracy.headline.value == 75
    assert accuracy.headline.text == "75 %"


@pytest.mark.django_db
def test_trend_compares_with_the_week_before(alice):
    registered(alice, at(MONDAY - dt.timedelta(days=7), 10), 20)
    registered(alice, at(MONDAY, 10), 4)
    speed = line(scorecard(alice, WEEK), "speed")
    assert speed.before.headline.value == pytest.approx(20)
    assert speed.trend == "лучше"  # faster is better


@pytest.mark.django_db
def test_service_quality_is_the_weighted_score_of_the_reviews(alice, supervisor):
    appeal = registered(alice, at(MONDAY, 10), 3)
    item = SampleItem.objects.create(appeal=appeal, operator=alice, week=MONDAY, why=SampleItem.Why.RANDOM)
    criteria = {c.code: c for c in Criterion.objects.all()}
    scores = {criteria["politeness"].pk: 5, criteria["competence"].pk: 3, criteria["correctness"].pk: 4}
    with happening_at(at(MONDAY, 16)):
        reviews.submit_review(item, supervisor, scores, "Назовите номер обращения в конце разговора.")
    card = scorecard(alice, WEEK)
    service = line(card, "service")
    # weights 1, 1, 2: (5 + 3 + 2 × 4) / 4
    assert service.headline.value == pytest.approx(4.0)
    assert detail(service.now, "Вежливость").value == 5
    assert [r.comment for r in card.comments] == ["Назовите номер обращения в конце разговора."]


@pytest.mark.django_db
def test_satisfaction_counts_for_the_registrar_and_the_answerer(alice, supervisor):
    bob = create_staff("bob", "operator", "crm")
    appeal = registered(alice, at(MONDAY, 10), 3)
    Survey.objects.create(appeal=appeal, token_hash="a" * 64, registered_by=alice, answered_by=bob,
                          expires_at=at(MONDAY, 10) + dt.timedelta(days=30), rated_at=at(MONDAY, 18), rating=4)
    other = registered(alice, at(MONDAY, 11), 3)
    Survey.objects.create(appeal=other, token_hash="b" * 64, registered_by=alice, answered_by=alice,
                          expires_at=at(MONDAY, 10) + dt.timedelta(days=30), rated_at=at(MONDAY, 18), rating=2)
    assert line(scorecard(alice, WEEK), "satisfaction").headline.value == pytest.approx(3)  # each survey once
    assert line(scorecard(bob, WEEK), "satisfaction").headline.value == pytest.approx(4)


@pytest.mark.django_db
def test_call_timings_come_from_the_call_centre_and_the_scorecard_works_without_calls(alice):
    registered(alice, at(MONDAY, 10), 3)
    assert not any(f.label.startswith("Принято звонков") for f in line(scorecard(alice, WEEK), "speed").now.details)
    ringing = at(MONDAY, 9)
    Call.objects.create(operator=alice, ringing_at=ringing, answered_at=ringing + dt.timedelta(seconds=10),
                        found_at=ringing + dt.timedelta(seconds=40), ended_at=ringing + dt.timedelta(seconds=200),
                        wrapped_up_at=ringing + dt.timedelta(seconds=260), outcome=Outcome.INFORMATION)
    speed = line(scorecard(alice, WEEK), "speed")
    assert detail(speed.now, "Принято звонков").value == 1
    assert detail(speed.now, "Поиск информации о клиенте").value == pytest.approx(30)
    assert detail(speed.now, "Постобработка").value == pytest.approx(60)


@pytest.mark.django_db
def test_team_lists_every_operator_even_without_work(alice):
    idle = create_staff("idle", "operator", "crm")
    registered(alice, at(MONDAY, 10), 3)
    rows = {row.operator.username: row for row in team(WEEK)}
    assert {"alice", "idle"} <= set(rows)
    assert rows["alice"].lines[0].headline.value == pytest.approx(3)
    assert rows[idle.username].lines[0].headline.value is None


@pytest.mark.django_db
def test_the_practice_calls_are_a_line_of_the_scorecard_and_the_team_table(alice):
    from practice import sandbox
    from practice.models import Attempt
    from practice.scoring import Entered
    from practice.tests.factories import make_scenario

    scenario = make_scenario()
    for right in (True, False):
        attempt = sandbox.submit(sandbox.start(alice, scenario), alice, Entered(
            reason_id=scenario.expected_reason_id if right else None, priority=scenario.expected_priority,
            building_id=scenario.expected_building_id, flat=scenario.expected_flat,
            full_name=scenario.caller_name, phone=scenario.caller_phone))
        Attempt.objects.filter(pk=attempt.pk).update(submitted_at=at(MONDAY, 12), started_at=at(MONDAY, 11))
    scores = sorted(Attempt.objects.values_list("score", flat=True))
    practice = line(scorecard(alice, WEEK), "practice")
    assert practice.headline.value == pytest.approx(sum(scores) / 2, abs=0.05)
    assert detail(practice.now, "Учебных звонков").value == 2
    assert practice.before.headline.value is None and practice.trend == ""
    row = next(r for r in team(WEEK) if r.operator == alice)
    assert row.lines[-1].headline.value == practice.headline.value

import datetime as dt
import io
import threading

import pytest
from axes.models import AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.models import IdempotencyKey
from appeals import services, tasks
from appeals.choices import Status
from appeals.models import Appeal, Notification, PersonalDataAccess
from conftest import create_appeal
from priemnaya.settings import env_int
from retention import pruning
from retention.tasks import prune as prune_task

pytestmark = pytest.mark.django_db


def days_ago(days: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def idempotency_key(user, key: str, *, days_old: float) -> None:
    record = IdempotencyKey.objects.create(user=user, key=key, request_hash="0" * 64, response_status=201,
                                           response_body={"number": key})
    IdempotencyKey.objects.filter(pk=record.pk).update(created_at=days_ago(days_old))


def notification(user, appeal, *, days_old: float, read_days_ago: float | None = None) -> Notification:
    made = days_ago(days_old)
    return Notification.objects.create(user=user, appeal=appeal, kind=Notification.Kind.DUE_SOON, due=made,
                                       created_at=made,
                                       read_at=None if read_days_ago is None else days_ago(read_days_ago))


def access_log_row(user, *, days_old: float) -> PersonalDataAccess:
    return PersonalDataAccess.objects.create(user=user, action="view_appeal", detail="обращение",
                                             at=days_ago(days_old))


def login(username: str, *, days_old: float) -> None:
    row = AccessLog.objects.create(username=username, ip_address="10.0.0.1", user_agent="test", http_accept="*/*",
                                   path_info="/staff/login/")
    AccessLog.objects.filter(pk=row.pk).update(attempt_time=days_ago(days_old))


@pytest.fixture
def closed_appeal(db):
    appeal = create_appeal(reason="roof-damage")
    Appeal.objects.filter(pk=appeal.pk).update(status=Status.CLOSED)
    return appeal


def test_idempotency_keys_go_after_a_week_by_default(operator):
    idempotency_key(operator, "old", days_old=8)
    idempotency_key(operator, "recent", days_old=6)
    assert pruning.prune()["idempotency_keys"] == 1
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["recent"]


def test_read_notifications_go_90_days_after_reading(specialist, closed_appeal):
    notification(specialist, closed_appeal, days_old=100, read_days_ago=91)
    kept = notification(specialist, closed_appeal, days_old=100, read_days_ago=10)
    assert pruning.prune()["notifications"] == 1
    assert list(Notification.objects.all()) == [kept]


def test_unread_notifications_stay_a_year(specialist, closed_appeal):
    notification(specialist, closed_appeal, days_old=366)
    kept = notification(specialist, closed_appeal, days_old=200)
    assert pruning.prune()["notifications"] == 1
    assert list(Notification.objects.all()) == [kept]


def test_notifications_of_an_open_appeal_stay_so_the_deadline_check_does_not_raise_them_again(specialist):
    appeal = create_appeal(reason="roof-damage", received_at=days_ago(30))
    services.assign(services.transition(appeal, "register", None), None, assignee=specialist)
    assert tasks.check_deadlines()["overdue"] == 1
    Notification.objects.update(created_at=days_ago(400), read_at=days_ago(399))
    assert pruning.prune()["notifications"] == 0
    assert tasks.check_deadlines()["overdue"] == 0
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_access_log_is_kept_three_years_by_default(specialist):
    access_log_row(specialist, days_old=1097)
    kept = access_log_row(specialist, days_old=1095)
    assert pruning.prune()["access_log"] == 1
    assert list(PersonalDataAccess.objects.all()) == [kept]


def test_logins_are_kept_as_long_as_the_access_log():
    login("old", days_old=1097)
    login("recent", days_old=1095)
    assert pruning.prune()["logins"] == 1
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["recent"]


def test_expired_sessions_go():
    Session.objects.create(session_key="expired", session_data="", expire_date=days_ago(1))
    Session.objects.create(session_key="current", session_data="", expire_date=days_ago(-1))
    assert pruning.prune()["sessions"] == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]


def test_rate_counters_of_closed_windows_go():
    from priemnaya.models import RateCount

    now = dt.datetime.now(dt.UTC).timestamp()
    RateCount.objects.create(key="appeal:10.0.0.1", hits=3, window_ends=now - 1)
    RateCount.objects.create(key="appeal:10.0.0.2", hits=3, window_ends=now + 600)
    assert pruning.prune()["rate_counts"] == 1
    assert list(RateCount.objects.values_list("key", flat=True)) == ["appeal:10.0.0.2"]


@override_settings(IDEMPOTENCY_KEY_DAYS=1, NOTIFICATION_READ_DAYS=10, NOTIFICATION_UNREAD_DAYS=20, ACCESS_LOG_DAYS=400)
def test_periods_come_from_settings(specialist, closed_appeal):
    idempotency_key(specialist, "two days", days_old=2)
    notification(specialist, closed_appeal, days_old=12, read_days_ago=11)
    notification(specialist, closed_appeal, days_old=21)
    access_log_row(specialist, days_old=401)
    login("specialist", days_old=401)
    counts = pruning.prune()
    assert (counts["idempotency_keys"], counts["notifications"], counts["access_log"], counts["logins"]) == (1, 2, 1, 1)


def test_old_rows_go_in_batches_even_at_the_same_moment(specialist):
    moment = days_ago(2000)
    for _ in range(5):
        PersonalDataAccess.objects.create(user=specialist, action="view_appeal", detail="обращение", at=moment)
    kept = [access_log_row(specialist, days_old=1) for _ in range(2)]
    with CaptureQueriesContext(connection) as queries:
        deleted = pruning.delete_in_batches(PersonalDataAccess.objects.filter(at__lt=days_ago(1096)), "at",
                                            batch_size=2)
    assert deleted == 5
    assert sum(query["sql"].startswith("DELETE") for query in queries.captured_queries) == 3
    assert set(PersonalDataAccess.objects.all()) == set(kept)


def test_a_second_run_finds_nothing(specialist, closed_appeal):
    idempotency_key(specialist, "old", days_old=30)
    notification(specialist, closed_appeal, days_old=400)
    access_log_row(specialist, days_old=2000)
    assert sum(pruning.prune(batch_size=1).values()) == 3
    assert set(pruning.prune().values()) == {0}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIP LOCKED is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_rows_another_run_holds_are_skipped_not_waited_for(django_user_model):
    # A plain user: an earlier transactional test may have emptied the groups and departments.
    clerk = django_user_model.objects.create_user("clerk")
    rows = [access_log_row(clerk, days_old=2000) for _ in range(5)]
    result = {}

    def other_run():
        result["deleted"] = pruning.prune(batch_size=2)["access_log"]
        connection.close()

    with transaction.atomic():
        list(PersonalDataAccess.objects.select_for_update().filter(pk__in=[rows[0].pk, rows[1].pk]))
        thread = threading.Thread(target=other_run)
        thread.start()
        thread.join(timeout=20)
        assert not thread.is_alive()
    assert result["deleted"] == 3
    assert pruning.prune()["access_log"] == 2


def test_prune_command_prints_what_went(operator):
    idempotency_key(operator, "old", days_old=30)
    out = io.StringIO()
    call_command("prune", "--batch-size", "1", stdout=out)
    lines = out.getvalue().splitlines()
    assert "ключи идемпотентности API: удалено 1" in lines
    assert "журнал доступа к персональным данным: удалено 0" in lines
    assert len(lines) == len(pruning.LABELS)


def test_prune_command_refuses_an_empty_batch():
    with pytest.raises(CommandError):
        call_command("prune", "--batch-size", "0")


def test_the_daily_task_prunes(operator):
    idempotency_key(operator, "old", days_old=30)
    assert prune_task.delay().get()["idempotency_keys"] == 1
    entry = next(entry for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"] == "retention.tasks.prune")
    schedule = entry["schedule"]
    assert len(schedule.hour) == len(schedule.minute) == 1 and len(schedule.day_of_week) == 7


def check_ids() -> set[str]:
    return {message.id for message in run_checks()}


def test_default_periods_pass_the_check():
    assert not check_ids() & {"retention.E001", "retention.E002", "retention.E003"}


@pytest.mark.parametrize("name", ["IDEMPOTENCY_KEY_DAYS", "NOTIFICATION_READ_DAYS", "NOTIFICATION_UNREAD_DAYS",
                                  "ACCESS_LOG_DAYS"])
@pytest.mark.parametrize("days", [0, -5])
def test_a_period_of_no_days_is_an_error(settings, name, days):
    setattr(settings, name, days)
    assert "retention.E001" in check_ids()


def test_an_access_log_kept_under_a_year_is_an_error(settings):
    settings.ACCESS_LOG_DAYS = 364
    assert "retention.E002" in check_ids()
    settings.ACCESS_LOG_DAYS = 365
    assert "retention.E002" not in check_ids()


def test_unread_notifications_kept_shorter_than_read_ones_is_an_error(settings):
    settings.NOTIFICATION_READ_DAYS, settings.NOTIFICATION_UNREAD_DAYS = 90, 30
    assert "retention.E003" in check_ids()


def test_a_period_that_is_not_a_number_names_its_variable(monkeypatch):
    monkeypatch.setenv("ACCESS_LOG_DAYS", "три года")
    with pytest.raises(ValueError, match="ACCESS_LOG_DAYS"):
        env_int("ACCESS_LOG_DAYS", 1096)

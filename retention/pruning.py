"""How long the bookkeeping around appeals is kept, and the pruning that enforces it.

Appeals and their history (events, triage decisions, incidents, attachments) are never pruned, nor is
the admin's short record of changes to reference data. What goes is what only supports the work: the
API's idempotency keys, staff notifications, the 152-ФЗ access log and the log of staff log-ins, expired
sessions (the portal keeps one for every resident who files or tracks an appeal), rate-limit counters of
closed windows. Django-axes' lock-out attempts are cleared by axes itself after the cool-off.
"""

import datetime as dt
import logging
from contextlib import nullcontext

from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connections, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from api.models import IdempotencyKey
from appeals.choices import FINAL_STATUSES
from appeals.models import Notification, PersonalDataAccess
from priemnaya.models import RateCount

BATCH_SIZE = 1000

LABELS = {
    "idempotency_keys": "ключи идемпотентности API",
    "notifications": "уведомления сотрудников",
    "access_log": "журнал доступа к персональным данным",
    "logins": "журнал входов сотрудников",
    "login_failures": "журнал неудачных входов",
    "sessions": "истёкшие сессии",
    "rate_counts": "счётчики попыток прошедших окон",
}

logger = logging.getLogger(__name__)


def _days_ago(now: dt.datetime, days: int) -> dt.datetime:
    return now - dt.timedelta(days=days)


def expired_notifications(now: dt.datetime) -> QuerySet:
    """Read notifications go NOTIFICATION_READ_DAYS after reading, unread ones NOTIFICATION_UNREAD_DAYS
    after they were made; those of an appeal still open stay, or the deadline check would raise them
    again, unread."""
    read_before = _days_ago(now, settings.NOTIFICATION_READ_DAYS)
    unread_before = _days_ago(now, settings.NOTIFICATION_UNREAD_DAYS)
    return Notification.objects.filter(
        # A notification is read after it is made: this bound lets the age index do the search.
        created_at__lt=max(read_before, unread_before),
        appeal__status__in=FINAL_STATUSES,
    ).filter(Q(read_at__lt=read_before) | Q(read_at__isnull=True, created_at__lt=unread_before))


def expired(now: dt.datetime) -> dict[str, tuple[QuerySet, str]]:
    """What is past its retention period at `now`, by kind (the keys of LABELS), each with the indexed
    field that orders it oldest first."""
    access_log_before = _days_ago(now, settings.ACCESS_LOG_DAYS)
    return {
        "idempotency_keys": (IdempotencyKey.objects.filter(
            created_at__lt=_days_ago(now, settings.IDEMPOTENCY_KEY_DAYS)), "created_at"),
        "notifications": (expired_notifications(now), "created_at"),
        "access_log": (PersonalDataAccess.objects.filter(at__lt=access_log_before), "at"),
        # Who logged in from where belongs with what they looked at: kept as long. Axes does not index
        # attempt_time; ids grow with it.
        "logins": (AccessLog.objects.filter(attempt_time__lt=access_log_before), "id"),
        "login_failures": (AccessFailureLog.objects.filter(attempt_time__lt=access_log_before), "id"),
        "sessions": (Session.objects.filter(expire_date__lt=now), "expire_date"),
        "rate_counts": (RateCount.objects.filter(window_ends__lt=now.timestamp()), "window_ends"),
    }


def delete_in_batches(queryset: QuerySet, by: str, batch_size: int = BATCH_SIZE) -> int:
    """Delete the rows `queryset` selects, lowest `by` first, `batch_size` rows a transaction; return
    how many went.

    Each batch starts where the one before ended, so none re-reads the rows deleted before it. Rows
    another run holds are skipped (SKIP LOCKED): two runs share the work instead of waiting on each
    other, and whatever is left goes on the next run.
    """
    locks = connections[queryset.db].features.has_select_for_update_skip_locked
    queryset = queryset.order_by(by)
    deleted, since = 0, None
    while True:
        page = queryset if since is None else queryset.filter(**{f"{by}__gte": since})
        if locks:
            page = page.select_for_update(skip_locked=True, of=("self",))
        # Without row locks (SQLite) the select and the delete are two statements, so a writer in
        # between cannot fail the batch; the delete checks the rows again.
        with transaction.atomic() if locks else nullcontext():
            rows = list(page.values_list("pk", by)[:batch_size])
            if rows:
                deleted += queryset.filter(pk__in=[pk for pk, _ in rows]).delete()[0]
        if len(rows) < batch_size:
            return deleted
        since = rows[-1][1]


def prune(now: dt.datetime | None = None, batch_size: int = BATCH_SIZE) -> dict[str, int]:
    """Delete everything past its retention period; return how many rows of each kind went."""
    now = now or timezone.now()
    counts = {kind: delete_in_batches(queryset, by, batch_size) for kind, (queryset, by) in expired(now).items()}
    logger.info("Pruned: %s", counts)
    return counts

"""`GET requests`: the specification's filters and its default limits (a span of 90 days, the first 1000
requests, whichever is smaller; newest first).

`service_request_id` (numbers, comma-delimited) overrides every other filter; `service_code` and `status`
take comma-delimited lists; `start_date` and `end_date` are W3C date-times and may not span more than 90
days; one of them alone sets the other 90 days away, neither means the last 90 days.
"""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from appeals.choices import FINAL_STATUSES, OPEN_STATUSES
from appeals.tracking import normalize_number
from deadlines.calendar import MOSCOW

from .formats import Open311Error

SPAN = dt.timedelta(days=90)
LIMIT = 1000
STATUSES = {"open": OPEN_STATUSES, "closed": FINAL_STATUSES}


def _list(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _moment(params, name: str) -> dt.datetime | None:
    """The moment a parameter names; a day alone is its start (`start_date`) or its end (`end_date`), in
    Moscow time, as is a moment written without its offset."""
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        day = parse_date(raw) if len(raw) == len("2026-12-01") else None
        value = None if day else parse_datetime(raw)
    except ValueError:
        value = day = None
    if day is not None:
        value = dt.datetime.combine(day, dt.time.min if name == "start_date" else dt.time.max)
    if value is None:
        raise Open311Error(400, f"{name}: Дата и время в формате W3C, например 2026-12-01T00:00:00+03:00.")
    return value if timezone.is_aware(value) else value.replace(tzinfo=MOSCOW)


def _span(params) -> tuple[dt.datetime, dt.datetime]:
    start, end = _moment(params, "start_date"), _moment(params, "end_date")
    if start is None and end is None:
        end = timezone.now()
    start = start or end - SPAN
    end = end or start + SPAN
    if end < start:
        raise Open311Error(400, "end_date: Конец периода раньше его начала.")
    if end - start > SPAN:
        raise Open311Error(400, "end_date: Период поиска не может быть длиннее 90 дней.")
    return start, end


def _statuses(params) -> set[str] | None:
    wanted = _list(params.get("status", ""))
    unknown = [s for s in wanted if s.lower() not in STATUSES]
    if unknown:
        raise Open311Error(400, f"status: Неизвестный статус «{unknown[0][:40]}»; допустимы open и closed.")
    return {status for s in wanted for status in STATUSES[s.lower()]} if wanted else None


def filtered(appeals: QuerySet, params) -> QuerySet:
    """The requests the parameters ask for, newest first, at most LIMIT."""
    numbers = _list(params.get("service_request_id", ""))
    if numbers:
        if len(numbers) > LIMIT:
            raise Open311Error(400, f"service_request_id: Не больше {LIMIT} номеров за один запрос.")
        return appeals.filter(number__in=[normalize_number(n) for n in numbers]).order_by("-received_at", "-id")
    statuses = _statuses(params)
    start, end = _span(params)
    appeals = appeals.filter(received_at__gte=start, received_at__lte=end)
    codes = _list(params.get("service_code", ""))
    if codes:
        appeals = appeals.filter(reason__code__in=codes)
    if statuses is not None:
        appeals = appeals.filter(status__in=sorted(statuses))
    return appeals.order_by("-received_at", "-id")[:LIMIT]

"""When a service of a centre receives visitors: its slots and whether a slot may be booked.

The one place for these rules. A slot is a start time on a working day of the production calendar
(`deadlines.calendar`), within the centre's weekly hours (or the service's own) outside the break, not
already begun, and no further ahead than the centre opens booking for.
"""

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Count
from django.utils import timezone

from deadlines.calendar import MONTHS, MOSCOW, is_working_day, local_date, overrides
from priemnaya.russian import plural

from .errors import BookingError
from .models import Appointment, Service, Status, WeeklyHours

SHORT_WEEKDAYS = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]


@dataclass(frozen=True)
class Slot:
    starts_at: dt.datetime
    free: int

    @property
    def value(self) -> str:
        """How the slot travels in a form: local Moscow time, minutes precision."""
        return self.starts_at.astimezone(MOSCOW).strftime("%Y-%m-%dT%H:%M")


def day_label(day: dt.date) -> str:
    """«пн, 7 декабря»."""
    return f"{SHORT_WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]}"


def slot_label(moment: dt.datetime) -> str:
    """«пн, 7 декабря, 10:30», in Moscow time."""
    local = moment.astimezone(MOSCOW)
    return f"{day_label(local.date())}, {local:%H:%M}"


def hours_of(service: Service, rows: list[WeeklyHours] | None = None) -> dict[int, WeeklyHours]:
    """Weekday → the hours that hold for the service: its own if it keeps them, else the centre's."""
    rows = list(service.centre.hours.all()) if rows is None else rows
    wanted = service.pk if service.own_hours else None
    return {row.weekday: row for row in rows if row.service_id == wanted}


def _intervals(row: WeeklyHours) -> list[tuple[dt.time, dt.time]]:
    if row.break_starts and row.break_ends and row.opens < row.break_starts < row.break_ends < row.closes:
        return [(row.opens, row.break_starts), (row.break_ends, row.closes)]
    return [(row.opens, row.closes)]


def starts_on(service: Service, day: dt.date, hours: dict[int, WeeklyHours], extra=None) -> list[dt.datetime]:
    """The slot starts of one day: none on a day off of the production calendar."""
    row = hours.get(day.weekday())
    if row is None or not is_working_day(day, extra):
        return []
    step = dt.timedelta(minutes=service.slot_minutes)
    starts = []
    for begin, end in _intervals(row):
        moment = dt.datetime.combine(day, begin, tzinfo=MOSCOW)
        while moment + step <= dt.datetime.combine(day, end, tzinfo=MOSCOW):
            starts.append(moment)
            moment += step
    return starts


def booking_days(service: Service, now: dt.datetime | None = None) -> list[dt.date]:
    """The calendar days booking is open for: today and the centre's number of days after it."""
    today = local_date(now or timezone.now())
    return [today + dt.timedelta(days=n) for n in range(service.centre.booking_days + 1)]


def _taken(service: Service, starts: list[dt.datetime]) -> dict[dt.datetime, int]:
    if not starts:
        return {}
    rows = (Appointment.objects.filter(service=service, starts_at__gte=starts[0], starts_at__lte=starts[-1])
            .exclude(status=Status.CANCELLED).values("starts_at").annotate(n=Count("id")))
    return {row["starts_at"]: row["n"] for row in rows}


def open_slots(service: Service, now: dt.datetime | None = None) -> list[Slot]:
    """Every slot of the booking period not yet begun, with its free seats (full ones too, free=0)."""
    now = now or timezone.now()
    hours, extra = hours_of(service), overrides()
    starts = [s for day in booking_days(service, now) for s in starts_on(service, day, hours, extra) if s > now]
    taken = _taken(service, starts)
    return [Slot(s, max(0, service.seats - taken.get(s, 0))) for s in starts]


def free_by_day(slots: list[Slot]) -> list[tuple[dt.date, list[Slot]]]:
    """The slots with a free seat, by day."""
    free = [slot for slot in slots if slot.free]
    return [(day, list(group)) for day, group in groupby(free, key=lambda s: s.starts_at.astimezone(MOSCOW).date())]


def parse_slot(value: str) -> dt.datetime:
    """A slot as the form sends it («2026-12-07T10:30», Moscow time); BookingError when it is no time."""
    try:
        moment = dt.datetime.strptime((value or "").strip(), "%Y-%m-%dT%H:%M")
    except ValueError:
        raise BookingError("Выберите время приёма из списка.", "slot") from None
    return moment.replace(tzinfo=MOSCOW)


def check_bookable(service: Service, starts_at: dt.datetime, now: dt.datetime | None = None) -> None:
    """Raise BookingError (with a message for the resident) unless `starts_at` is a slot of the service
    open for booking now. Free seats are not checked here: the booking itself takes one or fails."""
    now = now or timezone.now()
    day = local_date(starts_at)
    if not service.is_active or not service.centre.is_active:
        raise BookingError("На эту услугу сейчас не записывают.", "service")
    if starts_at <= now:
        raise BookingError("Это время уже прошло. Выберите другое.", "slot")
    if day not in booking_days(service, now):
        days = service.centre.booking_days
        raise BookingError(f"Запись открыта только на {days} {plural(days, 'день', 'дня', 'дней')} вперёд. "
                           "Выберите более близкую дату.", "slot")
    if not is_working_day(day):
        raise BookingError(f"{day.day} {MONTHS[day.month - 1]} — нерабочий день, центр не принимает. "
                           "Выберите другой день.", "slot")
    if starts_at not in starts_on(service, day, hours_of(service)):
        raise BookingError("В это время центр по этой услуге не принимает. Выберите время из списка.", "slot")


def _time(value: dt.time) -> str:
    return f"{value.hour}:{value.minute:02d}"


def _days(first: int, last: int) -> str:
    if first == last:
        return SHORT_WEEKDAYS[first]
    return f"{SHORT_WEEKDAYS[first]}{', ' if last == first + 1 else '–'}{SHORT_WEEKDAYS[last]}"


def hours_summary(rows: list[WeeklyHours], days_off: bool = True) -> list[str]:
    """The week's hours as a notice says them: «пн–чт 9:00–18:00», «пт 9:00–16:45», «обед 13:00–13:45»,
    «сб, вс — выходные» (unless `days_off` is false); consecutive days with the same hours go together."""
    by_day = {row.weekday: row for row in rows}
    lines, day = [], 0
    while day < 7:
        row, last = by_day.get(day), day
        same = (row.opens, row.closes) if row else None
        while last + 1 < 7 and ((by_day[last + 1].opens, by_day[last + 1].closes) if last + 1 in by_day
                                else None) == same:
            last += 1
        if row:
            lines.append(f"{_days(day, last)} {_time(row.opens)}–{_time(row.closes)}")
        elif days_off:
            lines.append(f"{_days(day, last)} — {'выходной' if day == last else 'выходные'}")
        day = last + 1
    breaks = {(row.break_starts, row.break_ends) for row in rows if row.break_starts and row.break_ends}
    if len(breaks) == 1:
        starts, ends = breaks.pop()
        lines.append(f"обед {_time(starts)}–{_time(ends)}")
    return lines

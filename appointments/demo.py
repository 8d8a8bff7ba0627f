"""Demo content for the service centres (`load_demo`): adds the centres that are missing, with their services,
hours, questions and publications, and a few visitors booked; what staff changed stays as it is."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from .booking import Visitor, book
from .demo_centres import CENTRES, VISITORS
from .errors import BookingError
from .models import Appointment, Centre, Publication, Question, Service, WeeklyHours
from .schedule import free_by_day, open_slots


def _add_services(centre: Centre, rows: list[tuple]) -> None:
    for order, (title, minutes, seats, description, *own) in enumerate(rows, start=1):
        service = Service.objects.create(centre=centre, title=title, slot_minutes=minutes, seats=seats,
                                         description=description, order=order, own_hours=bool(own))
        for weekday, opens, closes, break_starts, break_ends in (own[0] if own else []):
            WeeklyHours.objects.create(centre=centre, service=service, weekday=weekday, opens=opens, closes=closes,
                                       break_starts=break_starts, break_ends=break_ends)


def _add_centre(data: dict) -> Centre:
    centre = Centre.objects.create(**{key: data[key] for key in
                                      ("slug", "name", "order", "address", "phone", "how_to_get", "note")})
    for weekday, opens, closes, break_starts, break_ends in data["hours"]:
        WeeklyHours.objects.create(centre=centre, weekday=weekday, opens=opens, closes=closes,
                                   break_starts=break_starts, break_ends=break_ends)
    _add_services(centre, data["services"])
    for order, (question, answer) in enumerate(data["questions"], start=1):
        Question.objects.create(centre=centre, question=question, answer=answer, order=order)
    today = timezone.localdate()
    for days_ago, title, text in data["publications"]:
        Publication.objects.create(centre=centre, title=title, text=text,
                                   published_on=today - dt.timedelta(days=days_ago))
    return centre


def _book_visitors(centre: Centre) -> int:
    """The first visitors in the nearest free slots of the centre's first services."""
    made = 0
    for service, (name, phone) in zip(list(centre.services.all())[:3] * 2, VISITORS, strict=False):
        days = free_by_day(open_slots(service))
        if not days:
            continue
        slots = days[0][1]
        try:
            book(service, slots[min(made, len(slots) - 1)].starts_at, Visitor(name, phone))
        except BookingError:
            continue
        made += 1
    return made


@transaction.atomic
def load() -> str:
    """Add the missing demo centres; a one-line summary of what was added."""
    added = [_add_centre(data) for data in CENTRES if not Centre.objects.filter(slug=data["slug"]).exists()]
    booked = sum(_book_visitors(centre) for centre in added) if not Appointment.objects.exists() else 0
    if not added:
        return "Центры обслуживания: всё на месте, ничего не добавлено."
    return f"Центры обслуживания: добавлено {len(added)}, записей на приём: {booked}."

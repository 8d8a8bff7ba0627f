"""Who can take new work today: the profile's switch and the recorded absences."""

import datetime as dt

from django.db.models import QuerySet

from .models import Absence


def current_absences(day: dt.date) -> dict[int, Absence]:
    """The absence covering `day` for each absent user."""
    return {a.user_id: a for a in Absence.objects.filter(starts_on__lte=day, ends_on__gte=day).order_by("ends_on")}


def available(users: QuerySet, day: dt.date) -> QuerySet:
    """Those of `users` who are switched on for new work and not absent on `day`."""
    absent = Absence.objects.filter(starts_on__lte=day, ends_on__gte=day).values("user_id")
    return users.filter(profile__is_available=True).exclude(pk__in=absent)

"""Who can take new work today: the profile's switch and the recorded absences."""

import datetime as dt

from .models import Absence


def current_absences(day: dt.date) -> dict[int, Absence]:
    """The absence covering `day` for each absent user."""
    return {a.user_id: a for a in Absence.objects.filter(starts_on__lte=day, ends_on__gte=day).order_by("ends_on")}


def is_available(user, day: dt.date) -> bool:
    profile = getattr(user, "profile", None)
    if profile is not None and not profile.is_available:
        return False
    return not Absence.objects.filter(user=user, starts_on__lte=day, ends_on__gte=day).exists()

"""Small factories for the quality tests: appeals received and registered at known moments by a given person."""

import datetime as dt

from django.db import transaction

from appeals import services
from appeals.models import Reason
from conftest import create_appeal, happening_at
from deadlines.calendar import MOSCOW

MONDAY = dt.date(2026, 3, 2)  # a Monday; its ISO week runs to Sunday 8 March


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=MOSCOW)


def registered(registrar, received: dt.datetime, minutes: float, *, reason: str = "roof-damage", **extra):
    """An appeal received at `received` and registered by `registrar` `minutes` later (in one transaction: the
    automatic triage, told after commit, finds it registered already)."""
    with transaction.atomic(), happening_at(received):
        appeal = create_appeal(**extra)
        with happening_at(received + dt.timedelta(minutes=minutes)):
            return services.register_with_reason(appeal, registrar, reason=Reason.objects.get(code=reason))

"""System checks of the appeal domain's settings."""

import datetime as dt

from django.conf import settings
from django.core.checks import Error, register

from .dates import earliest_received


@register()
def earliest_received_date(app_configs, **kwargs):
    """A date that does not parse would make every intake a 500; one in the future would refuse every appeal."""
    try:
        earliest = earliest_received()
    except (TypeError, ValueError):
        return [Error(f"EARLIEST_RECEIVED_DATE is not a date: {settings.EARLIEST_RECEIVED_DATE!r}.",
                      hint="Use ISO 8601, e.g. 2000-01-01.", id="appeals.E001")]
    if not dt.date(1900, 1, 1) <= earliest <= dt.date.today():
        return [Error(f"EARLIEST_RECEIVED_DATE {earliest:%Y-%m-%d} is not between 1900-01-01 and today.",
                      id="appeals.E002")]
    return []

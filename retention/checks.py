"""System checks of the retention periods."""

from django.conf import settings
from django.core.checks import Error, register

RETENTION_DAYS = ("IDEMPOTENCY_KEY_DAYS", "NOTIFICATION_READ_DAYS", "NOTIFICATION_UNREAD_DAYS", "ACCESS_LOG_DAYS")


@register()
def retention_periods(app_configs, **kwargs):
    """A period of zero days would delete the rows the moment they are written."""
    errors = [Error(f"{name} must be a whole number of days, at least 1; it is {getattr(settings, name)!r}.",
                    id="retention.E001")
              for name in RETENTION_DAYS
              if not isinstance(getattr(settings, name), int) or getattr(settings, name) < 1]
    if errors:
        return errors
    if settings.ACCESS_LOG_DAYS < 365:
        errors.append(Error("ACCESS_LOG_DAYS is under a year: the 152-ФЗ access log would not cover a year's audit.",
                            hint="The default is 1096 days (three years).", id="retention.E002"))
    if settings.NOTIFICATION_UNREAD_DAYS < settings.NOTIFICATION_READ_DAYS:
        errors.append(Error("NOTIFICATION_UNREAD_DAYS is shorter than NOTIFICATION_READ_DAYS: unread notifications "
                            "would go before read ones.", id="retention.E003"))
    return errors

"""System checks for configuration that would silently misbehave."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

DEV_SECRET = "dev-only-insecure-key-change-me"


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    if settings.SECRET_KEY == DEV_SECRET:
        return [Error("SECRET_KEY is the development default.", hint="Set SECRET_KEY in the environment.",
                      id="priemnaya.E001")]
    return []


@register()
def moscow_time(app_configs, **kwargs):
    if settings.TIME_ZONE != "Europe/Moscow":
        return [Warning("TIME_ZONE is not Europe/Moscow: screens show another zone, deadlines stay in Moscow time.",
                        id="priemnaya.W001")]
    return []


@register()
def celery_has_a_broker(app_configs, **kwargs):
    if not settings.CELERY_TASK_ALWAYS_EAGER and not settings.REDIS_URL:
        return [Error("Tasks are sent to workers but REDIS_URL is not set.", hint="Set REDIS_URL or CELERY_EAGER=1.",
                      id="priemnaya.E002")]
    return []


@register()
def triage_model_loads(app_configs, **kwargs):
    """A TRIAGE_MODEL that is missing or unreadable would leave triage on its rules alone, silently."""
    if not settings.TRIAGE_MODEL:
        return []
    from triage.classifier import ModelError
    from triage.classifier_tree import TreeModel

    try:
        TreeModel.load(settings.TRIAGE_MODEL)
    except ModelError as error:
        return [Error(f"TRIAGE_MODEL cannot be loaded: {error}",
                      hint="Point it at a file written by `manage.py train_classifier`, or unset it.",
                      id="priemnaya.E003")]
    return []


RETENTION_DAYS = ("IDEMPOTENCY_KEY_DAYS", "NOTIFICATION_READ_DAYS", "NOTIFICATION_UNREAD_DAYS", "ACCESS_LOG_DAYS")


@register()
def retention_periods(app_configs, **kwargs):
    """A period of zero days would delete the rows the moment they are written."""
    errors = [Error(f"{name} must be a whole number of days, at least 1; it is {getattr(settings, name)!r}.",
                    id="priemnaya.E004")
              for name in RETENTION_DAYS
              if not isinstance(getattr(settings, name), int) or getattr(settings, name) < 1]
    if errors:
        return errors
    if settings.ACCESS_LOG_DAYS < 365:
        errors.append(Error("ACCESS_LOG_DAYS is under a year: the 152-ФЗ access log would not cover a year's audit.",
                            hint="The default is 1096 days (three years).", id="priemnaya.E005"))
    if settings.NOTIFICATION_UNREAD_DAYS < settings.NOTIFICATION_READ_DAYS:
        errors.append(Error("NOTIFICATION_UNREAD_DAYS is shorter than NOTIFICATION_READ_DAYS: unread notifications "
                            "would go before read ones.", id="priemnaya.E006"))
    return errors

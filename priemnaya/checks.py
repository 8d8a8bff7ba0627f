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
    from triage.classifier import ModelError, TreeModel

    try:
        TreeModel.load(settings.TRIAGE_MODEL)
    except ModelError as error:
        return [Error(f"TRIAGE_MODEL cannot be loaded: {error}",
                      hint="Point it at a file written by `manage.py train_classifier`, or unset it.",
                      id="priemnaya.E003")]
    return []

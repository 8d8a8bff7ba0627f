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


CONSOLE_MAIL = "django.core.mail.backends.console.EmailBackend"


@register()
def mail_is_not_printed(app_configs, **kwargs):
    """Letters to residents hold their addresses and access codes: printed, they would land in the server log."""
    if settings.EMAIL_BACKEND == CONSOLE_MAIL:
        return [Warning("EMAIL_BACKEND prints every letter, residents' personal data and access codes included, "
                        "into the server log.",
                        hint="Leave EMAIL_BACKEND unset (letters are kept as files under var/mail) or set SMTP.",
                        id="priemnaya.W010")]
    return []


PER_PROCESS_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


@register(Tags.caches)
def cache_is_shared(app_configs, **kwargs):
    """Each web worker would keep its own copy, seen stale by the others after a change."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES and not settings.DEBUG:
        return [Warning("The default cache lives in each process: several web workers would not share it.",
                        hint="Leave CACHES to the settings (a file cache under var/, or Redis with REDIS_URL).",
                        id="priemnaya.W011")]
    return []

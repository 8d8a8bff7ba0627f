"""The project's own app config, and configurations of other projects' apps as this one needs them."""

from axes.apps import AppConfig as DjangoAxesConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class PriemnayaConfig(AppConfig):
    """The project itself: its system checks of the settings (apps check their own configuration)."""

    name = "priemnaya"
    verbose_name = "Приёмная"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the system checks)

        post_migrate.connect(_create_cache_table, sender=self)


def _create_cache_table(using: str, **_signal) -> None:
    """The database cache's table, wherever migrate runs (it is no model, so no migration makes it)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class AdminConfig(DjangoAdminConfig):
    default_site = "priemnaya.admin_site.AdminSite"


class AxesConfig(DjangoAxesConfig):
    verbose_name = "Попытки входа"

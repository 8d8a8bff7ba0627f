"""The project's own app config, and configurations of other projects' apps as this one needs them."""

from axes.apps import AppConfig as DjangoAxesConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class PriemnayaConfig(AppConfig):
    """The project itself: its system checks of the settings (apps check their own configuration)."""

    name = "priemnaya"
    verbose_name = "Приёмная"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)


class AdminConfig(DjangoAdminConfig):
    default_site = "priemnaya.admin_site.AdminSite"


class AxesConfig(DjangoAxesConfig):
    verbose_name = "Попытки входа"

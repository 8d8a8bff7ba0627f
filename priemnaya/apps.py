from django.apps import AppConfig


class PriemnayaConfig(AppConfig):
    """The project itself: its system checks of the settings (apps check their own configuration)."""

    name = "priemnaya"
    verbose_name = "Приёмная"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)

from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "appeals"
    verbose_name = "Обращения"

    def ready(self) -> None:
        from . import receivers  # noqa: F401

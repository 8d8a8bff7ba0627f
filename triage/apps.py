from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "triage"
    verbose_name = "Автоматический разбор обращений"

    def ready(self) -> None:
        from . import receivers  # noqa: F401

from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "triage"
    verbose_name = "Автоматический разбор обращений"

    def ready(self) -> None:
        from . import checks, receivers  # noqa: F401  (signal receivers and system checks register on import)

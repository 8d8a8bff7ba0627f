from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "deadlines"
    verbose_name = "Сроки"

    def ready(self) -> None:
        from . import receivers  # noqa: F401

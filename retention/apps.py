from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "retention"
    verbose_name = "Сроки хранения"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)

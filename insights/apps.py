from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Статистика и отчёты"

    def ready(self) -> None:
        from appeals.signals import appeal_changed

        from . import cache

        appeal_changed.connect(cache.appeals_changed, dispatch_uid="insights-appeals-changed")

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Уведомления"

    def ready(self) -> None:
        from appeals import access

        from . import receivers  # noqa: F401
        from .outbox import ACTIONS

        access.add_actions(ACTIONS)

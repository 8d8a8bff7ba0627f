from django.apps import AppConfig


class CallsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "calls"
    verbose_name = "Колл-центр и личный приём"

    def ready(self) -> None:
        from appeals import access

        from .services import ACTIONS

        access.add_actions(ACTIONS)

from django.apps import AppConfig


class MailGatewayConfig(AppConfig):
    name = "mailgateway"
    verbose_name = "Входящая почта"

    def ready(self) -> None:
        from appeals import access

        from .letters import ACTIONS

        access.add_actions(ACTIONS)

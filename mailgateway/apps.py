from django.apps import AppConfig


class MailGatewayConfig(AppConfig):
    name = "mailgateway"
    verbose_name = "Входящая почта"

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Сотрудники и доступ"

    def ready(self):
        from . import permissions, tokens  # noqa: F401  (their receivers)

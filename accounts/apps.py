from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Сотрудники и доступ"

    def ready(self) -> None:
        from priemnaya import checks  # noqa: F401  (registers the project's system checks)

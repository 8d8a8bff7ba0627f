from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AppealsConfig(AppConfig):
    name = "appeals"
    verbose_name = "Обращения"

    def ready(self) -> None:
        from accounts.roles import ensure_roles

        from . import checks, personal_data  # noqa: F401

        # The role permissions are declared on Appeal: set the groups up once they exist.
        post_migrate.connect(ensure_roles, sender=self)

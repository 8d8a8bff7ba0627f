from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = "Системные предложения"

    def ready(self) -> None:
        from accounts.roles import ensure_roles

        from . import checks  # noqa: F401

        # The manage permission is made after this app's migrations: the roles receive it then.
        post_migrate.connect(ensure_roles, sender=self)

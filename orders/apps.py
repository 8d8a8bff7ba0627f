from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OrdersConfig(AppConfig):
    name = "orders"
    verbose_name = "Платные услуги"

    def ready(self) -> None:
        from accounts.roles import ensure_roles
        from appeals import access

        from .workflow import ACTIONS

        access.add_actions(ACTIONS)
        # The order permissions exist only once this app is migrated: the roles are set up again after it.
        post_migrate.connect(ensure_roles, sender=self)

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AppointmentsConfig(AppConfig):
    name = "appointments"
    verbose_name = "Приём в офисе"

    def ready(self) -> None:
        from accounts.roles import ensure_roles

        # The roles hold this app's permission too; it exists only once this app has been migrated.
        post_migrate.connect(ensure_roles, sender=self)

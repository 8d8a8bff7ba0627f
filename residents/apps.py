from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ResidentsConfig(AppConfig):
    name = "residents"
    verbose_name = "Личные кабинеты и форум"

    def ready(self):
        from accounts.roles import ensure_roles

        from . import receivers  # noqa: F401  (a staff log-in ends a resident's session)

        # The moderators' permission exists only once this app's permissions are made, after appeals' migrate.
        post_migrate.connect(ensure_roles, sender=self)

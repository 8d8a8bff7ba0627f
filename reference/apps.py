from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReferenceConfig(AppConfig):
    name = "reference"
    verbose_name = "Справочная информация"

    def ready(self) -> None:
        from accounts.roles import ensure_roles

        # The roles are set up after the appeals app migrates, before this app's permissions exist:
        # once more here, so a supervisor holds «publish an outage» from the first migrate.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="reference-ensure-roles")

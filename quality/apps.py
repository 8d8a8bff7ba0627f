from django.apps import AppConfig
from django.db.models.signals import post_migrate


class QualityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quality"
    verbose_name = "Качество работы операторов"

    def ready(self) -> None:
        from accounts.roles import ensure_roles

        from . import receivers  # noqa: F401

        # The roles hold this app's permissions too; they exist only once this app has migrated.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="quality-ensure-roles")

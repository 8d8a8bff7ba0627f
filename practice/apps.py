from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PracticeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "practice"
    verbose_name = "Учебные звонки"

    def ready(self) -> None:
        from accounts.roles import ensure_roles

        # The app's permissions exist only after its own migrate: the roles get them then.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="practice-ensure-roles")

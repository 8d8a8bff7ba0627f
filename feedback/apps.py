from django.apps import AppConfig
from django.db.models.signals import post_migrate


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Обратная связь"

    def ready(self) -> None:
        from accounts.roles import ensure_roles

        # The roles hold this app's permissions too; they exist only once this app has migrated.
        post_migrate.connect(ensure_roles, sender=self)

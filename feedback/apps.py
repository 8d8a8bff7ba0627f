from django.apps import AppConfig
from django.db.models.signals import post_migrate


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Обратная связь"

    def ready(self) -> None:
        from accounts.roles import ensure_roles
        from appeals import access
        from appeals.workflow import Need

        # The public answers and the reviews: actions of this app, named to the one permission check.
        access.add_actions({
            "publish_answer": ((Need("feedback.publish_answer"),), "Опубликовать ответ в интернет-приёмной"),
            "moderate_reviews": ((Need("feedback.moderate_review"),), "Модерировать отзывы"),
        })

        # The roles hold this app's permissions too; they exist only once this app has migrated.
        post_migrate.connect(ensure_roles, sender=self)

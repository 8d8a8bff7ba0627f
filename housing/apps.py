from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class HousingConfig(AppConfig):
    name = "housing"
    verbose_name = "Жилой фонд"

    def ready(self) -> None:
        from .models import Building
        from .services import forget_streets

        post_save.connect(forget_streets, sender=Building, dispatch_uid="housing-forget-streets-save")
        post_delete.connect(forget_streets, sender=Building, dispatch_uid="housing-forget-streets-delete")

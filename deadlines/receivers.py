from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from priemnaya.request_memo import forget

from .calendar import OVERRIDES_CACHE_KEY
from .models import CalendarOverride, DeadlineNorm
from .norms import NORMS_CACHE_KEY


@receiver([post_save, post_delete], sender=CalendarOverride)
def forget_overrides(**kwargs) -> None:
    cache.delete(OVERRIDES_CACHE_KEY)
    forget(OVERRIDES_CACHE_KEY)


@receiver([post_save, post_delete], sender=DeadlineNorm)
def forget_norms(**kwargs) -> None:
    cache.delete(NORMS_CACHE_KEY)
    forget(NORMS_CACHE_KEY)

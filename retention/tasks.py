"""The daily pruning, run by Celery beat (CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import pruning


@shared_task
def prune() -> dict[str, int]:
    return pruning.prune()

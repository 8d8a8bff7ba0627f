import logging

from django.dispatch import receiver

from appeals.signals import appeal_changed

from . import hub

log = logging.getLogger(__name__)


@receiver(appeal_changed)
def notify_on_change(sender, appeal, action, **kwargs) -> None:
    # The change is committed already: a message that cannot be made is logged, never the person's error.
    try:
        hub.on_appeal_changed(appeal, action)
    except Exception:
        log.exception("no notice of %s for appeal %s", action, appeal.pk)

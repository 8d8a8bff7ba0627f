from django.dispatch import receiver

from appeals.signals import appeal_changed

from . import hub


@receiver(appeal_changed)
def notify_on_change(sender, appeal, action, **kwargs) -> None:
    hub.on_appeal_changed(appeal, action)

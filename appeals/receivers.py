from django.dispatch import receiver

from .signals import appeal_changed

# Actions the applicant hears about (the status page shows all public events anyway).
APPLICANT_ACTIONS = {"received", "register", "request_clarification", "wait_applicant", "extend",
                     "answer", "refuse", "escalate", "reopen"}


@receiver(appeal_changed)
def notify_on_change(sender, appeal, action, **kwargs) -> None:
    from . import tasks

    if action in APPLICANT_ACTIONS:
        tasks.notify_applicant.delay(appeal.pk, action)
    if action == "assigned" and appeal.assignee_id:
        tasks.notify_assignee.delay(appeal.pk)

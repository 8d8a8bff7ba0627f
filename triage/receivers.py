"""Triage reacts to the appeal domain's changes; the appeal domain never calls triage."""

from django.dispatch import receiver

from appeals.models import AppealEvent
from appeals.signals import appeal_changed


@receiver(appeal_changed)
def triage_on_change(sender, appeal, action, **kwargs) -> None:
    from . import tasks

    if action == "received":
        tasks.triage_new_appeal.delay(appeal.pk)
    elif action == "register":
        tasks.route_appeal.delay(appeal.pk)
    elif action == "classified":
        tasks.link_incident.delay(appeal.pk)
        event = (AppealEvent.objects.filter(appeal=appeal, action="classified", field="reason")
                 .order_by("-at", "-id").first())
        if event is not None and event.actor_id is not None and appeal.reason_id:
            tasks.learn_from_choice.delay(appeal.pk, event.actor_id, appeal.reason_id)

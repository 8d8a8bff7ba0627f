"""Triage reacts to the appeal domain's changes; the appeal domain never calls triage."""

from django.dispatch import receiver

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
        tasks.learn_from_choice.delay(appeal.pk)

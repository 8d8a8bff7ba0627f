"""Who is told what, and how: the one place deciding it.

An applicant hears of their appeal by e-mail when they left one, by SMS when they left only a phone and SMS
notices are on (SMS_NOTIFY), else not at all (the status page and the letter by post remain). Staff see their
assignments among their notices in the back office and get one digest of due dates a day. An organisation (the
Regional HQ) gets its letters by e-mail. Each message is a row (notifications.models.Message) sent by a task
after the change is committed."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Company
from appeals.load import people_with_perm
from appeals.models import Appeal, Notification

from . import sms
from .defaults import TEMPLATES
from .events import APPLICANT_ACTIONS, EVENTS
from .models import Channel, Message, Subscription, Template
from .rendering import render

log = logging.getLogger(__name__)


def on_appeal_changed(appeal: Appeal, action: str) -> None:
    """React to a change of an appeal (appeals.signals.appeal_changed, sent after commit)."""
    event = APPLICANT_ACTIONS.get(action)
    if event is not None:
        tell_applicant(appeal, event)
    if action == "assigned" and appeal.assignee_id:
        Notification.objects.get_or_create(user_id=appeal.assignee_id, appeal=appeal,
                                           kind=Notification.Kind.ASSIGNED, due=appeal.answer_due)


def applicant_channel(applicant, *, email_only: bool = False) -> tuple[str, str] | None:
    """The channel and address an applicant is told by, or None."""
    if applicant is None:
        return None
    if applicant.email:
        return Channel.EMAIL, applicant.email
    if applicant.phone and sms.enabled() and not email_only:
        return Channel.SMS, applicant.phone
    return None


def _local_date(moment) -> str:
    return f"{timezone.localtime(moment):%d.%m.%Y}" if moment else ""


def appeal_values(appeal: Appeal) -> dict:
    """The plain values an applicant's message about the appeal may use (the access code is theirs only)."""
    company = Company.current()
    notice = company.hq_notice()
    answer = appeal.answer_text or ""
    return {
        "number": appeal.number,
        "status": appeal.get_status_display().lower(),
        "applicant_name": appeal.applicant.full_name if appeal.applicant else "",
        "access_code": appeal.access_code,
        "company_name": company.short_name,
        "company_phone": company.hotline or company.phone,
        "answer_due": _local_date(appeal.answer_due),
        "extension_reason": appeal.extension_reason or "",
        "answer_text": answer,
        # W7: a refusal, or a decision not in the applicant's favour, names the HQ and its contacts once.
        "hq_notice": notice if appeal.needs_hq_notice and notice not in answer else "",
        "note": "",
    }


def tell_applicant(appeal: Appeal, event: str, *, values: dict | None = None,
                   attachments: list | None = None, email_only: bool = False,
                   once_key: str | None = None) -> Message | None:
    """Queue the message of `event` to the appeal's applicant by their channel; None when there is none.
    `email_only`: a message that is a file (an invoice) does not go by SMS. An appeal nobody left a name
    for (most calls, the API's bulk intake) has no one to tell: it is not read again for that."""
    if appeal.applicant_id is None:
        return None
    appeal = Appeal.objects.select_related("applicant").get(pk=appeal.pk)
    route = applicant_channel(appeal.applicant, email_only=email_only)
    if route is None:
        return None
    channel, address = route
    return compose(event, channel, address, {**appeal_values(appeal), **(values or {})}, appeal=appeal,
                   attachments=attachments, once_key=once_key)


def tell_organisation(event: str, address: str, values: dict, *, appeal: Appeal | None = None,
                      once_key: str | None = None) -> Message | None:
    """Queue a letter to an organisation's address: by e-mail, whatever its subscription (it is no resident)."""
    if not EVENTS[event].essential:
        raise ValueError(f"A letter to an organisation is essential: {event}")
    return compose(event, Channel.EMAIL, address, values, appeal=appeal, once_key=once_key)


def on_hq_request(appeal: Appeal, key: str, *, hq_address: str, letter: dict, confirmation: dict) -> Message | None:
    """A resident appealed to the Regional HQ (W7): the letter to the HQ when its address is known, a notice to
    everyone who escalates appeals (without the address they forward it themselves), and the resident's
    confirmation by their channel. `key` makes each message once-only. Returns the HQ letter, if any."""
    sent = tell_organisation("hq_request", hq_address, letter, appeal=appeal,
                             once_key=f"hq_request:{key}") if hq_address else None
    for user in people_with_perm("escalate_appeal"):
        Notification.objects.create(user=user, appeal=appeal, kind=Notification.Kind.HQ_REQUEST)
    tell_applicant(appeal, "hq_confirmation", values=confirmation, once_key=f"hq_confirmation:{key}")
    return sent


def unsubscribe_url(address: str) -> str:
    token = Subscription.of(address).token
    return settings.SITE_URL.rstrip("/") + reverse("notifications:unsubscribe", args=[token])


def may_send(event: str, address: str) -> bool:
    """Essential messages always go; the others not to an address that opted out."""
    if EVENTS[event].essential:
        return True
    return not Subscription.objects.filter(address=address.strip().lower(), opted_out_at__isnull=False).exists()


def words_of(event: str, channel: str) -> Template | None:
    """The staff's template of the event in the channel, else the default one (a deleted row still sends)."""
    template = Template.objects.filter(event=event, channel=channel).first()
    if template is None:
        found = [t for t in TEMPLATES if t[:2] == (event, channel)]
        template = Template(event=event, channel=channel, subject=found[0][2], body=found[0][3]) if found else None
    return template


def compose(event: str, channel: str, address: str, values: dict, *, appeal: Appeal | None = None,
            user=None, attachments: list | None = None, once_key: str | None = None) -> Message | None:
    """Render the event's template into a message row and send it after commit."""
    if not may_send(event, address):
        return None
    if not EVENTS[event].essential:
        values = {**values, "unsubscribe_url": unsubscribe_url(address)}
    template = words_of(event, channel)
    if template is None:
        log.warning("no %s template for %s: nothing sent", channel, event)
        return None
    try:
        with transaction.atomic():
            message = Message.objects.create(
                event=event, channel=channel, recipient=address, appeal=appeal, user=user,
                subject=render(template.subject, values)[:300], body=render(template.body, values),
                attachments=attachments or [], once_key=once_key)
    except IntegrityError:  # this once-only message is already there
        return None
    transaction.on_commit(lambda: dispatch(message.pk))
    return message


def dispatch(message_id: int) -> None:
    """Hand the message to the delivery task; a broker failure leaves it queued for the periodic retry."""
    from .tasks import deliver

    try:
        deliver.delay(message_id)
    except Exception:
        log.exception("message %s not handed to the queue", message_id)
        Message.objects.filter(pk=message_id, status=Message.Status.QUEUED).update(
            status=Message.Status.ERROR, next_attempt_at=timezone.now())

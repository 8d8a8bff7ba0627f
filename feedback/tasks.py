"""After a resident appeals to the Regional HQ: the letter to the HQ, the supervisors' notices, the confirmation."""

from celery import shared_task
from django.core.mail import send_mail
from django.utils import timezone

from appeals.load import people_with_perm
from appeals.models import Notification

from .hq import hq_letter, resident_letter
from .models import HqRequest


@shared_task
def send_hq_request(request_id: int) -> bool:
    request = HqRequest.objects.select_related("appeal__applicant", "appeal__building").filter(pk=request_id).first()
    if request is None:
        return False
    if request.hq_email and request.letter_sent_at is None:
        send_mail(*hq_letter(request), None, [request.hq_email])
        HqRequest.objects.filter(pk=request.pk).update(letter_sent_at=timezone.now())
    # The supervisors see it whether or not the letter went: without the HQ's e-mail they forward it themselves.
    for user in people_with_perm("escalate_appeal"):
        Notification.objects.create(user=user, appeal=request.appeal, kind=Notification.Kind.HQ_REQUEST)
    applicant = request.appeal.applicant
    if applicant is not None and applicant.email:
        send_mail(*resident_letter(request), None, [applicant.email])
    return True

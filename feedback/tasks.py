"""After a resident appeals to the Regional HQ: the letter to the HQ, the supervisors' notices, the confirmation,
as the notifications hub decides (each letter a message row, sent and retried by its own task)."""

from celery import shared_task
from django.utils import timezone

from notifications import hub

from .hq import confirmation_values, hq_letter_values
from .models import HqRequest


@shared_task
def send_hq_request(request_id: int) -> bool:
    request = HqRequest.objects.select_related("appeal__applicant", "appeal__building").filter(pk=request_id).first()
    if request is None or request.letter_sent_at is not None:
        return False
    letter = hub.on_hq_request(request.appeal, str(request.pk), hq_address=request.hq_email,
                               letter=hq_letter_values(request), confirmation=confirmation_values(request))
    if letter is not None:  # handed to the outgoing mail; its delivery is the message's own record
        HqRequest.objects.filter(pk=request.pk).update(letter_sent_at=timezone.now())
    return True

"""A resident's appeal to the Regional HQ for consumers (W7), made from the public site.

Open to the holder of the appeal's number and access code once the appeal has been answered or its answer
is overdue. The request is kept, shown on the resident's timeline, and (after commit) sent to the HQ by
e-mail, told to the supervisors and confirmed to the resident (`feedback.tasks`, through the notifications hub).
"""

from django.db import transaction
from django.utils import timezone

from accounts.models import Company
from appeals import services
from appeals.choices import Status
from appeals.models import Appeal
from appeals.tracking import answer_due_text

from .errors import FeedbackError
from .models import HqRequest
from .summaries import has_answer

TEXT_MAX = 3000
ACTION = "hq_request"


def hq_refusal(appeal: Appeal) -> str:
    """Why the resident cannot appeal to the HQ through the site now; empty when they can."""
    if has_answer(appeal) or appeal.due_state().is_overdue:
        return ""
    if appeal.status == Status.WITHDRAWN:
        return "Обращение отозвано, рассмотрение прекращено: направить его в Штаб нельзя."
    due = answer_due_text(appeal)
    return ("Обращение ещё рассматривается" + (f", срок ответа — {due}" if due else "") + ". Обратиться в Штаб "
            "можно, когда будет дан ответ или если срок ответа истечёт, а ответа не будет.")


def _checked_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise FeedbackError("Напишите, с чем вы не согласны.", "text")
    if len(text) > TEXT_MAX:
        raise FeedbackError(f"Текст не должен быть длиннее {TEXT_MAX} знаков (сейчас {len(text)}).", "text")
    return text


@transaction.atomic
def request_hq(appeal: Appeal, text: str) -> HqRequest:
    """Record the resident's appeal to the HQ on the appeal; the letters and notices follow the commit."""
    from . import tasks

    refusal = hq_refusal(appeal)
    if refusal:
        raise FeedbackError(refusal, "appeal")
    request = HqRequest.objects.create(appeal=appeal, text=_checked_text(text), hq_email=Company.current().hq_email)
    services.note(appeal, None, ACTION, f"Заявитель не согласен: {request.text}", public=True)
    transaction.on_commit(lambda: tasks.send_hq_request.delay(request.pk))
    return request


def _when(moment) -> str:
    return f"{timezone.localtime(moment):%d.%m.%Y}" if moment else "—"


def hq_letter_values(request: HqRequest) -> dict:
    """What the letter to the HQ tells (its words are the «hq_request» template): the appeal, the answer and
    the resident's words; not the access code."""
    appeal, company = request.appeal, Company.current()
    applicant = appeal.applicant
    contacts = ", ".join(part for part in (applicant.phone, applicant.email) if part) if applicant else ""
    return {
        "hq_name": company.hq_name, "number": appeal.number, "company_name": company.short_name,
        "company_full_name": company.name, "received": _when(appeal.received_at),
        "answer_due": _when(appeal.answer_due), "answered": _when(appeal.answered_at) if appeal.answered_at else "",
        "applicant_name": applicant.full_name if applicant else "", "applicant_contacts": contacts,
        "address": appeal.problem_address or "", "appeal_text": appeal.text,
        "answer_text": appeal.answer_text if appeal.answered_at else "",
        "request_date": _when(request.created_at), "request_text": request.text,
    }


def confirmation_values(request: HqRequest) -> dict:
    """What the resident's confirmation adds to the appeal's own values: the HQ, its contacts, the day."""
    company = Company.current()
    return {"hq_name": company.hq_name, "hq_notice": company.hq_notice(), "request_date": _when(request.created_at)}

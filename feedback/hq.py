"""A resident's appeal to the Regional HQ for consumers (W7), made from the public site.

Open to the holder of the appeal's number and access code once the appeal has been answered or its answer
is overdue. The request is kept, shown on the resident's timeline, and (after commit) sent to the HQ by
e-mail, told to the supervisors and confirmed to the resident (`feedback.tasks`).
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


def hq_letter(request: HqRequest) -> tuple[str, str]:
    """The subject and the text of the letter to the HQ: the appeal, the answer and the resident's words."""
    appeal, company = request.appeal, Company.current()
    applicant = appeal.applicant
    contacts = ", ".join(part for part in (applicant.phone, applicant.email) if part) if applicant else ""
    lines = [
        f"{company.hq_name}", "",
        f"Заявитель по обращению № {appeal.number} в {company.name} не согласен с результатом его рассмотрения "
        "и просит Штаб рассмотреть вопрос.", "",
        f"Обращение поступило: {_when(appeal.received_at)}",
        f"Срок ответа: {_when(appeal.answer_due)}",
        f"Ответ дан: {_when(appeal.answered_at) if appeal.answered_at else 'ответа нет, срок истёк'}",
        f"Заявитель: {applicant.full_name if applicant else 'не указан'}" + (f" ({contacts})" if contacts else ""),
        f"Адрес: {appeal.problem_address or 'не указан'}", "",
        "Текст обращения:", appeal.text, "",
        "Ответ управляющей компании:", appeal.answer_text if appeal.answered_at else "Ответ не дан.", "",
        f"С чем не согласен заявитель ({_when(request.created_at)}):", request.text,
    ]
    return f"Обращение заявителя по № {appeal.number} ({company.short_name})", "\n".join(lines)


def resident_letter(request: HqRequest) -> tuple[str, str]:
    """The confirmation sent to the resident who left an e-mail."""
    appeal, company = request.appeal, Company.current()
    body = (f"Ваше обращение в {company.hq_name} по обращению № {appeal.number} принято "
            f"{_when(request.created_at)} и направлено в Штаб вместе с текстом обращения и ответом.\n\n"
            f"{company.hq_notice()}\n\nПроверить статус: номер {appeal.number}, код доступа {appeal.access_code}.")
    return f"Обращение в Штаб по № {appeal.number}", body

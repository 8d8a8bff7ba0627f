"""What a resident (or anyone holding the number and the access code) may see of an appeal (CH4, A9).

Built only from the appeal's own fields and its public history, each step told in the resident's
words by the table below. Never from event notes (they are internal), never names, phones,
e-mails, flats or addresses: whoever has the code sees the course of the case, not the people.
Even the answer letter, which addresses the applicant by name, is shown with the people hidden
(`appeals.masking`); the full letter reaches the applicant through their own channel (`full_letter_by`).
"""

import datetime as dt
import hmac
import re
from dataclasses import dataclass

from django.db import models

from accounts.models import Company
from deadlines.calendar import MOSCOW

from .choices import PAUSED_STATUSES, Kind, Status
from .masking import HIDDEN, People, hide_personal_data
from .models import Appeal


class Stage(models.TextChoices):
    """Where the case stands, as the resident sees it: the life cycle's internal steps fold into these."""

    RECEIVED = "received", "Получено"
    REGISTERED = "registered", "Зарегистрировано"
    IN_WORK = "in_work", "В работе"
    WAITING_FOR_YOU = "waiting_for_you", "Нужны сведения от вас"
    EXTENDED = "extended", "Срок продлён"
    ANSWERED = "answered", "Дан ответ"
    ESCALATED = "escalated", "Передано в вышестоящую организацию"
    CLOSED = "closed", "Рассмотрение завершено"
    WITHDRAWN = "withdrawn", "Отозвано"
    HQ_REQUESTED = "hq_requested", "Направлено в Региональный штаб"


@dataclass(frozen=True)
class Step:
    """One line of the resident's timeline; `{due}` in the text is the answer deadline."""

    stage: Stage
    text: str


_IN_WORK = Step(Stage.IN_WORK, "Обращение принято в работу")
_WAITING = Step(Stage.WAITING_FOR_YOU, "Нужны сведения от вас. Сотрудник свяжется с вами")

# Each action of the history → the step the resident is told, or None: the staff's own
# back-and-forth (drafts, revisions, requests to other organisations) is simply "in work".
RESIDENT_STEPS: dict[str, Step | None] = {
    "received": Step(Stage.RECEIVED, "Обращение получено"),
    "request_clarification": _WAITING,
    "clarified": Step(Stage.RECEIVED, "Сведения от вас получены, обращение ждёт регистрации"),
    "register": Step(Stage.REGISTERED, "Обращение зарегистрировано"),
    "assign": _IN_WORK,
    "start": _IN_WORK,
    "wait_applicant": _WAITING,
    "applicant_replied": Step(Stage.IN_WORK, "Сведения от вас получены, работа продолжается"),
    "wait_external": None,
    "external_replied": None,
    "draft_answer": None,
    "revise": None,
    "extend": Step(Stage.EXTENDED, "Срок рассмотрения продлён до {due}"),
    "answer": Step(Stage.ANSWERED, "Дан ответ"),
    "refuse": Step(Stage.ANSWERED, "Дан ответ: обоснованный отказ"),
    "escalate": Step(Stage.ESCALATED, "Обращение передано в вышестоящую организацию"),
    "close": Step(Stage.CLOSED, "Рассмотрение завершено"),
    "reopen": Step(Stage.IN_WORK, "Рассмотрение возобновлено"),
    "withdraw": Step(Stage.WITHDRAWN, "Обращение отозвано"),
    "hq_request": Step(Stage.HQ_REQUESTED,
                       "Заявитель направил обращение в Региональный штаб по работе с потребителями"),
}
# Steps that tell something without changing where the case stands.
_ASIDE = frozenset({Stage.EXTENDED, Stage.HQ_REQUESTED})

# What is needed is never taken from the staff's notes: the resident is told who will ask.
WAITING_HINT = ("Чтобы ответить, нам нужны сведения от вас. Сотрудник сам свяжется с вами и скажет, что нужно. "
                "Пока мы ждём, срок ответа не идёт: он сдвинется на время ожидания.")
_WORKING = "Обращение рассматривается. Ответ будет дан не позднее срока, указанного ниже."
# The status of the appeal → where the case stands for the resident, and what that means for them.
RESIDENT_STATUS: dict[str, tuple[Stage, str]] = {
    Status.RECEIVED: (Stage.RECEIVED, "Обращение получено и ждёт регистрации."),
    Status.CLARIFICATION: (Stage.WAITING_FOR_YOU, WAITING_HINT),
    Status.REGISTERED: (Stage.REGISTERED, "Обращение зарегистрировано, скоро им займётся ответственный сотрудник."),
    Status.ASSIGNED: (Stage.IN_WORK, _WORKING),
    Status.IN_PROGRESS: (Stage.IN_WORK, _WORKING),
    Status.WAITING_APPLICANT: (Stage.WAITING_FOR_YOU, WAITING_HINT),
    Status.WAITING_EXTERNAL: (Stage.IN_WORK, _WORKING),
    Status.ANSWER_DRAFTED: (Stage.IN_WORK, _WORKING),
    Status.ANSWERED: (Stage.ANSWERED, "Ответ дан, его текст — ниже."),
    Status.ESCALATED: (Stage.ESCALATED, "Обращение передано на рассмотрение в вышестоящую организацию."),
    Status.CLOSED: (Stage.CLOSED, "Если вопрос остался нерешённым, позвоните нам или подайте новое обращение."),
    Status.WITHDRAWN: (Stage.WITHDRAWN, "Обращение отозвано, рассмотрение прекращено."),
}

# Statuses in which the answer has been sent to the applicant.
_ANSWER_SHOWN = frozenset({Status.ANSWERED, Status.CLOSED, Status.ESCALATED})

_NUMBER = re.compile(r"^(\d{2}|\d{4})(?:-(\d{1,6})|(\d{6}))$")
# Cyrillic letters that look like the Latin ones of the code: people copy it from paper.
_LOOKALIKES = str.maketrans("АВЕКМНОРСТУХЗ", "ABEKMHOPCTYX3")
# Stands in for the stored code when the number is unknown, so both misses take the same path.
_NO_CODE = "-" * 10


def normalize_number(raw: str) -> str:
    """«26-004217» from « 26 - 004217 », «№26-004217», «26004217» or «26-4217»."""
    number = re.sub(r"[\s№#]", "", raw or "")
    match = _NUMBER.match(number)
    return f"{match[1]}-{(match[2] or match[3]).zfill(6)}" if match else number


def normalize_code(raw: str) -> str:
    """Access codes are upper-case Latin; people type them with spaces, in lower case or in Cyrillic."""
    return re.sub(r"[\s-]", "", raw or "").upper().translate(_LOOKALIKES)


def find_tracked(number: str, code: str) -> Appeal | None:
    """The appeal with this number and access code, or None; a wrong code and an unknown number look the same."""
    number, code = normalize_number(number), normalize_code(code)
    appeal = Appeal.objects.filter(number=number).first() if number else None
    stored = appeal.access_code if appeal else _NO_CODE
    matches = hmac.compare_digest(stored.encode(), code.encode())
    return appeal if appeal is not None and code and matches else None


def _day_and_hour(moment: dt.datetime) -> tuple[str, str]:
    local = moment.astimezone(MOSCOW)
    return f"{local:%d.%m.%Y}", f"{local:%H:%M}"


def _extended_until(appeal: Appeal) -> str:
    day, hour = _day_and_hour(appeal.answer_due)
    return f"{day}, {hour}" if appeal.counted_in_hours else day


def answer_due_text(appeal: Appeal) -> str:
    """The answer deadline as the resident reads it, in Moscow time.

    «02.12.2026 до 14:30» when its hour matters (emergencies), «15.12.2026» when it ends with the
    day, «продлён до 15.12.2026» once extended.
    """
    if appeal.answer_due is None:
        return ""
    if appeal.extended_at is not None:
        return f"продлён до {_extended_until(appeal)}"
    day, hour = _day_and_hour(appeal.answer_due)
    return f"{day} до {hour}" if appeal.counted_in_hours else day


def resident_timeline(appeal: Appeal) -> list[dict]:
    """The dated steps of the case in the resident's words; a step already reached is not repeated.

    An extension is told with the deadline that holds now (a later pause moves it on), the same
    date the status line gives.
    """
    steps, stage = [], None
    for event in appeal.events.filter(is_public=True).order_by("at", "id"):
        step = RESIDENT_STEPS.get(event.action)
        if step is None or step.stage == stage:
            continue
        text = step.text.format(due=_extended_until(appeal)) if step.stage == Stage.EXTENDED else step.text
        steps.append({"at": event.at, "step": step.stage, "text": text})
        if step.stage not in _ASIDE:  # an extension changes the date, not where the case stands
            stage = step.stage
    return steps


def resident_status(appeal: Appeal) -> tuple[Stage, str]:
    """Where the case stands for the resident and what it means for them (one sentence)."""
    return RESIDENT_STATUS[appeal.status]


def people_of(appeal: Appeal) -> People:
    """The appeal's applicant and clerk as the masking knows them, and the company's contacts to keep."""
    applicant, assignee, company = appeal.applicant, appeal.assignee, Company.current()
    names = (applicant.full_name,) if applicant else ()
    names += (assignee.first_name, assignee.last_name) if assignee else ()
    written = (applicant.email, applicant.postal_address) if applicant else ()
    return People(names=names, phones=(applicant.phone,) if applicant else (), written=(*written, appeal.address_text),
                  own_phones=(company.phone, company.hotline, company.hq_phone),
                  own_emails=(company.email, company.hq_email))


def _answer(appeal: Appeal, notice: str) -> str:
    if appeal.status not in _ANSWER_SHOWN or appeal.answered_at is None:
        return ""
    # The notice is appended to the answer when it is sent; the page shows it apart, in its own box.
    text = appeal.answer_text.strip()
    text = text[: -len(notice)].rstrip() if notice and text.endswith(notice) else text
    return hide_personal_data(text, people_of(appeal))


def full_letter_by(appeal: Appeal) -> str:
    """How the full answer, with the applicant's own details, reaches them: «email» when they left an
    e-mail (`notifications.hub` sends it), otherwise «in_person» (a letter by post or at the office)."""
    return "email" if appeal.applicant is not None and appeal.applicant.email else "in_person"


def public_status(appeal: Appeal) -> dict:
    """The public view of an appeal: no personal data of anyone, no internal step."""
    answered = appeal.status in _ANSWER_SHOWN and appeal.answered_at is not None
    notice = Company.current().hq_notice() if answered and appeal.needs_hq_notice else ""
    stage, hint = resident_status(appeal)
    answer = _answer(appeal, notice)
    return {
        "number": appeal.number,
        "kind": appeal.kind,
        "kind_label": Kind(appeal.kind).label,
        "status": stage,
        "status_label": stage.label,
        "status_hint": hint,
        "is_open": appeal.is_open,
        "is_paused": appeal.status in PAUSED_STATUSES,
        "received_at": appeal.received_at,
        "registered_at": appeal.registered_at,
        "registration_due": appeal.registration_due,
        "answer_due": appeal.answer_due,
        "answer_due_has_time": appeal.counted_in_hours,
        "answer_due_text": answer_due_text(appeal),
        "is_extended": appeal.extended_at is not None,
        "answered_at": appeal.answered_at if answered else None,
        "answer_text": answer,
        "answer_has_hidden": HIDDEN in answer,
        "full_letter_by": full_letter_by(appeal) if answer else "",
        "is_refusal": answered and appeal.is_refusal,
        "hq_notice": notice,
        "timeline": resident_timeline(appeal),
    }

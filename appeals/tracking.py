"""What an applicant (or anyone holding the number and the code) may see of an appeal.

Built only from the appeal's own fields and its public history, with each step told by the
life cycle's public note. Never from event notes (they are internal), never names, phones,
e-mails, flats or addresses: whoever has the code sees the course of the case, not the people.
"""

import hmac
import re

from accounts.models import Company

from .choices import PAUSED_STATUSES, Kind, Status
from .models import Appeal
from .workflow import TRANSITIONS

RECEIVED_NOTE = "Обращение получено."

# Statuses in which the answer has been sent to the applicant.
_ANSWER_SHOWN = frozenset({Status.ANSWERED, Status.CLOSED, Status.ESCALATED})

STATUS_HINTS = {
    Status.RECEIVED: "Обращение получено и ждёт регистрации.",
    Status.CLARIFICATION: "Нам нужны уточнения. Сотрудник свяжется с вами; срок рассмотрения пока приостановлен.",
    Status.REGISTERED: "Обращение зарегистрировано, назначается ответственный сотрудник.",
    Status.ASSIGNED: "Ответственный сотрудник назначен и приступает к работе.",
    Status.IN_PROGRESS: "Обращение рассматривается.",
    Status.WAITING_APPLICANT: "Нам нужны сведения от вас. Сотрудник свяжется с вами; срок пока приостановлен.",
    Status.WAITING_EXTERNAL: "Мы запросили сведения у ресурсоснабжающей организации и ждём её ответа.",
    Status.ANSWER_DRAFTED: "Ответ готовится к отправке.",
    Status.ANSWERED: "Ответ дан. Текст ответа — ниже.",
    Status.ESCALATED: "Обращение передано в вышестоящую организацию.",
    Status.CLOSED: "Рассмотрение обращения завершено.",
    Status.WITHDRAWN: "Обращение отозвано.",
}

_NUMBER = re.compile(r"^(\d{2})(?:-(\d{1,6})|(\d{6}))$")
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


def public_timeline(appeal: Appeal) -> list[dict]:
    """Dated steps of the public history, each told by the life cycle's public note."""
    steps = []
    for event in appeal.events.filter(is_public=True).order_by("at", "id"):
        if event.action == "received":
            text = RECEIVED_NOTE
        elif event.action in TRANSITIONS:
            text = TRANSITIONS[event.action].public_note
        else:
            continue
        if text:
            steps.append({"at": event.at, "text": text})
    return steps


def _answer(appeal: Appeal, notice: str) -> str:
    if appeal.status not in _ANSWER_SHOWN or appeal.answered_at is None:
        return ""
    # The notice is appended to the answer when it is sent; the page shows it apart, in its own box.
    text = appeal.answer_text.strip()
    return text[: -len(notice)].rstrip() if notice and text.endswith(notice) else text


def public_status(appeal: Appeal) -> dict:
    """The public view of an appeal: no personal data of anyone."""
    answered = appeal.status in _ANSWER_SHOWN and appeal.answered_at is not None
    notice = Company.current().hq_notice() if answered and appeal.needs_hq_notice else ""
    return {
        "number": appeal.number,
        "kind": appeal.kind,
        "kind_label": Kind(appeal.kind).label,
        "status": appeal.status,
        "status_label": Status(appeal.status).label,
        "status_hint": STATUS_HINTS.get(appeal.status, ""),
        "is_open": appeal.is_open,
        "is_paused": appeal.status in PAUSED_STATUSES,
        "received_at": appeal.received_at,
        "registered_at": appeal.registered_at,
        "registration_due": appeal.registration_due,
        "answer_due": appeal.answer_due,
        "is_extended": appeal.extended_at is not None,
        "answered_at": appeal.answered_at if answered else None,
        "answer_text": _answer(appeal, notice),
        "is_refusal": answered and appeal.is_refusal,
        "hq_notice": notice,
        "timeline": public_timeline(appeal),
    }

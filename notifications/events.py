"""The events people are told of: who hears of each, whether they may opt out, and which plain values its
template may use. Templates (notifications.models.Template) are keyed by these codes."""

from dataclasses import dataclass

APPLICANT = "applicant"
STAFF = "staff"
ORGANISATION = "organisation"  # an outside body's address (the Regional HQ), by e-mail


@dataclass(frozen=True)
class Event:
    code: str
    label: str
    audience: str
    essential: bool  # an essential message goes even to one who opted out
    placeholders: tuple[str, ...]


_APPEAL = ("number", "status", "applicant_name", "access_code", "company_name", "company_phone")
# The HQ is told the appeal, the answer and the resident's words, never the access code.
_HQ_LETTER = ("hq_name", "number", "company_name", "company_full_name", "received", "answer_due", "answered",
              "applicant_name", "applicant_contacts", "address", "appeal_text", "answer_text", "request_date",
              "request_text")

EVENTS = {event.code: event for event in (
    Event("registered", "Обращение зарегистрировано", APPLICANT, True, _APPEAL + ("answer_due",)),
    Event("clarification", "Нужны уточнения", APPLICANT, True, _APPEAL + ("note",)),
    Event("extended", "Срок продлён", APPLICANT, True, _APPEAL + ("answer_due", "extension_reason")),
    Event("answered", "Дан ответ", APPLICANT, True, _APPEAL + ("answer_text", "hq_notice")),
    Event("refused", "Отказ", APPLICANT, True, _APPEAL + ("answer_text", "hq_notice")),
    Event("status", "Изменился статус", APPLICANT, False, _APPEAL + ("unsubscribe_url",)),
    Event("survey", "Опрос о качестве ответа", APPLICANT, False,
          _APPEAL + ("survey_url", "survey_until", "unsubscribe_url")),
    Event("invoice", "Счёт на оплату", APPLICANT, True,
          _APPEAL + ("invoice_number", "invoice_date", "invoice_total", "service_name", "supplier_name")),
    Event("letter", "Письмо заявителю (PDF)", APPLICANT, True,
          _APPEAL + ("letter_number", "letter_date", "letter_kind")),
    Event("hq_confirmation", "Обращение в Региональный штаб принято", APPLICANT, True,
          _APPEAL + ("hq_name", "hq_notice", "request_date")),
    Event("hq_request", "Письмо в Региональный штаб", ORGANISATION, True, _HQ_LETTER),
    Event("digest", "Сводка сроков для сотрудника", STAFF, False,
          ("person_name", "overdue", "due_soon", "total", "unsubscribe_url")),
)}

# Changes of an appeal the applicant hears of, and as which event.
APPLICANT_ACTIONS = {
    "register": "registered",
    "request_clarification": "clarification",
    "extend": "extended",
    "answer": "answered",
    "refuse": "refused",
    "received": "status",
    "wait_applicant": "status",
    "escalate": "status",
    "reopen": "status",
}

EVENT_CHOICES = [(event.code, event.label) for event in EVENTS.values()]

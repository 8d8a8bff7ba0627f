"""The API's contract: what clients send and what they get back.

Times go out in Moscow time with the offset (+03:00); a deadline counted in days ends at
23:59:59 of its day. Inputs refuse unknown fields so that a typo is an error, not silence.
"""

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import AwareDatetime, ConfigDict, Field, field_validator

from appeals.choices import Channel, Complexity, Favour, Kind, Priority, Status
from appeals.contacts import check_email
from appeals.dates import LATEST_FILTER_DATE, check_filter_date, check_received_at, earliest_received
from appeals.errors import AppealError
from appeals.journal import DUE_CHOICES
from appeals.services import MAX_TEXT
from appeals.tracking import Stage
from deadlines.calendar import MOSCOW

Due = Literal[tuple(DUE_CHOICES)]


MAX_ID = 2**63 - 1  # ids are 64-bit; a bigger number is refused, not sent to the database


_EARLIEST = f"{earliest_received():%Y-%m-%d}"
_LATEST = f"{LATEST_FILTER_DATE:%Y-%m-%d}"


def _domain(check, *args):
    """A domain check's value; its message as the field's error."""
    try:
        return check(*args)
    except AppealError as error:
        raise ValueError(error.message) from None


# What the schema says of every string the server stores: no NUL (see CleanStrings).
NO_NUL = "^[^\\x00]*$"
# Text that must say something: a character that is no space, in Python's sense and JSON Schema's alike.
NOT_BLANK = "^[^\\x00]*[^\\s\\x00\\x1c-\\x1f\\x85][^\\x00]*$"
SLUG = "^[-a-zA-Z0-9_]+$"  # codes of the classifier and of departments, and ids


def _document_strings(schema: dict) -> None:
    """Every string property of an input says in the schema that it takes no NUL."""
    for prop in schema.get("properties", {}).values():
        for variant in [prop, *prop.get("anyOf", [])]:
            if variant.get("type") == "string" and "pattern" not in variant and "enum" not in variant \
                    and "format" not in variant:
                variant["pattern"] = NO_NUL


class CleanStrings(Schema):
    model_config = ConfigDict(json_schema_extra=_document_strings)

    @field_validator("*")
    @classmethod
    def _storable(cls, value):
        # NUL and lone surrogates parse as JSON but no database stores them
        if isinstance(value, str) and ("\x00" in value or not _encodes(value)):
            raise ValueError("Строка содержит недопустимые символы.")
        return value


def _encodes(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Input(CleanStrings):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_document_strings)


# ---- what clients send ----

class ApplicantIn(Input):
    full_name: str = Field(..., min_length=1, max_length=300, description="Фамилия, имя, отчество")
    phone: str = Field("", max_length=40, description="Телефон в любом привычном виде: 8 921 123-45-67")
    email: str = Field("", max_length=254)
    postal_address: str = Field("", max_length=400, description="Почтовый адрес для письменного ответа")
    is_disabled: bool = False
    is_veteran: bool = False
    is_elderly: bool = False
    is_low_income: bool = False

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        try:
            return check_email(value)
        except AppealError as error:
            raise ValueError(error.message) from None


class AppealIn(Input):
    text: str = Field(..., min_length=1, max_length=MAX_TEXT, pattern=NOT_BLANK,
                      description="Текст обращения: не пустой и не из одних пробелов")
    kind: Kind = Kind.APPEAL
    channel: Channel = Channel.API
    received_at: AwareDatetime | None = Field(
        None, description="Когда поступило, ISO 8601 со смещением (2025-03-01T10:00:00+03:00); по умолчанию — сейчас")
    applicant: ApplicantIn | None = None
    address: str = Field("", max_length=400, description="Адрес как указан; сопоставляется с реестром домов")
    building_id: int | None = Field(None, ge=1, le=MAX_ID, description="Дом из реестра, если известен")
    flat: str = Field("", max_length=20)
    reason: str | None = Field(None, max_length=60, pattern=SLUG, description="Код или id причины из классификатора")

    @field_validator("received_at", mode="before")
    @classmethod
    def _iso_text(cls, value):
        if value is not None and not isinstance(value, str):
            raise ValueError("Ожидается строка с датой и временем ISO 8601, например 2025-03-01T10:00:00+03:00.")
        return value

    @field_validator("received_at")
    @classmethod
    def _in_range(cls, value: dt.datetime | None) -> dt.datetime | None:
        return None if value is None else _domain(check_received_at, value)


class TransitionIn(Input):
    note: str = Field("", max_length=5000, description="Комментарий; для некоторых действий обязателен")
    answer_text: str | None = Field(None, max_length=MAX_TEXT)
    result: str | None = Field(None, max_length=500)
    resolved_in_favour_of: Favour | None = None


def _assign_schema(schema: dict) -> None:
    _document_strings(schema)
    given = {"type": ["integer", "string"], "minLength": 1}
    schema["anyOf"] = [{"required": [name], "properties": {name: given}} for name in ("assignee", "department")]


class AssignIn(Input):
    """At least one of the two: the person (their department comes with them) or the department."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_assign_schema)

    assignee: int | str | None = Field(None, description="Ответственный: логин или id")
    department: int | str | None = Field(None, description="Подразделение: код или id")
    note: str = Field("", max_length=5000)

    @field_validator("assignee", "department")
    @classmethod
    def _short(cls, value):
        if isinstance(value, str) and len(value) > 150:
            raise ValueError("Не длиннее 150 знаков.")
        return value


class ClassifyIn(Input):
    reason: str = Field(..., min_length=1, max_length=60, pattern=SLUG,
                        description="Код или id причины из классификатора")
    complexity: Complexity | None = None
    priority: Priority | None = None


class TrackIn(Input):
    number: str = Field(..., min_length=1, max_length=20, description="Номер обращения, например 25-000123")
    access_code: str = Field(..., min_length=1, max_length=20, description="Код доступа из уведомления")


class JournalQuery(CleanStrings):
    """The journal's filters; references accept a code (or login) or an id."""

    status: Status | None = None
    category: str | None = Field(None, max_length=60, description="Код или id категории")
    reason: str | None = Field(None, max_length=60, description="Код или id причины")
    building: int | None = Field(None, ge=1, le=MAX_ID)
    department: str | None = Field(None, max_length=60, description="Код или id подразделения")
    assignee: str | None = Field(None, max_length=150, description="Логин или id ответственного")
    channel: Channel | None = None
    kind: Kind | None = None
    priority: Priority | None = None
    due: Due | None = Field(None, description="overdue — просроченные, today — срок сегодня, soon — скоро")
    date_from: dt.date | None = Field(None, description=f"Поступило с; не раньше {_EARLIEST}, не позже {_LATEST}")
    date_to: dt.date | None = Field(None, description=f"Поступило по; не раньше {_EARLIEST}, не позже {_LATEST}")
    q: str = Field("", max_length=200, description="Поиск по тексту с учётом словоформ")
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=10**9)

    @field_validator("date_from", "date_to")
    @classmethod
    def _day(cls, value: dt.date | None, info) -> dt.date | None:
        return None if value is None else _domain(check_filter_date, value, info.field_name)


# ---- what clients get ----

class Ref(Schema):
    code: str
    name: str


class ChoiceOut(Schema):
    code: str
    label: str


class BuildingOut(Schema):
    id: int
    address: str


class DepartmentOut(Schema):
    id: int
    code: str
    name: str


class PersonOut(Schema):
    id: int
    username: str
    full_name: str


class EventOut(Schema):
    at: dt.datetime
    actor: PersonOut | None
    action: str
    field: str
    old_value: str
    new_value: str
    note: str


class ApplicantOut(Schema):
    id: int
    full_name: str
    phone: str
    email: str
    postal_address: str
    address: str
    care_flags: list[str]


class AppealSummary(Schema):
    number: str
    status: Status
    status_label: str
    kind: Kind
    channel: Channel
    received_at: dt.datetime
    registered_at: dt.datetime | None
    registration_due: dt.datetime | None
    answer_due: dt.datetime | None
    short_content: str
    category: Ref | None
    reason: Ref | None
    complexity: ChoiceOut
    priority: Priority
    building: BuildingOut | None
    flat: str
    department: DepartmentOut | None
    assignee: PersonOut | None
    result: str
    resolved_in_favour_of: Favour | None
    is_refusal: bool


class AppealOut(AppealSummary):
    access_code: str
    text: str
    address_text: str
    answer_text: str
    answered_at: dt.datetime | None
    extended_at: dt.datetime | None
    closed_at: dt.datetime | None
    applicant: ApplicantOut | None = Field(None, description="Только для сотрудников с доступом к персональным данным")
    transitions: list[str] = Field(description="Действия, возможные в текущем статусе")
    history: list[EventOut]


class AppealPage(Schema):
    items: list[AppealSummary]
    next_offset: int | None = Field(description="offset следующей страницы или null, если это последняя")


class TimelineStep(Schema):
    at: dt.datetime
    step: Stage = Field(description="Этап рассмотрения, как его видит заявитель")
    text: str


class TrackOut(Schema):
    """What anyone holding the number and the access code sees: the course of the case, not the people."""

    number: str
    kind: Kind
    kind_label: str
    status: Stage = Field(description="Этап рассмотрения, как его видит заявитель (служебные шаги — «в работе»)")
    status_label: str
    status_hint: str = Field(description="Что этот этап значит для заявителя")
    is_open: bool
    is_paused: bool
    received_at: dt.datetime
    registered_at: dt.datetime | None
    registration_due: dt.datetime | None
    answer_due: dt.datetime | None
    answer_due_has_time: bool = Field(description="Срок считается в часах (аварийная заявка): важно и время")
    answer_due_text: str = Field(description="Срок ответа словами: «02.12.2026 до 14:30», «продлён до 15.12.2026»")
    is_extended: bool
    answered_at: dt.datetime | None
    answer_text: str = Field(description="Текст ответа; имена, телефоны, e-mail, номера квартир и лицевых счетов "
                                         "скрыты («[скрыто]»)")
    full_letter_by: Literal["email", "in_person", ""] = Field(
        description="Как заявитель получает полный текст ответа: email — письмом на указанную почту, in_person — "
                    "письмом по почте или в офисе; пусто, пока ответа нет")
    is_refusal: bool
    hq_notice: str = Field(description="Куда обжаловать ответ (вышестоящая организация), если он не в пользу заявителя")
    timeline: list[TimelineStep]


class Message(Schema):
    detail: str


class FieldProblem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class FieldProblems(Schema):
    detail: list[FieldProblem]


# What any request with a body may get besides its own answers: a body that is not JSON (400), too big (413),
# not declared application/json (415), too many requests (429).
REQUEST_ERRORS = {400: FieldProblems, 413: Message, 415: FieldProblems, 429: Message}


def moscow(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.astimezone(MOSCOW) if moment else None


def _ref(obj) -> dict | None:
    return {"code": obj.code, "name": obj.name} if obj else None


def _person(user) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "username": user.username, "full_name": user.get_full_name() or user.username}


def appeal_summary(appeal) -> dict:
    """The list item: one row of the journal, without personal data and history."""
    return {
        "number": appeal.number, "status": appeal.status, "status_label": appeal.get_status_display(),
        "kind": appeal.kind, "channel": appeal.channel, "received_at": moscow(appeal.received_at),
        "registered_at": moscow(appeal.registered_at), "registration_due": moscow(appeal.registration_due),
        "answer_due": moscow(appeal.answer_due), "short_content": appeal.short_content,
        "category": _ref(appeal.category), "reason": _ref(appeal.reason),
        "complexity": {"code": appeal.complexity, "label": appeal.get_complexity_display()},
        "priority": appeal.priority,
        "building": {"id": appeal.building.pk, "address": appeal.building.address} if appeal.building else None,
        "flat": appeal.flat,
        "department": ({"id": appeal.department.pk, "code": appeal.department.code, "name": appeal.department.name}
                       if appeal.department else None),
        "assignee": _person(appeal.assignee), "result": appeal.result,
        "resolved_in_favour_of": appeal.resolved_in_favour_of or None, "is_refusal": appeal.is_refusal,
    }


def _applicant(applicant) -> dict:
    return {"id": applicant.pk, "full_name": applicant.full_name, "phone": applicant.phone,
            "email": applicant.email, "postal_address": applicant.postal_address, "address": applicant.address,
            "care_flags": applicant.care_flags}


def _event(event) -> dict:
    return {"at": moscow(event.at), "actor": _person(event.actor), "action": event.action, "field": event.field,
            "old_value": event.old_value, "new_value": event.new_value, "note": event.note}


def appeal_detail(appeal, *, with_applicant: bool, transitions: list[str]) -> dict:
    """The whole card; the applicant only for those allowed to see personal data."""
    data = appeal_summary(appeal)
    data.update({
        "access_code": appeal.access_code, "text": appeal.text, "address_text": appeal.address_text,
        "answer_text": appeal.answer_text, "answered_at": moscow(appeal.answered_at),
        "extended_at": moscow(appeal.extended_at), "closed_at": moscow(appeal.closed_at),
        "applicant": _applicant(appeal.applicant) if with_applicant and appeal.applicant else None,
        "transitions": transitions,
        "history": [_event(e) for e in appeal.events.select_related("actor")],
    })
    return data

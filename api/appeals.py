"""Appeals for staff: create, read, list the journal, move along the life cycle."""

from typing import Literal

from django.contrib.auth import get_user_model
from django.http import Http404
from ninja import Header, Path, Query, Router, Status

from accounts.models import Department
from appeals import access, personal_data, services, workflow
from appeals.applicants import ApplicantData
from appeals.errors import AppealError
from appeals.journal import JournalFilter, apply_filter, journal_queryset, read_rows
from appeals.models import Appeal, Category, Reason
from appeals.search import check_query
from housing.models import Building

from . import idempotency
from .errors import FieldError
from .schemas import (
    REQUEST_ERRORS,
    AppealIn,
    AppealOut,
    AppealPage,
    AssignIn,
    ClassifyIn,
    FieldProblems,
    JournalQuery,
    Message,
    TransitionIn,
    appeal_detail,
    appeal_summary,
)

router = Router(tags=["Обращения"])

ERRORS = {401: Message, 403: Message, 404: Message, 422: FieldProblems, 429: Message}
BODY_ERRORS = {**ERRORS, **REQUEST_ERRORS}
APPLICANT_FIELDS = {"full_name", "phone", "email", "postal_address"}
# "assign" needs a person: it has its own endpoint.
TRANSITION_NAMES = tuple(name for name in workflow.TRANSITIONS if name != "assign")
NOT_FOUND = "Обращение не найдено."
IDEMPOTENCY_HELP = ("Повтор с тем же ключом в течение срока хранения ключей (IDEMPOTENCY_KEY_DAYS, 7 суток) "
                    "вернёт первый ответ")
NUMBER = Path(..., max_length=20, pattern=r"^[0-9A-Za-z-]+$", description="Номер обращения, например 25-000123")


def _by_code_or_id(queryset, value, loc: tuple, message: str, code_field: str = "code"):
    """An object named by its code (login) or by its id; a field error when there is none."""
    text = str(value).strip()
    is_id = text.isascii() and text.isdigit() and len(text) <= 18
    lookup = {"pk": int(text)} if is_id else {code_field: text}
    found = queryset.filter(**lookup).first()
    if found is None:
        raise FieldError(loc, message, "not_found")
    return found


def _reason(code, loc: tuple) -> Reason:
    return _by_code_or_id(Reason.objects.filter(is_active=True).select_related("category", "department"), code, loc,
                          "Нет такой причины в классификаторе.")


def _department(value, loc: tuple) -> Department:
    return _by_code_or_id(Department.objects.all(), value, loc, "Нет такого подразделения.")


def _staff(value, loc: tuple):
    return _by_code_or_id(get_user_model().objects.filter(is_active=True).select_related("profile"), value, loc,
                          "Нет такого сотрудника.", code_field="username")


def _visible(request, number: str) -> Appeal:
    appeal = access.visible_appeals(request.user, journal_queryset(Appeal.objects)).filter(number=number).first()
    if appeal is None:
        raise Http404(NOT_FOUND)
    return appeal


def _detail(request, appeal: Appeal, action: str, reread: bool = True) -> dict:
    """The appeal card; showing the applicant writes the personal-data access log (`appeals.personal_data`).
    An appeal just made by this request is shown as the verbs returned it (`reread=False`): read again it
    cost three queries more at every intake."""
    if reread:
        appeal = journal_queryset(Appeal.objects).get(pk=appeal.pk)
    with_applicant = appeal.applicant_id is not None and request.user.has_perm("appeals.view_applicant")
    personal_data.describe(action=action, appeal=appeal, applicant=appeal.applicant if with_applicant else None)
    names = [t.name for t in access.allowed_transitions(request.user, appeal) if t.name in TRANSITION_NAMES]
    data = appeal_detail(appeal, with_applicant=with_applicant, transitions=names)
    return AppealOut.model_validate(data).model_dump(mode="json")


def _receive(request, payload: AppealIn) -> Appeal:
    building = None
    if payload.building_id is not None:
        building = Building.objects.filter(pk=payload.building_id).first()
        if building is None:
            raise FieldError(("body", "building_id"), "Нет такого дома в реестре.", "not_found")
    reason = _reason(payload.reason, ("body", "reason")) if payload.reason else None
    applicant = ApplicantData(**payload.applicant.model_dump(), flat=payload.flat) if payload.applicant else None
    try:
        return services.receive_and_register(
            request.user, reason=reason, text=payload.text, channel=payload.channel, kind=payload.kind,
            received_at=payload.received_at, applicant=applicant, building=building, address_text=payload.address,
            flat=payload.flat)
    except AppealError as error:
        if error.field in APPLICANT_FIELDS:
            raise FieldError(("body", "applicant", error.field), error.message, "appeal_error") from error
        raise


@router.post("/appeals", response={201: AppealOut, **BODY_ERRORS}, summary="Принять обращение")
def create_appeal(request, payload: AppealIn,
                  idempotency_key: str | None = Header(None, alias=idempotency.HEADER, max_length=500,
                                                       description=IDEMPOTENCY_HELP)):
    """The appeal is received, numbered and given its deadlines; with a reason it is also registered, as at
    the registration screen."""

    def work() -> tuple[int, dict]:
        return 201, _detail(request, _receive(request, payload), "api_create", reread=False)

    if idempotency_key is None:
        status, body = work()
    else:
        status, body = idempotency.run_once(request.user, idempotency_key, payload.model_dump(mode="json"), work)
    return Status(status, body)


def _query_text(q: str) -> str:
    try:
        return check_query(q)
    except AppealError as error:
        raise FieldError(("query", "q"), error.message, "appeal_error") from error


def _journal_filter(query: JournalQuery) -> JournalFilter:
    """The journal's filter from query parameters; codes and logins become ids."""

    def ref(value, lookup) -> int | None:
        return lookup(value).pk if value else None

    return JournalFilter(
        status=query.status or "", building=query.building, channel=query.channel or "", kind=query.kind or "",
        priority=query.priority or "", due=query.due or "", date_from=query.date_from, date_to=query.date_to,
        q=_query_text(query.q),
        category=ref(query.category, lambda v: _by_code_or_id(Category.objects.all(), v, ("query", "category"),
                                                               "Нет такой категории.")),
        reason=ref(query.reason, lambda v: _reason(v, ("query", "reason"))),
        department=ref(query.department, lambda v: _department(v, ("query", "department"))),
        assignee=ref(query.assignee, lambda v: _staff(v, ("query", "assignee"))),
    )


@router.get("/appeals", response={200: AppealPage, **ERRORS}, summary="Журнал обращений")
def list_appeals(request, filters: Query[JournalQuery]):
    """Newest first. No total count: follow `next_offset` until it is null."""
    visible = access.visible_appeals(request.user, journal_queryset(Appeal.objects, applicants=False))
    start, limit = filters.offset, filters.limit
    journal_filter = _journal_filter(filters)
    queryset = apply_filter(visible, journal_filter)
    rows = read_rows(queryset, journal_filter, start, start + limit + 1)  # one extra row: is there a next page
    next_offset = start + limit if len(rows) > limit else None
    return {"items": [appeal_summary(a) for a in rows[:limit]], "next_offset": next_offset}


@router.get("/appeals/{number}", response={200: AppealOut, **ERRORS}, summary="Карточка обращения")
def get_appeal(request, number: str = NUMBER):
    return _detail(request, _visible(request, number), "api_view")


@router.post("/appeals/{number}/transitions/{name}", response={200: AppealOut, 409: Message, **BODY_ERRORS},
             summary="Шаг жизненного цикла")
def make_transition(request, number: str = NUMBER,
                    name: Literal[TRANSITION_NAMES] = Path(...),  # type: ignore[valid-type]
                    payload: TransitionIn | None = None):
    """Forbidden in the current status → 409; a missing note, answer or result → 422 naming the field.

    What each step needs besides: `note` for request_clarification, wait_applicant, escalate, reopen and
    extend; `answer_text` for draft_answer; `answer_text` (or the draft), `result` and `resolved_in_favour_of`
    for answer and refuse."""
    appeal = _visible(request, number)
    data = (payload or TransitionIn()).model_dump(exclude_none=True)
    appeal = services.transition(appeal, name, request.user, **data)
    return _detail(request, appeal, "api_change")


@router.post("/appeals/{number}/assign", response={200: AppealOut, **BODY_ERRORS}, summary="Назначить ответственного")
def assign_appeal(request, payload: AssignIn, number: str = NUMBER):
    appeal = _visible(request, number)
    if payload.assignee in (None, "") and payload.department in (None, ""):  # as the schema's anyOf says
        raise FieldError(("body", "assignee"), "Укажите подразделение или ответственного.", "missing")
    assignee = _staff(payload.assignee, ("body", "assignee")) if payload.assignee not in (None, "") else None
    department = (_department(payload.department, ("body", "department"))
                  if payload.department not in (None, "") else None)
    appeal = services.assign(appeal, request.user, assignee=assignee, department=department, note=payload.note)
    return _detail(request, appeal, "api_change")


@router.post("/appeals/{number}/classify", response={200: AppealOut, **BODY_ERRORS}, summary="Классифицировать")
def classify_appeal(request, payload: ClassifyIn, number: str = NUMBER):
    appeal = _visible(request, number)
    reason = _reason(payload.reason, ("body", "reason"))
    appeal = services.classify(appeal, request.user, reason=reason, complexity=payload.complexity,
                               priority=payload.priority)
    return _detail(request, appeal, "api_change")

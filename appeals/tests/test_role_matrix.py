"""Every role × every life-cycle step, through the back office and through the API: the same answer.

The expectations are written out here from the role model (operators receive, register, clarify and
route; the responsible specialist works the appeal; extending, escalating, reopening and reassigning
belong to the supervisor), not read from `appeals.access`, so a drift in the code shows up as a failure.
"""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import ApiToken, Department
from appeals.models import Appeal, OutgoingRequest, Reason, ResourceCompany
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db

ROLES = ["operator", "assignee", "colleague", "stranger", "supervisor", "admin"]
OPERATE = {"operator", "supervisor", "admin"}
WORK = {"assignee", "supervisor", "admin"}
SUPERVISE = {"supervisor", "admin"}

# step → (status it starts from, reason code, the roles that may take it, the form it posts)
STEPS = {
    "register": ("received", "roof-damage", OPERATE, {}),
    "request_clarification": ("received", "roof-damage", OPERATE, {"note": "Уточнить номер квартиры"}),
    "clarified": ("clarification", "roof-damage", OPERATE, {}),
    "start": ("assigned", "roof-damage", WORK, {}),
    "wait_applicant": ("in_progress", "roof-damage", WORK, {"note": "Нужен доступ в квартиру"}),
    "applicant_replied": ("waiting_applicant", "roof-damage", WORK, {}),
    "wait_external": ("in_progress", "roof-damage", WORK, {}),
    "external_replied": ("waiting_external", "roof-damage", WORK, {}),
    "draft_answer": ("in_progress", "roof-damage", WORK, {"answer_text": "Кровля отремонтирована."}),
    "revise": ("answer_drafted", "roof-damage", WORK, {}),
    "answer": ("answer_drafted", "roof-damage", WORK,
               {"result": "Отремонтировано", "resolved_in_favour_of": "applicant"}),
    "refuse": ("answer_drafted", "roof-damage", WORK, {"result": "Не входит в перечень работ"}),
    "close": ("answered", "roof-damage", WORK, {}),
    "extend": ("in_progress", "roof-damage", SUPERVISE, {"note": "Нужно обследование кровли"}),
    "escalate": ("in_progress", "mkd-ramp-proposal", SUPERVISE, {"note": "Нужен проект пандуса"}),
    "reopen": ("closed", "roof-damage", SUPERVISE, {"note": "Снова течёт"}),
    "withdraw": ("in_progress", "roof-damage", OPERATE | {"assignee"}, {"note": "Заявитель позвонил"}),
}
# Who sees an appeal of the technical service assigned to «assignee»: a specialist of another service does not.
SEES = set(ROLES) - {"stranger"}


@pytest.fixture
def people(db):
    return {
        "operator": create_staff("op", "operator", "crm"),
        "assignee": create_staff("roofer", "specialist", "tech"),
        "colleague": create_staff("plumber", "specialist", "tech"),
        "stranger": create_staff("janitor", "specialist", "san"),
        "supervisor": create_staff("chief", "supervisor", "crm"),
        "admin": create_staff("root", "admin", None, is_staff=True, is_superuser=True),
    }


def _appeal_in(status: str, reason_code: str, assignee) -> Appeal:
    """An appeal of the technical service standing in `status` with what its next steps need."""
    reason = Reason.objects.get(code=reason_code)
    appeal = create_appeal(reason=reason_code)
    worked = status not in ("received", "clarification")
    now = timezone.now()
    Appeal.objects.filter(pk=appeal.pk).update(
        status=status, department=Department.objects.get(code="tech"), complexity=reason.default_complexity,
        assignee=assignee if worked else None, registered_at=now if worked else None,
        answer_text="Проект ответа" if status in ("answer_drafted", "answered", "closed") else "",
        answered_at=now if status in ("answered", "closed") else None,
        resolved_in_favour_of="applicant" if status in ("answered", "closed") else "")
    if status in ("in_progress", "waiting_external"):
        company = ResourceCompany.objects.get_or_create(name="ГУП «Водоканал Санкт-Петербурга»")[0]
        OutgoingRequest.objects.create(appeal=appeal, organization=company, subject="Графики",
                                       sent_at=dt.date.today(), due_at=dt.date.today())
    return Appeal.objects.get(pk=appeal.pk)


def _office(user, appeal: Appeal, step: str, form: dict) -> str:
    client = Client()
    client.force_login(user)
    response = client.post(f"/staff/appeals/{appeal.number}/do/{step}/", form)
    return {302: "done", 403: "forbidden", 404: "hidden"}.get(response.status_code, str(response.status_code))


def _api(user, appeal: Appeal, step: str, form: dict) -> str:
    _token, key = ApiToken.issue(user)
    response = Client(headers={"Authorization": f"Bearer {key}"}).post(
        f"/api/v1/appeals/{appeal.number}/transitions/{step}", form, content_type="application/json")
    return {200: "done", 403: "forbidden", 404: "hidden"}.get(response.status_code, str(response.status_code))


def _expected(role: str, allowed: set[str]) -> str:
    if role not in SEES:
        return "hidden"
    return "done" if role in allowed else "forbidden"


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("role", ROLES)
def test_back_office_and_api_give_each_role_the_same_answer(people, role, step):
    status, reason, allowed, form = STEPS[step]
    expected = _expected(role, allowed)
    for interface in (_office, _api):
        appeal = _appeal_in(status, reason, people["assignee"])
        assert interface(people[role], appeal, step, form) == expected, interface.__name__
        changed = Appeal.objects.get(pk=appeal.pk)
        moved = changed.status != status or changed.extended_at is not None
        assert moved == (expected == "done"), interface.__name__


@pytest.mark.parametrize("role", ROLES)
def test_appointing_and_reassigning_belong_to_the_supervisor_in_both_interfaces(people, role):
    allowed = "done" if role in SUPERVISE else "forbidden"
    expected = "hidden" if role == "stranger" else allowed
    for interface in ("office", "api"):
        appeal = _appeal_in("assigned", "roof-damage", people["assignee"])
        user, target = people[role], people["colleague"]
        if interface == "office":
            client = Client()
            client.force_login(user)
            code = client.post(f"/staff/appeals/{appeal.number}/assign/", {"assignee": target.pk}).status_code
            # An operator's form has no person to choose: the post names nobody it accepts.
            answer = {302: "done", 403: "forbidden", 404: "hidden", 400: "forbidden"}[code]
        else:
            _token, key = ApiToken.issue(user)
            code = Client(headers={"Authorization": f"Bearer {key}"}).post(
                f"/api/v1/appeals/{appeal.number}/assign", {"assignee": target.username},
                content_type="application/json").status_code
            answer = {200: "done", 403: "forbidden", 404: "hidden"}[code]
        assert answer == expected, interface
        assert (Appeal.objects.get(pk=appeal.pk).assignee == target) == (expected == "done"), interface


def test_a_specialist_takes_an_unassigned_appeal_of_the_own_department_only(people):
    ours = _appeal_in("registered", "roof-damage", None)
    Appeal.objects.filter(pk=ours.pk).update(assignee=None)
    client = Client()
    client.force_login(people["colleague"])
    assert client.post(f"/staff/appeals/{ours.number}/take/").status_code == 302
    assert Appeal.objects.get(pk=ours.pk).assignee == people["colleague"]
    client.force_login(people["assignee"])  # taken by a colleague now: no longer free to take
    assert client.post(f"/staff/appeals/{ours.number}/take/").status_code == 403

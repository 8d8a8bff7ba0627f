"""Every form of the appeal page and the incident answer, posted by hand by people whose page does not offer
it: refused on the server, nothing changed.

The transitions themselves are the role × step matrix (`appeals/tests/test_role_matrix.py`); these are the
other forms. The expectations are written out from the role model: operators receive, classify, link and
attach; the responsible specialist works the appeal; a colleague of the same service who is not responsible
may not; a specialist of another service does not even see the appeal.
"""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from accounts.models import Department
from appeals import services
from appeals.models import Appeal, OutgoingRequest, Reason, ResourceCompany
from conftest import create_appeal, create_staff
from triage.incidents import link_appeal

pytestmark = pytest.mark.django_db

ROLES = ["operator", "colleague", "stranger", "assignee"]
# form → the roles that may use it (others: forbidden; the stranger: the appeal is hidden)
ALLOWED = {
    "assign": set(),  # reassigning is the supervisor's
    "take": set(),  # the appeal already has its responsible
    "classify": {"operator", "assignee"},
    "draft": {"assignee"},
    "link": {"operator", "assignee"},
    "outgoing": {"assignee"},
    "outgoing_reply": {"assignee"},
    "attachment": {"operator", "assignee"},
}


@pytest.fixture
def people(db):
    return {
        "operator": create_staff("op", "operator", "crm"),
        "assignee": create_staff("roofer", "specialist", "tech"),
        "colleague": create_staff("plumber", "specialist", "tech"),
        "stranger": create_staff("janitor", "specialist", "san"),
    }


@pytest.fixture
def appeal(people):
    """An appeal of the technical service in work, with an outgoing request still unanswered."""
    appeal = create_appeal(reason="roof-damage")
    Appeal.objects.filter(pk=appeal.pk).update(
        status="in_progress", department=Department.objects.get(code="tech"), assignee=people["assignee"],
        registered_at=timezone.now(), answer_text="Проект ответа", complexity="A")
    company = ResourceCompany.objects.get_or_create(name="ГУП «Водоканал Санкт-Петербурга»")[0]
    OutgoingRequest.objects.create(appeal=appeal, organization=company, subject="Графики",
                                   sent_at=dt.date.today(), due_at=dt.date.today())
    return Appeal.objects.get(pk=appeal.pk)


def _state(appeal: Appeal) -> tuple:
    """Everything the forms can change."""
    a = Appeal.objects.get(pk=appeal.pk)
    return (a.status, a.assignee_id, a.department_id, a.reason_id, a.answer_text, a.result, a.complexity,
            a.priority, a.attachments.count(), a.linked.count(),
            list(a.outgoing_requests.values_list("subject", "reply", "answered_at")), a.events.count())


def _post(user, appeal: Appeal, form: str, people) -> int:
    client = Client()
    client.force_login(user)
    base = f"/staff/appeals/{appeal.number}"
    sent = appeal.outgoing_requests.first()
    other = create_appeal("Течёт кран", full_name="Петров Пётр")
    Appeal.objects.filter(pk=other.pk).update(department=Department.objects.get(code="tech"))
    today = f"{dt.date.today():%d.%m.%Y}"
    posts = {
        "assign": (f"{base}/assign/", {"assignee": people["colleague"].pk,
                                       "department": Department.objects.get(code="tech").pk}),
        "take": (f"{base}/take/", {}),
        "classify": (f"{base}/classify/", {"reason": Reason.objects.get(code="mkd-ramp-proposal").pk,
                                           "complexity": "B"}),
        "draft": (f"{base}/draft/", {"answer_text": "Подделанный ответ", "result": "Подделано"}),
        "link": (f"{base}/link/", {"number": other.number}),
        "outgoing": (f"{base}/outgoing/", {"organization_name": "ООО «Лифтсервис»", "subject": "Запрос",
                                           "sent_at": today, "due_at": today}),
        "outgoing_reply": (f"{base}/outgoing/{sent.pk}/reply/", {f"r{sent.pk}-reply": "Ответ получен",
                                                                 f"r{sent.pk}-answered_at": today}),
        "attachment": (f"{base}/attachments/", {"file": SimpleUploadedFile("акт.pdf", b"%PDF-1.4 test",
                                                                           content_type="application/pdf")}),
    }
    url, data = posts[form]
    return client.post(url, data).status_code


@pytest.mark.parametrize("form", ALLOWED)
@pytest.mark.parametrize("role", ROLES)
def test_a_forged_post_of_an_appeal_form_changes_nothing_for_whom_it_is_not_offered(people, appeal, role, form):
    before = _state(appeal)
    code = _post(people[role], appeal, form, people)
    if role == "stranger":
        assert code == 404
    elif role in ALLOWED[form]:
        assert code == 302
        assert _state(appeal) != before
        return
    else:
        assert code in (400, 403)
    assert _state(appeal) == before


def test_an_incident_answer_forged_by_whom_may_not_answer_changes_nothing(people, building):
    assignee = people["assignee"]
    appeals = [create_appeal(f"Течёт крыша над квартирой {flat}", reason="roof-damage", building=building,
                             full_name=f"Жилец {flat}") for flat in (40, 41)]
    for appeal in appeals:
        services.assign(appeal, None, assignee=assignee)
    incident = link_appeal(Appeal.objects.select_related("reason").get(pk=appeals[1].pk))
    assert incident is not None
    form = {"answer_text": "Подделанный ответ всем.", "result": "Подделано", "resolved_in_favour_of": "applicant"}
    for role in ("operator", "colleague", "stranger"):
        client = Client()
        client.force_login(people[role])
        code = client.post(f"/staff/incidents/{incident.pk}/", form).status_code
        assert code == (404 if role == "stranger" else 400), role
        assert not Appeal.objects.filter(answer_text=form["answer_text"]).exists(), role

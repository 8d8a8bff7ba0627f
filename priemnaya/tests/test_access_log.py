"""Every staff answer that shows an applicant's data writes a row of the 152-ФЗ access log, whichever page
or API call gave it, and answers that show none write none.

Every address of the back office and the API is listed here as showing applicants' data or not; a new
address fails the walk until it is listed, and the middleware logs it meanwhile whatever the list says.
"""

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from accounts.models import ApiToken, Department
from appeals import services
from appeals.access import log_pd_access
from appeals.attachments import add_attachment
from appeals.models import Appeal, Notification, OutgoingRequest, PersonalDataAccess, Reason, ResourceCompany
from conftest import create_appeal, create_staff
from triage.incidents import link_appeal

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(building):
    """A supervisor-administrator with an appeal of their own in an incident, a file and a request sent."""
    chief = create_staff("chief", "admin", "tech", is_staff=True, is_superuser=True)
    create_appeal("Течёт крыша над квартирой", reason="roof-damage", building=building, full_name="Смирнов Олег")
    appeal = create_appeal("Течёт крыша, квартира 47", reason="roof-damage", building=building,
                           full_name="Кузнецова Мария Петровна", flat="47")
    appeal = services.assign(services.transition(appeal, "register", None), None, assignee=chief)
    add_attachment(appeal, SimpleUploadedFile("акт.pdf", b"%PDF-1.4 test", content_type="application/pdf"), chief)
    company = ResourceCompany.objects.get_or_create(name="ГУП «Водоканал Санкт-Петербурга»")[0]
    sent = OutgoingRequest.objects.create(appeal=appeal, organization=company, subject="Графики",
                                          sent_at=dt.date.today(), due_at=dt.date.today())
    incident = link_appeal(Appeal.objects.select_related("reason").get(pk=appeal.pk))
    Notification.objects.create(user=chief, appeal=appeal, kind=Notification.Kind.ASSIGNED)
    log_pd_access(chief, action="view_appeal", appeal=appeal)  # the access log has a row to show
    return {"user": chief, "appeal": Appeal.objects.get(pk=appeal.pk), "incident": incident, "sent": sent,
            "attachment": appeal.attachments.get(), "building": building}


def _an_invoice(actor):
    """A paid order's invoice: its PDF names the payer."""
    from orders import invoices
    from orders.tests.helpers import company_with_requisites, confirmed, place

    company_with_requisites()
    return invoices.issue_invoice(confirmed(place(), actor), actor)


def _a_call_and_a_visit(actor, appeal):
    """A call taken and wrapped up, with its appeal and a recording; a visitor waiting."""
    from calls import recordings
    from calls import services as calls
    from calls.models import Visit
    from calls.tests.test_recordings import wav_bytes

    call = calls.link_appeal(calls.start_call(actor, appeal.applicant.phone), appeal, actor)
    call = calls.end_wrap_up(calls.end_call(call, actor, "new_appeal"), actor)
    recordings.attach(call, SimpleUploadedFile("разговор.wav", wav_bytes()), actor)
    return call, Visit.objects.create(visitor_name=appeal.applicant.full_name, applicant=appeal.applicant)


def _a_letter_and_a_message(appeal):
    """A letter joined to the appeal, and a message to its applicant that was given up on."""
    from mailgateway.models import InboundMessage
    from notifications.models import Message

    letter = InboundMessage.objects.create(
        message_key="<walk@example.ru>", source="smtp", from_address="maria@example.ru", subject="Re: обращение",
        outcome="joined", appeal=appeal, raw="From: maria@example.ru\r\nSubject: Re\r\n\r\nПодъезд 3.\r\n".encode())
    message = Message.objects.create(event="registered", channel="email", recipient="maria@example.ru",
                                     appeal=appeal, subject="Обращение", body="Текст", status="failed", attempts=5)
    return letter, message


def _an_outgoing_letter(appeal, actor):
    """A letter issued to the applicant (its PDF names them and their address)."""
    from django.core.files.base import ContentFile

    from letters.models import Letter

    letter = Letter(appeal=appeal, kind="answer", number="26-0001", date=dt.date.today(),
                    addressee_name=appeal.applicant.full_name, body="<p>Ответ.</p>", signatory_name="Григорьев А. В.",
                    signatory_post="Генеральный директор", issued_by=actor, delivery="post")
    letter.pdf.save("walk.pdf", ContentFile(b"%PDF-1.4 test"))
    return letter


def _a_sample_item(appeal, actor):
    """The appeal in the quality review sample."""
    from quality.models import SampleItem

    return SampleItem.objects.create(appeal=appeal, operator=actor, week=dt.date.today(), why="random")


def _requests(w) -> tuple[dict, dict]:
    """Address name → (method, path, data): those that show applicants' data, and those that do not."""
    a, number = w["appeal"], w["appeal"].number
    ordered = _an_invoice(w["user"]).order.appeal.number
    page = f"/staff/appeals/{number}"
    reason = Reason.objects.get(code="water-flood").pk
    call, visit = _a_call_and_a_visit(w["user"], a)
    letter, message = _a_letter_and_a_message(a)
    outgoing = _an_outgoing_letter(a, w["user"])
    sampled = _a_sample_item(a, w["user"])
    shown = {
        "staff-journal": ("get", "/staff/journal/", {}),
        "staff-journal-export": ("get", "/staff/journal/export.xlsx", {}),
        "staff-journal-export-pdf": ("get", "/staff/journal/export.pdf", {}),
        "staff-my": ("get", "/staff/my/", {}),
        "staff-incident": ("get", f"/staff/incidents/{w['incident'].pk}/", {}),
        "staff-access-log": ("get", "/staff/access-log/", {}),
        "staff-register": ("get", "/staff/register/", {"applicant": a.applicant_id}),
        "staff-register-done": ("get", f"/staff/register/done/{number}/", {}),
        "staff-register-hint": ("post", "/staff/register/hint/", {"applicant_id": a.applicant_id, "reason": reason}),
        "staff-applicant-search": ("post", "/staff/applicants/search/", {"q": "Кузнецова"}),
        "staff-applicant-pick": ("get", f"/staff/applicants/pick/{a.applicant_id}/", {}),
        "staff-applicant-card": ("get", f"/staff/applicants/{a.applicant_id}/", {}),
        "staff-appeal-detail": ("get", f"{page}/", {}),
        "staff-appeal-attachment": ("get", f"{page}/attachments/{w['attachment'].pk}/", {}),
        # A form refused is the appeal page again, with the applicant, and its message.
        "staff-appeal-do": ("post", f"{page}/do/close/", {}),
        "staff-appeal-assign": ("post", f"{page}/assign/", {}),
        "staff-appeal-classify": ("post", f"{page}/classify/", {}),
        "staff-appeal-link": ("post", f"{page}/link/", {}),
        "staff-appeal-outgoing-add": ("post", f"{page}/outgoing/", {}),
        "staff-appeal-outgoing-reply": ("post", f"{page}/outgoing/{w['sent'].pk}/reply/", {}),
        "staff-appeal-attachment-add": ("post", f"{page}/attachments/", {}),
        "staff-answer-publish": ("get", f"{page}/publish-answer/", {}),  # masked with the applicant's record
        "orders:staff-invoice": ("get", f"/staff/orders/{ordered}/invoice.pdf", {}),
        # The letters to applicants: the register names the addressees, the PDF their address.
        "letters:staff-register": ("get", "/staff/letters/", {}),
        "letters:staff-file": ("get", f"{page}/letters/{outgoing.pk}.pdf", {}),
        "api:get_appeal": ("get", f"/api/v1/appeals/{number}", None),
        "api:create_appeal": ("post", "/api/v1/appeals", {"text": "Нет света в парадной", "channel": "phone",
                                                          "applicant": {"full_name": "Петров Пётр"}}),
        "api:make_transition": ("post", f"/api/v1/appeals/{number}/transitions/start", {}),
        "api:assign_appeal": ("post", f"/api/v1/appeals/{number}/assign", {"assignee": "chief"}),
        "api:classify_appeal": ("post", f"/api/v1/appeals/{number}/classify", {"reason": "roof-damage"}),
        # The call centre's pages: a caller's name and number, a recording, a visitor.
        "staff-calls": ("get", "/staff/calls/", {}),
        "staff-call-review": ("get", f"/staff/calls/{call.pk}/", {}),
        "staff-call-recording": ("get", f"/staff/calls/{call.pk}/recording/", {}),
        "staff-visits": ("get", "/staff/calls/visits/", {}),
        # The mail: the senders and recipients, their letters' words.
        "staff-mail-incoming": ("get", "/staff/mail/", {}),
        "staff-mail-letter": ("get", f"/staff/mail/{letter.pk}/", {}),
        "staff-mail-outgoing": ("get", "/staff/mail/outgoing/", {}),
        "staff-mail-message": ("get", f"/staff/mail/outgoing/{message.pk}/", {}),
        "quality:review": ("get", f"/staff/quality/review/{sampled.pk}/", {}),  # the text and answer name them
    }
    not_shown = {
        "staff-home": ("get", "/staff/", {}),  # a redirect to the person's start page
        "orders:staff-list": ("get", "/staff/orders/", {}),  # services, sums and dates: no one's name
        "orders:staff-step": ("post", f"/staff/orders/{ordered}/do/pay_order/", {}),  # a redirect
        # The public pages of paid services, like the rest of the public site, whoever is logged in.
        "orders:catalogue": ("get", "/orders/", {}),
        "orders:new": ("post", "/orders/new/", {"full_name": "Петров Пётр", "phone": "+79215550000"}),
        "orders:done": ("get", "/orders/done/", {}),
        "orders:own-invoice": ("get", "/account/invoices/С-2026-000001.pdf", {}),  # a resident's own only: 404
        "letters:own-letter": ("get", f"/account/letters/{outgoing.number}.pdf", {}),  # a resident's own only: 404
        "letters:staff-issue": ("post", f"{page}/letters/answer/", {}),  # a redirect (refused: no answer yet)
        "letters:staff-posted": ("post", f"{page}/letters/{outgoing.pk}/posted/", {}),  # a redirect
        "login": ("get", "/staff/login/", {}),
        "logout": ("post", "/staff/logout/", {}),
        "staff-overdue": ("get", "/staff/overdue/", {}),  # deadlines: numbers, contents, the problem's place
        "staff-load": ("get", "/staff/load/", {}),
        "staff-rebalance": ("get", "/staff/load/tech/rebalance/", {}),
        "staff-triage": ("get", "/staff/triage/", {}),
        "staff-triage-register": ("post", f"/staff/triage/{number}/", {"reason": reason}),  # a redirect
        "staff-incidents": ("get", "/staff/incidents/", {}),
        "staff-incident-outage": ("get", f"/staff/incidents/{w['incident'].pk}/outage/", {}),  # addresses only
        "staff-notifications": ("get", "/staff/notifications/", {}),
        "staff-register-analyse": ("post", "/staff/register/analyse/", {"text": "Звонит Петров, течёт кран"}),
        "staff-building-suggest": ("get", "/staff/buildings/suggest/", {"address_text": "Марата"}),
        "staff-building-unpick": ("get", "/staff/buildings/pick/", {}),
        "staff-building-pick": ("get", f"/staff/buildings/pick/{w['building'].pk}/", {}),
        "staff-applicant-new": ("get", "/staff/applicants/pick/", {}),
        "staff-appeal-take": ("post", f"{page}/take/", {}),  # a redirect
        "staff-appeal-draft": ("post", f"{page}/draft/", {"answer_text": "Проект"}),  # a redirect
        # No appointment in this world; a day with visitors is logged by its page (appointments' tests).
        "staff-appointments": ("get", "/staff/appointments/", {}),
        "staff-appointment-change": ("post", "/staff/appointments/1/", {"action": "cancel"}),
        # The feedback section's reviews (no applicant in them).
        "staff-reviews": ("get", "/staff/reviews/", {}),
        "staff-review-moderate": ("post", "/staff/reviews/1/publish/", {}),
        "staff-answer-unpublish": ("post", f"{page}/unpublish-answer/", {}),  # a redirect
        "api:list_appeals": ("get", "/api/v1/appeals", None),  # list items carry no applicant
        "api:extract_details": ("post", "/api/v1/extract", {"text": "Звонит Петров, течёт кран"}),
        "api:track": ("post", "/api/v1/track", {"number": number, "access_code": a.access_code}),
        "api:openapi-json": ("get", "/api/v1/openapi.json", None),
        "api:openapi-view": ("get", "/api/v1/docs", None),
        "api:api-root": ("get", "/api/v1/", None),
        # The call centre's figures are counts and seconds; the CDR import matches callers by phone unread.
        "calls-stats": ("get", "/staff/calls/stats/", {}),
        "calls-stats-export": ("get", "/staff/calls/stats/export.xlsx", {}),
        "calls-cdr-imports": ("get", "/staff/calls/stats/cdr/", {}),
        "calls-cdr-import": ("get", "/staff/calls/stats/cdr/1/", {}),
        "calls-cdr-import-step": ("post", "/staff/calls/stats/cdr/1/step/", {}),
        # The statistics and the monthly report are counts by category, building and date: no one's name.
        "insights-flow": ("get", "/staff/insights/", {}),
        "insights-problems": ("get", "/staff/insights/problems/", {}),
        "insights-deadlines": ("get", "/staff/insights/deadlines/", {}),
        "insights-reports": ("get", "/staff/insights/reports/", {}),
        "insights-report": ("get", "/staff/insights/reports/1/", {}),
        "insights-report-retry": ("post", "/staff/insights/reports/1/retry/", {}),
        "insights-report-file": ("get", "/staff/insights/reports/1/pdf/", {}),
        # Forum moderation shows residents' display names and posts, never an applicant.
        "moderation:queue": ("get", "/staff/forum/", {}),
        "moderation:post_action": ("post", "/staff/forum/posts/1/approve/", {}),
        "moderation:topic_action": ("post", "/staff/forum/topics/1/lock/", {}),
        "moderation:restrict": ("post", "/staff/forum/residents/1/restrict/", {}),
        # The opt-out page of a message's link: the token's own address, no applicant (here a 404).
        "notifications:unsubscribe": ("get", "/notifications/unsubscribe/no-such-token/", {}),
        # The call's and the visit's steps answer with a redirect; a new call without a number names no one.
        "staff-call-step": ("post", f"/staff/calls/{call.pk}/found/", {}),
        "staff-call-end": ("post", f"/staff/calls/{call.pk}/end/", {"outcome": "information"}),
        "staff-call-recording-add": ("post", f"/staff/calls/{call.pk}/recording/add/", {}),
        "staff-visit-step": ("post", f"/staff/calls/visits/{visit.pk}/start/", {}),
        "staff-call-start": ("post", "/staff/calls/start/", {}),
        "staff-mail-resend": ("post", f"/staff/mail/outgoing/{message.pk}/resend/", {}),  # a redirect
        # Systemic proposals: problems, measures, appeals' numbers and contents, counts; no applicant.
        "proposals:list": ("get", "/staff/proposals/", {}),
        "proposals:new": ("get", f"/staff/proposals/new/?appeal={number}", {}),
        "proposals:page": ("get", "/staff/proposals/1/", {}),
        "proposals:edit": ("post", "/staff/proposals/1/edit/", {}),
        "proposals:link": ("post", "/staff/proposals/1/links/", {"appeal": number}),
        "proposals:unlink": ("post", f"/staff/proposals/1/links/appeal/{number}/remove/", {}),
        "proposals:implemented": ("post", "/staff/proposals/1/implemented/", {}),
        # Operator quality: staff names and numbers; the review queue lists numbers and short contents.
        "quality:queue": ("get", "/staff/quality/", {}),
        "quality:complaint": ("post", "/staff/quality/complaints/", {"number": number}),
        "quality:mine": ("get", "/staff/quality/me/", {}),
        "quality:scorecard": ("get", f"/staff/quality/operators/{w['user'].pk}/", {}),
        "quality:team": ("get", "/staff/quality/team/", {}),
        "quality-public:survey": ("get", "/survey/no-such-token/", {}),  # the applicant's own page, no login
        # Practice calls: invented callers; a scenario made from an appeal has its personal data masked.
        "practice-list": ("get", "/staff/practice/", {}),
        "practice-call": ("get", "/staff/practice/1/", {}),
        "practice-attempt": ("get", "/staff/practice/attempts/1/", {}),
        "practice-ask": ("post", "/staff/practice/attempts/1/ask/0/", {}),
        "practice-my-results": ("get", "/staff/practice/results/", {}),
        "practice-operators": ("get", "/staff/practice/results/operators/", {}),
        "practice-operator-results": ("get", f"/staff/practice/results/operators/{w['user'].pk}/", {}),
        "practice-scenario-new": ("get", "/staff/practice/scenarios/new/", {}),
        "practice-scenario-edit": ("get", "/staff/practice/scenarios/1/edit/", {}),
        "practice-from-appeal": ("post", "/staff/practice/from-appeal/", {"number": number}),
    }
    return shown, not_shown


def _names(patterns, namespace="") -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
            if inner not in ("portal", "appointments", "reference", "services", "feedback", "residents", "admin",
                             "open311"):
                names |= _names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}".strip(":"))
    return names


def _send(w, method: str, path: str, data) -> int:
    if data is None or path.startswith("/api/"):
        _token, key = ApiToken.issue(w["user"])
        client = Client(headers={"Authorization": f"Bearer {key}"})
        if method == "get":
            return client.get(path).status_code
        return client.post(path, json.dumps(data or {}), content_type="application/json").status_code
    client = Client()
    client.force_login(w["user"])
    return getattr(client, method)(path, data).status_code


def test_every_staff_address_logs_exactly_the_answers_that_show_applicants_data(world):
    shown, not_shown = _requests(world)
    assert _names(get_resolver().url_patterns) == set(shown) | set(not_shown)
    problems = []
    for name, (method, path, data) in {**shown, **not_shown}.items():
        before = PersonalDataAccess.objects.count()
        status = _send(world, method, path, data)
        rows = list(PersonalDataAccess.objects.order_by("-id")[:PersonalDataAccess.objects.count() - before])
        if name in shown and (len(rows) != 1 or rows[0].user != world["user"]):
            problems.append(f"{name} ({status}): {len(rows)} rows")
        if name in not_shown and rows:
            problems.append(f"{name} ({status}) shows no applicant but wrote {len(rows)} rows")
    assert not problems


def test_the_row_names_the_applicant_and_the_appeal_shown_and_where_from(world):
    appeal = world["appeal"]
    client = Client()
    client.force_login(world["user"])
    assert client.get(f"/staff/register/done/{appeal.number}/", REMOTE_ADDR="10.0.0.9").status_code == 200
    row = PersonalDataAccess.objects.latest("id")
    assert (row.applicant_id, row.ip, row.action) == (appeal.applicant_id, "10.0.0.9", "staff-register-done")
    client.get("/staff/journal/", {"department": Department.objects.get(code="tech").pk})
    row = PersonalDataAccess.objects.latest("id")
    assert row.action == "journal" and row.applicant is None and "Подразделение=" in row.detail
    html = client.get("/staff/access-log/").content.decode()
    assert "Просмотр зарегистрированного обращения" in html and "Просмотр журнала" in html



def test_a_clerk_looking_at_the_public_status_page_writes_no_row(world):
    appeal = world["appeal"]  # answered: the page reads the applicant to hide them from the letter
    Appeal.objects.filter(pk=appeal.pk).update(status="answered", answered_at=timezone.now(),
                                               answer_text="Уважаемая Мария Петровна! Кровля отремонтирована.")
    client = Client()
    client.force_login(world["user"])
    before = PersonalDataAccess.objects.count()
    page = client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True)
    api = client.post("/api/v1/track", {"number": appeal.number, "access_code": appeal.access_code},
                      content_type="application/json")
    assert page.status_code == api.status_code == 200 and "Уважаемая [скрыто]!" in page.content.decode()
    assert PersonalDataAccess.objects.count() == before

import datetime as dt
import random

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from accounts.models import Company
from accounts.roles import role_of
from appeals.choices import Channel, Kind, Status
from appeals.models import Appeal, AppealEvent, Applicant, PersonalDataAccess, Reason, ResourceCompany
from conftest import create_appeal
from demo import content
from demo.organisations import STAFF
from demo.people import make_people
from demo.plan import plan_appeals
from housing.models import Building

pytestmark = pytest.mark.django_db

SMALL = 40


@pytest.fixture(autouse=True)
def _only_the_plan(monkeypatch):
    """These tests count the plan's appeals; the public site's sections add their own (paid orders are
    appeals too), and each section's loader is tested with the section."""
    monkeypatch.setattr(content, "LOADERS", [])


def _load(capsys, **options) -> str:
    call_command("load_demo", appeals=SMALL, **options)
    return capsys.readouterr().out


def _counts() -> dict:
    return {model.__name__: model.objects.count()
            for model in (Appeal, AppealEvent, Applicant, Building, User, ResourceCompany, Company)}


@pytest.fixture
def demo(capsys):
    return _load(capsys)


def test_demo_covers_every_status_channel_and_kind(demo):
    appeals = Appeal.objects.all()
    assert appeals.count() == SMALL
    assert set(appeals.values_list("status", flat=True)) == set(Status.values)
    assert set(appeals.values_list("channel", flat=True)) == set(Channel.values)
    assert set(appeals.values_list("kind", flat=True)) == set(Kind.values)


def test_second_run_changes_nothing(demo, capsys):
    before = _counts()
    out = _load(capsys)
    assert _counts() == before
    assert "уже загружены" in out


def test_logins_are_printed_one_per_line_and_work(demo):
    for login in STAFF:
        assert f"{login.username} / {login.password} / " in demo
        user = User.objects.get(username=login.username)
        assert user.check_password(login.password)
        assert role_of(user) == login.role
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff


def test_history_lies_between_receipt_and_now(demo):
    now = timezone.now()
    assert not AppealEvent.objects.filter(at__gt=now).exists()
    assert not AppealEvent.objects.filter(at__lt=F("appeal__received_at") - dt.timedelta(seconds=1)).exists()
    assert not Appeal.objects.filter(received_at__gt=now).exists()
    assert Appeal.objects.filter(received_at__lt=now - dt.timedelta(days=60)).exists()


def test_answered_appeals_carry_answer_result_and_favour(demo):
    answered = Appeal.objects.filter(answered_at__isnull=False)
    assert answered.exists()
    for appeal in answered:
        assert appeal.answer_text.startswith("Уважаем")
        assert appeal.result and appeal.resolved_in_favour_of
        if appeal.is_refusal:
            assert "вышестоящую организацию" in appeal.answer_text


def test_company_hq_and_resource_companies_are_filled_in(demo):
    company = Company.current()
    assert company.name == "ООО «Жилкомсервис № 1 Центрального района»"
    assert company.hq_name.startswith("Региональный штаб") and company.hq_phone and company.hq_site
    assert ResourceCompany.objects.filter(name="ГУП «Водоканал Санкт-Петербурга»").exists()
    assert ResourceCompany.objects.count() == 5
    assert Building.objects.count() == 40


def test_database_with_other_appeals_is_left_alone_unless_forced(capsys):
    create_appeal()
    out = _load(capsys)
    assert "--force" in out
    assert Appeal.objects.count() == 1 and not User.objects.filter(username="operator").exists()
    _load(capsys, force=True)
    assert Appeal.objects.count() == SMALL + 1


def test_same_seed_gives_the_same_appeals():
    call_command("import_buildings", "housing/data/central_buildings.csv")
    buildings = list(Building.objects.order_by("pk"))
    reasons = {r.code: r for r in Reason.objects.select_related("category")}
    now = timezone.now()

    def texts(seed):
        rng = random.Random(seed)
        return [p.text for p in plan_appeals(rng, now, 30, make_people(rng, 15, buildings), reasons)]

    assert texts(7) == texts(7)
    assert texts(7) != texts(8)


def test_admin_pages_open_on_demo_data(demo, client):
    admin = User.objects.get(username="admin")
    client.force_login(admin)
    for url in ("/admin/", "/admin/appeals/appeal/", "/admin/appeals/reason/", "/admin/appeals/category/",
                "/admin/appeals/resourcecompany/", "/admin/appeals/personaldataaccess/", "/admin/auth/user/",
                "/admin/accounts/company/", "/admin/accounts/department/", "/admin/accounts/apitoken/",
                "/admin/deadlines/deadlinenorm/", "/admin/deadlines/calendaroverride/",
                "/admin/housing/building/"):
        assert client.get(url).status_code == 200, url
    reason = Reason.objects.get(code="water-flood")
    page = client.get(f"/admin/appeals/reason/{reason.pk}/change/").content.decode()
    assert "ормативы сроков для этой причины" in page


def test_appeals_are_read_only_in_the_admin_and_viewing_is_logged(demo, client):
    client.force_login(User.objects.get(username="admin"))
    appeal = Appeal.objects.filter(applicant__isnull=False).first()
    page = client.get(f"/admin/appeals/appeal/{appeal.pk}/change/")
    assert page.status_code == 200 and appeal.text[:30] in page.content.decode()
    assert PersonalDataAccess.objects.filter(appeal=appeal, action="admin_view").exists()
    assert client.post(f"/admin/appeals/appeal/{appeal.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"/admin/appeals/appeal/{appeal.pk}/change/", {"text": "x"}).status_code == 403
    assert Appeal.objects.filter(pk=appeal.pk, text=appeal.text).exists()


def test_access_log_is_hidden_from_staff_without_the_permission(demo, client):
    supervisor = User.objects.get(username="supervisor")
    supervisor.is_staff = True
    supervisor.save()
    client.force_login(supervisor)
    assert client.get("/admin/appeals/personaldataaccess/").status_code == 403

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from appeals import services
from appeals.access import log_pd_access
from appeals.models import PersonalDataAccess
from conftest import create_appeal

pytestmark = pytest.mark.django_db
ROLES = ["operator", "specialist", "supervisor", "admin_user"]
# page → roles that may open it
ALLOWED = {
    "/staff/journal/": {"operator", "specialist", "supervisor", "admin_user"},
    "/staff/journal/export.xlsx": {"supervisor", "admin_user"},
    "/staff/journal/export.pdf": {"supervisor", "admin_user"},
    "/staff/my/": {"specialist", "supervisor", "admin_user"},  # operators are given no appeals to work
    "/staff/overdue/": {"supervisor", "admin_user"},
    "/staff/load/": {"supervisor", "admin_user"},
    "/staff/notifications/": {"operator", "specialist", "supervisor", "admin_user"},
    "/staff/access-log/": {"admin_user"},
}


@pytest.mark.parametrize("url", ALLOWED)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_only_its_pages(client, request, url, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(url).status_code == (200 if role in ALLOWED[url] else 403)


def test_user_without_a_role_cannot_read_the_journal(client):
    client.force_login(User.objects.create_user("guest", password="x-123456789"))
    assert client.get("/staff/journal/").status_code == 403


def test_specialist_sees_only_own_department_and_own_appeals_in_journal(client, specialist):
    roof = create_appeal("Течёт крыша", reason="roof-damage")  # technical service
    snow = create_appeal("Снег на крыше", reason="roof-snow")  # sanitary service
    unsorted = create_appeal("Без классификации")
    given = create_appeal("Передано лично", reason="roof-snow")
    services.transition(given, "register", None)
    services.assign(given, None, assignee=specialist, department=snow.department)
    client.force_login(specialist)
    html = client.get("/staff/journal/").content.decode()
    assert roof.number in html and given.number in html
    assert snow.number not in html and unsorted.number not in html


def test_specialist_cannot_widen_the_journal_by_filter(client, specialist):
    snow = create_appeal("Снег на крыше", reason="roof-snow")
    client.force_login(specialist)
    html = client.get("/staff/journal/", {"department": snow.department_id}).content.decode()
    assert snow.number not in html


def _nav(client, user):
    client.force_login(user)
    html = client.get("/staff/notifications/").content.decode()
    return html.split('<nav class="mainnav">')[1].split("</nav>")[0]


def test_nav_for_specialist_has_no_supervisor_or_admin_links(client, specialist):
    nav = _nav(client, specialist)
    assert "Журнал" in nav and "Мои обращения" in nav and "Уведомления" in nav
    for hidden in ("Зарегистрировать", "Просроченные", "Нагрузка", "Журнал доступа", "Справочники"):
        assert hidden not in nav


def test_nav_for_admin_has_everything(client, admin_user):
    nav = _nav(client, admin_user)
    for link in ('href="/staff/journal/"', 'href="/staff/register/"', 'href="/staff/my/"', 'href="/staff/overdue/"',
                 'href="/staff/load/"', 'href="/staff/access-log/"', 'href="/admin/"'):
        assert link in nav
    assert 'href="/staff/notifications/" class="active"' in nav


def test_access_log_lists_who_when_what_and_filters_by_user_and_date(client, admin_user, operator, supervisor):
    appeal = create_appeal()
    log_pd_access(operator, action="view_appeal", appeal=appeal, ip="10.0.0.7")
    log_pd_access(supervisor, action="journal", detail="стр. 1")
    PersonalDataAccess.objects.create(user=supervisor, action="export", detail="без отбора",
                                            at=timezone.now() - dt.timedelta(days=30))
    client.force_login(admin_user)
    html = client.get("/staff/access-log/").content.decode()
    assert "Просмотр обращения" in html and "Иванова Мария Петровна" in html and "10.0.0.7" in html
    assert f"/staff/appeals/{appeal.number}/" in html and "Выгрузка журнала" in html
    only_operator = client.get("/staff/access-log/", {"user": operator.pk}).content.decode()
    assert "10.0.0.7" in only_operator and "Просмотр журнала" not in only_operator
    day = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    recent = client.get("/staff/access-log/", {"date_from": day}).content.decode()
    assert "Выгрузка журнала" not in recent and "Просмотр журнала" in recent


def test_access_log_pages_without_counting(client, admin_user, operator):
    PersonalDataAccess.objects.bulk_create(
        PersonalDataAccess(user=operator, action="journal", detail=f"стр. {i}") for i in range(55))
    client.force_login(admin_user)
    first = client.get("/staff/access-log/").content.decode()
    assert "Показаны 1–50" in first and "page=2" in first
    assert "Показаны 51–55" in client.get("/staff/access-log/", {"page": 2}).content.decode()


def test_access_log_bad_filter_is_a_russian_error(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/staff/access-log/", {"date_from": "2026-03-10", "date_to": "2026-03-01", "user": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Дата «по» не может быть раньше даты «с»." in html
    assert "Выберите корректный вариант" in html

import datetime as dt

import pytest
from django.utils import timezone

from appeals import services
from appeals.models import Appeal, Notification, PersonalDataAccess
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def _assigned(text, user, reason="roof-damage", **fields):
    appeal = create_appeal(text, reason=reason)
    services.transition(appeal, "register", None)
    appeal = services.assign(appeal, None, assignee=user)
    if fields:
        Appeal.objects.filter(pk=appeal.pk).update(**fields)
    return appeal


def test_my_appeals_lists_mine_emergency_first_then_by_due(client, specialist):
    now = timezone.now()
    later = _assigned("Позже", specialist, answer_due=now + dt.timedelta(days=9))
    sooner = _assigned("Раньше", specialist, answer_due=now + dt.timedelta(days=2))
    emergency = _assigned("Затопило квартиру", specialist, reason="water-flood")
    Appeal.objects.filter(pk=emergency.pk).update(answer_due=now + dt.timedelta(days=20))
    someone_elses = _assigned("Чужое", create_staff("petrov", "specialist", "tech"))
    html = _get(client, specialist, "/staff/my/").content.decode()
    mine_section = html.split("Без ответственного")[0]
    positions = [mine_section.find(a.number) for a in (emergency, sooner, later)]
    assert -1 not in positions and positions == sorted(positions)
    assert someone_elses.number not in mine_section


def test_my_appeals_hides_closed_ones(client, specialist):
    appeal = _assigned("Ответим", specialist)
    services.transition(appeal, "withdraw", specialist)
    assert appeal.number not in _get(client, specialist, "/staff/my/").content.decode()


def test_specialist_also_sees_unassigned_of_own_department(client, specialist):
    ours = create_appeal("Крыша течёт", reason="roof-damage")  # technical service
    theirs = create_appeal("Ошибка в квитанции", reason="roof-snow")  # sanitary service
    html = _get(client, specialist, "/staff/my/").content.decode()
    queue = html.split("Без ответственного в вашем подразделении")[1]
    assert ours.number in queue and theirs.number not in queue
    assert PersonalDataAccess.objects.filter(user=specialist, action="my_appeals").exists()


def test_supervisor_without_appeals_has_no_department_queue(client, supervisor):
    html = _get(client, supervisor, "/staff/my/").content.decode()
    assert "Сейчас на вас нет открытых обращений." in html
    assert "Без ответственного в вашем подразделении" not in html


def test_overdue_board_shows_overdue_and_today_across_departments(client, supervisor, specialist):
    now = timezone.now()
    late = _assigned("Просрочено", specialist, answer_due=now - dt.timedelta(days=3))
    today = create_appeal("Сегодня", reason="roof-snow")
    Appeal.objects.filter(pk=today.pk).update(answer_due=now + dt.timedelta(minutes=1))
    calm = create_appeal("Не горит")
    html = _get(client, supervisor, "/staff/overdue/").content.decode()
    assert late.number in html and today.number in html and calm.number not in html
    assert html.index(late.number) < html.index(today.number)
    assert f'href="/staff/appeals/{late.number}/#assign">Переназначить' in html
    assert "Служба санитарного содержания" in html and "Техническая служба" in html


def test_overdue_board_puts_emergencies_first(client, supervisor, specialist):
    now = timezone.now()
    long_late = _assigned("Давно просрочено", specialist, answer_due=now - dt.timedelta(days=10))
    flood = _assigned("Затопило квартиру", specialist, reason="water-flood", answer_due=now - dt.timedelta(minutes=5))
    html = _get(client, supervisor, "/staff/overdue/").content.decode()
    assert html.index(flood.number) < html.index(long_late.number)


def test_load_board_counts_per_person_in_one_query(client, supervisor, specialist, django_assert_max_num_queries):
    now = timezone.now()
    _assigned("А-обычное", specialist, reason="roof-drainpipe", answer_due=now + dt.timedelta(days=20))
    _assigned("Б-просрочено", specialist, answer_due=now - dt.timedelta(days=1))
    _assigned("Б-скоро", specialist, answer_due=now + dt.timedelta(minutes=5))
    _assigned("Авария", specialist, reason="water-flood")
    closed = _assigned("Отозвано", specialist)
    services.transition(closed, "withdraw", specialist)
    for i in range(2):
        create_staff(f"tech{i}", "specialist", "tech")
    client.force_login(supervisor)
    client.get("/staff/load/")
    with django_assert_max_num_queries(12):
        response = client.get("/staff/load/")
    people = {p.username: p for p in response.context["people"]}
    me = people["specialist"]
    assert (me.open_count, me.overdue_count, me.emergency_count) == (4, 1, 1)
    assert me.soon_count == 2  # due in five minutes, and the emergency due within half an hour
    # complexity А 1 + Б 2 + Б 2 + А 1, then +1 for each of the 2 due soon, +2 for the overdue, +1 for the emergency
    assert me.weighted == (1 + 2 + 2 + 1) + 2 * 1 + 2 + 1
    assert people["tech1"].open_count == 0 and people["tech1"].weighted == 0
    assert "operator" not in people or people["operator"].open_count == 0


def test_load_board_shows_unavailable_people(client, supervisor, specialist):
    specialist.profile.is_available = False
    specialist.profile.save()
    html = _get(client, supervisor, "/staff/load/").content.decode()
    assert "Доступен" in html and '<span class="muted">нет</span>' in html


def test_notifications_are_listed_and_marked_read_on_view(client, specialist, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        appeal = _assigned("Назначено", specialist)
    notification = Notification.objects.get(user=specialist, appeal=appeal)
    assert notification.read_at is None
    html = _get(client, specialist, "/staff/notifications/").content.decode()
    assert "Назначено вам" in html and appeal.number in html and "новое" in html
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert "новое" not in client.get("/staff/notifications/").content.decode()


def test_nav_shows_unread_count(client, specialist, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _assigned("Первое", specialist)
        _assigned("Второе", specialist)
    html = _get(client, specialist, "/staff/my/").content.decode()
    assert 'title="Непрочитанных: 2">2</span>' in html
    client.get("/staff/notifications/")
    assert "Непрочитанных" not in client.get("/staff/my/").content.decode()


def test_others_notifications_are_not_shown(client, specialist, operator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _assigned("Специалисту", specialist)
    assert Notification.objects.filter(user=specialist).exists()
    assert "Уведомлений нет." in _get(client, operator, "/staff/notifications/").content.decode()


def test_supervisor_previews_and_confirms_a_rebalance(client, supervisor, specialist):
    idle = create_staff("idle", "specialist", "tech")
    for i in range(4):
        _assigned(f"Обращение {i}", specialist, reason="roof-drainpipe")
    client.force_login(supervisor)
    assert "/staff/load/tech/rebalance/" in client.get("/staff/load/").content.decode()
    preview = client.get("/staff/load/tech/rebalance/")
    assert preview.status_code == 200 and "Перераспределить 2" in preview.content.decode()
    assert Appeal.objects.filter(assignee=idle).count() == 0  # a preview changes nothing
    response = client.post("/staff/load/tech/rebalance/", follow=True)
    assert "Перераспределено обращений: 2." in response.content.decode()
    assert Appeal.objects.filter(assignee=idle).count() == 2


def test_specialist_may_not_rebalance(client, specialist):
    client.force_login(specialist)
    assert client.post("/staff/load/tech/rebalance/").status_code == 403


def test_rebalance_of_a_one_person_department_says_there_is_nobody_to_move_to(client, supervisor, specialist):
    _assigned("Одно", specialist)
    client.force_login(supervisor)
    assert "переносить не к кому" in client.get("/staff/load/tech/rebalance/").content.decode()

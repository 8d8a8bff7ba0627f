"""The appeal page: what it shows, who may see it, and every action posted through it."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from accounts.models import Company, Department
from appeals import services
from appeals.models import Appeal, PersonalDataAccess, Reason
from conftest import create_appeal, create_building, create_staff

pytestmark = pytest.mark.django_db


def page_url(appeal: Appeal, tail: str = "") -> str:
    return f"/staff/appeals/{appeal.number}/{tail}"


def fresh(appeal: Appeal) -> Appeal:
    return Appeal.objects.get(pk=appeal.pk)


def registered(reason: str = "roof-damage", actor=None, **extra) -> Appeal:
    return services.transition(create_appeal(reason=reason, **extra), "register", actor)


def in_progress(actor, reason: str = "roof-damage", **extra) -> Appeal:
    appeal = services.assign(registered(reason, actor, **extra), actor, assignee=actor)
    return services.transition(appeal, "start", actor)


@pytest.fixture
def logged(client, supervisor):
    """The page's features seen by a supervisor, who may take every step; roles have their own tests."""
    client.force_login(supervisor)
    return client


def test_page_shows_header_properties_applicant_text_and_history(logged, supervisor):
    building = create_building("улица Марата", "7")
    appeal = create_appeal("Протекает крыша над квартирой 12", reason="roof-damage", building=building,
                           address_text="Марата 7", flat="12")
    appeal.applicant.is_veteran = True
    appeal.applicant.save()
    services.transition(appeal, "register", supervisor)
    html = logged.get(page_url(appeal)).content.decode()
    assert f'href="/staff/applicants/{appeal.applicant_id}/"' in html
    shown = strip_tags(html)
    for text in (f"Обращение № {appeal.number}", "Зарегистрировано", "ветеран", "Осталось", "Ответить до",
                 "Кровля", "Повреждение кровли, протечка с крыши", "Б — требует анализа", "Техническая служба",
                 "улица Марата, д. 7, кв. 12", "Иванова Мария Петровна", "+79211234567",
                 "Протекает крыша над квартирой 12",
                 "Обращение поступило", "Поступило → Зарегистрировано", "Канал: Телефон"):
        assert text in shown, text


def test_emergency_shows_hours_left(logged):
    appeal = create_appeal("Сильный запах газа в парадной", reason="gas-smell")
    html = logged.get(page_url(appeal)).content.decode()
    assert "Аварийное" in html and re.search(r"Осталось (29|30) мин", html)


def test_overdue_appeal_says_so(logged):
    appeal = create_appeal(received_at=timezone.now() - dt.timedelta(days=30))
    assert "Срок истёк" in logged.get(page_url(appeal)).content.decode()


def test_viewing_writes_the_access_log(logged, supervisor):
    appeal = create_appeal()
    logged.get(page_url(appeal), REMOTE_ADDR="10.1.2.3")
    row = PersonalDataAccess.objects.get(action="view_appeal")
    assert (row.user, row.appeal, row.applicant, row.ip) == (supervisor, appeal, appeal.applicant, "10.1.2.3")


def test_specialist_of_another_department_gets_404(client):
    appeal = registered("roof-damage")  # technical service
    client.force_login(create_staff("cleaner", "specialist", "san"))
    assert client.get(page_url(appeal)).status_code == 404
    assert client.post(page_url(appeal, "do/start/")).status_code == 404
    assert client.get("/staff/appeals/99-999999/").status_code == 404


def test_specialist_of_the_department_takes_an_unassigned_appeal(client, specialist):
    appeal = registered("roof-damage")
    client.force_login(specialist)
    assert "Взять себе" in client.get(page_url(appeal)).content.decode()
    client.post(page_url(appeal, "take/"))
    appeal = fresh(appeal)
    assert appeal.assignee == specialist and appeal.status == "assigned"


def test_every_button_posts_and_moves_the_state(client, supervisor):
    logged = client
    logged.force_login(supervisor)
    appeal = create_appeal(reason="roof-damage")
    steps = [
        ("request_clarification", {"note": "Уточните номер квартиры"}, "clarification"),
        ("clarified", {}, "received"),
        ("register", {}, "registered"),
    ]
    for name, data, status in steps:
        html = logged.get(page_url(appeal)).content.decode()
        assert f'action="/staff/appeals/{appeal.number}/do/{name}/"' in html, name
        assert logged.post(page_url(appeal, f"do/{name}/"), data).status_code == 302, name
        assert fresh(appeal).status == status, name
    assert logged.post(page_url(appeal, "assign/"), {"assignee": supervisor.pk}).status_code == 302
    assert fresh(appeal).status == "assigned"
    steps = [
        ("start", {}, "in_progress"),
        ("wait_applicant", {"note": "Нужна копия акта"}, "waiting_applicant"),
        ("applicant_replied", {}, "in_progress"),
        ("draft_answer", {"answer_text": "Кровля отремонтирована.", "result": "Отремонтировано",
                          "resolved_in_favour_of": "applicant"}, "answer_drafted"),
        ("revise", {}, "in_progress"),
        ("draft_answer", {}, "answer_drafted"),
        ("answer", {}, "answered"),
        ("close", {}, "closed"),
        ("reopen", {"note": "Заявитель сообщил, что течь осталась"}, "in_progress"),
        ("withdraw", {}, "withdrawn"),
    ]
    for name, data, status in steps:
        html = logged.get(page_url(appeal)).content.decode()
        assert f'/staff/appeals/{appeal.number}/do/{name}/' in html, name
        response = logged.post(page_url(appeal, f"do/{name}/"), data)
        assert response.status_code == 302, (name, response.content.decode()[:3000])
        assert fresh(appeal).status == status, name
    assert fresh(appeal).result == "Отремонтировано"


def test_waiting_for_an_organisation_needs_an_outgoing_request(logged, supervisor):
    appeal = in_progress(supervisor)
    response = logged.post(page_url(appeal, "do/wait_external/"))
    assert response.status_code == 400 and "Сначала добавьте исходящий запрос" in response.content.decode()


def test_recording_a_request_and_its_reply_moves_the_appeal_each_in_one_step(logged, supervisor):
    appeal = in_progress(supervisor)
    today = timezone.localdate().isoformat()
    response = logged.post(page_url(appeal, "outgoing/"), {"organization_name": "Водоканал", "subject": "Графики",
                                                           "sent_at": today, "due_at": today}, follow=True)
    assert fresh(appeal).status == "waiting_external"
    assert "Обращение ждёт ответа организации." in response.content.decode()
    sent = appeal.outgoing_requests.get()
    response = logged.post(page_url(appeal, f"outgoing/{sent.pk}/reply/"),
                           {f"r{sent.pk}-reply": "Отключение до 5 декабря", f"r{sent.pk}-answered_at": today},
                           follow=True)
    assert fresh(appeal).status == "in_progress"
    assert "Все организации ответили: обращение снова в работе." in response.content.decode()


def test_a_request_recorded_before_the_work_starts_says_why_the_status_stays(logged, supervisor, specialist):
    appeal = services.assign(registered(), supervisor, assignee=specialist)  # assigned, not yet in work
    today = timezone.localdate().isoformat()
    response = logged.post(page_url(appeal, "outgoing/"), {"organization_name": "Водоканал", "subject": "Графики",
                                                           "sent_at": today, "due_at": today}, follow=True)
    assert fresh(appeal).status == "assigned"
    assert "Статус остался «Назначен ответственный»: ждать ответа организации можно только по обращению в работе." \
        in response.content.decode()


def test_escalation_of_a_complex_appeal(logged, supervisor):
    appeal = in_progress(supervisor, reason="mkd-ramp-proposal")  # category В
    response = logged.post(page_url(appeal, "do/escalate/"), {"note": ""})
    assert "Укажите, что передаётся" in response.content.decode() and fresh(appeal).status == "in_progress"
    logged.post(page_url(appeal, "do/escalate/"), {"note": "Пандус требует решения администрации района"})
    assert fresh(appeal).status == "escalated"


def test_forbidden_transition_shows_the_message_and_changes_nothing(logged):
    appeal = create_appeal()
    events = appeal.events.count()
    response = logged.post(page_url(appeal, "do/close/"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Действие «Закрыть» невозможно, когда обращение в статусе «Поступило»." in html
    appeal = fresh(appeal)
    assert appeal.status == "received" and appeal.events.count() == events


def test_register_without_reason_is_explained(logged):
    appeal = create_appeal()
    response = logged.post(page_url(appeal, "do/register/"))
    assert "Перед регистрацией выберите категорию и причину обращения." in response.content.decode()
    assert fresh(appeal).status == "received"


def test_answer_without_text_is_refused(logged, supervisor):
    appeal = services.transition(in_progress(supervisor), "draft_answer", supervisor, answer_text="Черновик")
    Appeal.objects.filter(pk=appeal.pk).update(answer_text="")
    response = logged.post(page_url(appeal, "do/answer/"), {"answer_text": "", "result": "Сделано",
                                                             "resolved_in_favour_of": "applicant"})
    assert response.status_code == 400 and "Введите текст ответа." in response.content.decode()
    assert fresh(appeal).status == "answer_drafted"


def test_reasoned_refusal_carries_the_hq_notice(logged, supervisor):
    appeal = services.transition(in_progress(supervisor), "draft_answer", supervisor, answer_text="Черновик")
    notice = Company.current().hq_notice()
    assert notice in logged.get(page_url(appeal)).content.decode()
    logged.post(page_url(appeal, "do/refuse/"), {"answer_text": "Работы не входят в перечень услуг.",
                                                 "result": "Отказ", "resolved_in_favour_of": ""})
    appeal = fresh(appeal)
    assert appeal.status == "answered" and appeal.is_refusal and appeal.resolved_in_favour_of == "company"
    assert appeal.answer_text.endswith(notice)


def test_draft_is_saved_without_sending(logged, supervisor):
    appeal = in_progress(supervisor)
    logged.post(page_url(appeal, "draft/"), {"answer_text": "Проект ответа", "result": "",
                                             "resolved_in_favour_of": "partly"})
    appeal = fresh(appeal)
    assert appeal.answer_text == "Проект ответа" and appeal.resolved_in_favour_of == "partly"
    assert appeal.status == "in_progress"


def test_extension_form_only_for_categories_b_and_v(logged, supervisor):
    typical = in_progress(supervisor, reason="mkd-intercom")  # А
    html = logged.get(page_url(typical)).content.decode()
    assert "Продлить срок можно только для обращений категории Б или В; это обращение — категории А." in html
    assert 'action="/staff/appeals/' + typical.number + '/do/extend/"' not in html
    response = logged.post(page_url(typical, "do/extend/"), {"note": "Нужно обследование"})
    assert "только для обращений категории Б или В" in response.content.decode()
    assert fresh(typical).extended_at is None

    complex_ = in_progress(supervisor, reason="roof-damage")  # Б
    assert 'id="extend"' in logged.get(page_url(complex_)).content.decode()
    due = fresh(complex_).answer_due
    assert logged.post(page_url(complex_, "do/extend/"), {"note": "Нужно обследование кровли"}).status_code == 302
    assert fresh(complex_).answer_due > due and fresh(complex_).extension_reason == "Нужно обследование кровли"


def test_extension_is_allowed_only_once(logged, supervisor):
    appeal = in_progress(supervisor, reason="roof-damage")
    logged.post(page_url(appeal, "do/extend/"), {"note": "Обследование"})
    html = logged.get(page_url(appeal)).content.decode()
    assert "Срок этого обращения уже продлевался" in html and "do/extend/" not in html
    due = fresh(appeal).answer_due
    response = logged.post(page_url(appeal, "do/extend/"), {"note": "Ещё раз"})
    assert "повторное продление не допускается" in response.content.decode()
    assert fresh(appeal).answer_due == due


def test_extension_needs_a_reason(logged, supervisor):
    appeal = in_progress(supervisor, reason="roof-damage")
    response = logged.post(page_url(appeal, "do/extend/"), {"note": ""})
    assert "Укажите причину продления срока." in response.content.decode() and fresh(appeal).extended_at is None


def test_supervisor_reassigns_and_operator_may_not(client, supervisor, operator, specialist):
    appeal = registered()
    client.force_login(operator)  # an operator routes to a department, and appoints nobody
    html = client.get(page_url(appeal)).content.decode()
    assert "Направить в подразделение" in html and 'name="assignee"' not in html
    assert client.post(page_url(appeal, "assign/"), {"assignee": specialist.pk}).status_code == 400
    assert fresh(appeal).assignee is None
    client.force_login(supervisor)
    client.post(page_url(appeal, "assign/"), {"assignee": specialist.pk})
    other = create_staff("other", "specialist", "tech")
    client.post(page_url(appeal, "assign/"), {"assignee": other.pk, "note": "Отпуск"})
    appeal = fresh(appeal)
    assert appeal.assignee == other and appeal.status == "assigned"
    assert appeal.events.filter(action="reassigned", note="Отпуск").exists()


def test_assign_with_nothing_chosen_is_explained(client, supervisor):
    appeal = registered()
    client.force_login(supervisor)
    response = client.post(page_url(appeal, "assign/"), {"assignee": "", "department": ""})
    assert response.status_code == 400 and "Выберите подразделение или ответственного." in response.content.decode()


def test_classify_form_sets_reason_complexity_and_priority(logged):
    appeal = create_appeal()
    reason = Reason.objects.get(code="lift-fault")
    logged.post(page_url(appeal, "classify/"), {"reason": reason.pk, "complexity": "B", "priority": "high"})
    appeal = fresh(appeal)
    assert (appeal.reason, appeal.complexity, appeal.priority) == (reason, "B", "high")
    assert appeal.department == Department.objects.get(code="tech")
    assert "Приоритет: Обычный → Высокий" in strip_tags(logged.get(page_url(appeal)).content.decode())


def test_linking_by_number(logged):
    appeal, other = create_appeal(), create_appeal("Снова течёт крыша")
    logged.post(page_url(appeal, "link/"), {"number": f"№ {other.number}"})
    assert list(fresh(appeal).linked.all()) == [other]
    html = logged.get(page_url(appeal)).content.decode()
    assert f"№ {other.number}" in html and "Снова течёт крыша" in html
    response = logged.post(page_url(appeal, "link/"), {"number": "99-000000"})
    assert "Обращение № 99-000000 не найдено." in response.content.decode()


def test_markup_in_text_short_content_and_name_is_escaped(logged):
    appeal = create_appeal("<script>alert('text')</script>", full_name="<img src=x onerror=alert(1)>",
                           short_content="<b>кратко</b>")
    html = logged.get(page_url(appeal)).content.decode()
    assert "<script>alert(" not in html and "<img src=x" not in html and "<b>кратко</b>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html and "&lt;b&gt;" in html


def _queries_for_page(client, appeal) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(page_url(appeal)).status_code == 200
    return len(captured)


def test_page_queries_do_not_grow_with_history_files_requests_and_links(logged, supervisor, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from appeals import outgoing
    from appeals.attachments import add_attachment

    settings.MEDIA_ROOT = tmp_path
    quiet, busy = in_progress(supervisor), in_progress(supervisor)
    _queries_for_page(logged, quiet)  # warm the caches (company, norms)
    baseline = _queries_for_page(logged, quiet)
    today = timezone.localdate()
    for n in range(5):
        add_attachment(busy, SimpleUploadedFile(f"{n}.txt", b"text"), supervisor)
        outgoing.add_request(busy, supervisor, organization=f"Организация {n}", subject="Запрос",
                             sent_at=today, due_at=today)
        services.link(busy, create_appeal(f"Похожее {n}"), supervisor)
        services.update_draft(busy, supervisor, answer_text=f"Черновик {n}")
    assert _queries_for_page(logged, busy) <= baseline  # the busy one waits for replies: one check fewer


def test_a_draft_edit_shows_what_changed_not_the_text_twice(logged, supervisor):
    appeal = in_progress(supervisor)
    services.update_draft(appeal, supervisor, answer_text="Кровля будет отремонтирована до конца недели силами "
                                                          "подрядной организации.", result="Ремонт кровли")
    services.update_draft(fresh(appeal), supervisor, answer_text="Кровля отремонтирована силами подрядной "
                                                                 "организации.", result="Кровля отремонтирована")
    html = logged.get(page_url(appeal)).content.decode()
    history = html.split('id="history"')[1]
    assert '<del title="удалено">будет</del>' in history and '<del title="удалено">до конца недели</del>' in history
    assert history.count("Кровля будет отремонтирована до конца недели силами подрядной организации.") <= 1


def test_a_comment_on_reassigning_to_the_same_person_is_kept(logged, supervisor, specialist):
    appeal = services.assign(registered(), supervisor, assignee=specialist)
    logged.post(page_url(appeal, "assign/"), {"assignee": specialist.pk, "note": "Срочно: жилец — инвалид I группы"})
    assert fresh(appeal).events.filter(action="commented", note="Срочно: жилец — инвалид I группы").exists()
    history = logged.get(page_url(appeal)).content.decode().split('id="history"')[1]
    assert "Комментарий" in history and "Срочно: жилец — инвалид I группы" in history


def test_a_closed_appeal_offers_no_upload_and_refuses_one(logged, supervisor, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    appeal = services.transition(in_progress(supervisor), "draft_answer", supervisor, answer_text="Отремонтировано.")
    appeal = services.transition(appeal, "answer", supervisor, result="Сделано", resolved_in_favour_of="applicant")
    appeal = services.transition(appeal, "close", supervisor)
    assert 'name="file"' not in logged.get(page_url(appeal)).content.decode()
    response = logged.post(page_url(appeal, "attachments/"), {"file": SimpleUploadedFile("a.txt", b"text")})
    assert response.status_code == 400 and "новые файлы к нему не добавляют" in response.content.decode()
    assert not fresh(appeal).attachments.exists()

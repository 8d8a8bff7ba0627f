import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from appeals import services
from appeals.applicants import ApplicantData
from appeals.models import Appeal, PersonalDataAccess
from conftest import create_appeal, create_building, create_staff

pytestmark = pytest.mark.django_db


def _journal(client, user, **params):
    client.force_login(user)
    return client.get("/staff/journal/", params)


def _set(appeal, **fields):
    Appeal.objects.filter(pk=appeal.pk).update(**fields)


def cells(html: str, appeal) -> dict[str, str]:
    """The journal row of `appeal`: column title → the cell's text, lines joined by " | "."""
    titles = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', html)
    row = re.search(rf'<tr[^>]*>\s*<td[^>]*>[^<]*</td>\s*<td[^>]*><a href="/staff/appeals/{appeal.number}/".*?</tr>',
                    html, re.S).group(0)
    texts = [" | ".join(filter(None, (" ".join(part.split()) for part in re.sub(r"<(?!br)[^>]+>", "", cell)
                                      .split("<br>"))))
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    return dict(zip(titles, texts, strict=True))


def test_journal_has_the_columns_of_table_5_3_2(client, operator):
    appeal = create_appeal(reason="roof-damage", address_text="ул. Марата, д. 7")
    html = _journal(client, operator).content.decode()
    for column in ("№ п/п", "Номер", "Дата поступления", "Классификация", "ФИО и адрес заявителя",
                   "Адрес проблемы", "Краткое содержание", "Результат", "В чью пользу"):
        assert f">{column}</th>" in html
    assert f'href="/staff/appeals/{appeal.number}/"' in html
    assert "Кровля → Повреждение кровли, протечка с крыши" in html
    assert "Иванова Мария Петровна" in html


def test_shows_first_rows_and_offers_next_page(client, operator):
    for i in range(51):
        create_appeal(f"Обращение номер {i}")
    first = _journal(client, operator).content.decode()
    assert "показаны 1–50" in first and "page=2" in first
    assert '<td class="num muted">1</td>' in first and '<td class="num muted">50</td>' in first
    second = _journal(client, operator, page=2).content.decode()
    assert "показаны 51–51" in second and "page=3" not in second
    assert '<td class="num muted">51</td>' in second


def test_emergency_tag_and_care_flags_on_the_row(client, operator):
    services.receive_appeal(text="Пахнет газом на лестнице", channel="phone", reason=_reason("gas-smell"),
                            applicant=ApplicantData(full_name="Сидоров Иван", is_veteran=True, is_disabled=True))
    html = _journal(client, operator).content.decode()
    assert 'class="row-emergency"' in html and "tag-emergency" in html
    assert '<span class="tag tag-care">инвалидность</span>' in html
    assert '<span class="tag tag-care">ветеран</span>' in html


def _reason(code):
    from appeals.models import Reason

    return Reason.objects.get(code=code)


def test_deadline_marks_overdue_today_soon_and_paused(client, operator):
    now = timezone.now()
    late, today, paused = create_appeal("Просрочено"), create_appeal("Сегодня"), create_appeal("Пауза")
    _set(late, answer_due=now - dt.timedelta(days=3))
    _set(today, answer_due=now + dt.timedelta(minutes=1))
    services.transition(paused, "request_clarification", operator, note="Уточните номер квартиры")
    html = _journal(client, operator).content.decode()
    assert 'class="small due-overdue">просрочено' in html
    assert 'class="small due-today">сегодня до' in html
    assert "срок приостановлен" in html


def test_filter_by_status_and_due(client, operator):
    late, fresh = create_appeal("Старая протечка"), create_appeal("Новая протечка")
    _set(late, answer_due=timezone.now() - dt.timedelta(days=2))
    html = _journal(client, operator, due="overdue").content.decode()
    assert late.number in html and fresh.number not in html
    services.transition(fresh, "request_clarification", operator, note="Нужен адрес")
    html = _journal(client, operator, status="clarification").content.decode()
    assert fresh.number in html and late.number not in html


def test_building_filter_shows_the_problem_address_apart_from_the_applicant_home(client, operator):
    create_building("Невский проспект", "10")
    marata = create_building("улица Марата", "7")
    create_appeal("Шумят соседи", address_text="Невский пр., 10", flat="3", full_name="Петров Пётр")
    roof = create_appeal("Течёт крыша над подъездом", building=marata, flat="", full_name="Петров Пётр")
    assert roof.applicant.building.house == "10"  # he lives on Nevsky and writes about Marata
    row = cells(_journal(client, operator, address="марата 7").content.decode(), roof)
    assert row["Адрес проблемы"] == "улица Марата, д. 7"
    assert row["ФИО и адрес заявителя"] == "Петров Пётр | Невский проспект, д. 10, кв. 3"


def test_problem_at_the_applicants_own_flat_reads_the_same_place(client, operator):
    create_building("улица Марата", "7")
    appeal = create_appeal("Течёт кран", address_text="ул. Марата, 7", flat="12")
    row = cells(_journal(client, operator).content.decode(), appeal)
    assert row["ФИО и адрес заявителя"] == "Иванова Мария Петровна | улица Марата, д. 7, кв. 12"
    assert row["Адрес проблемы"] == "там же"


def test_applicant_without_a_name_does_not_borrow_the_problem_address(client, operator):
    create_building("улица Марата", "7")
    appeal = create_appeal("Дует из окна", address_text="ул. Марата, 7", flat="5", full_name="")
    row = cells(_journal(client, operator).content.decode(), appeal)
    assert row["ФИО и адрес заявителя"] == "без указания ФИО"
    assert row["Адрес проблемы"] == "улица Марата, д. 7, кв. 5"


def test_result_of_an_open_appeal_is_empty(client, supervisor):
    appeal = _answered(supervisor, result="Кровля отремонтирована 12.03")
    row = cells(_journal(client, supervisor).content.decode(), appeal)
    assert (row["Результат"], row["В чью пользу"]) == ("Кровля отремонтирована 12.03", "Заявителя")
    services.transition(appeal, "reopen", supervisor, note="Снова течёт")
    row = cells(_journal(client, supervisor).content.decode(), appeal)
    assert (row["Результат"], row["В чью пользу"]) == ("", "")
    assert row["Статус и срок"].startswith("В работе | до ")


def _answered(staff, result):
    appeal = create_appeal("Течёт крыша", reason="roof-damage")
    services.transition(appeal, "register", staff)
    services.assign(appeal, staff, assignee=staff)
    services.transition(appeal, "start", staff)
    services.transition(appeal, "draft_answer", staff, answer_text="Кровля отремонтирована.")
    return services.transition(appeal, "answer", staff, result=result, resolved_in_favour_of="applicant")


def test_filter_by_building_typed_as_address(client, operator):
    create_building("улица Марата", "7")
    here = create_appeal("Дует из окна", address_text="ул. Марата, 7")
    elsewhere = create_appeal("Шумят соседи", address_text="пос. Неизвестный")
    html = _journal(client, operator, address="марата 7").content.decode()
    assert here.number in html and elsewhere.number not in html
    assert "Дом: улица Марата, д. 7" in html


def test_unknown_building_is_a_russian_form_error_not_a_500(client, operator):
    response = _journal(client, operator, address="Несуществующая улица 999")
    assert response.status_code == 200
    assert "Такой дом не найден в реестре" in response.content.decode()


def test_bad_dates_and_page_are_handled(client, operator):
    create_appeal()
    response = _journal(client, operator, date_from="2026-03-10", date_to="2026-03-01", page="abc")
    assert response.status_code == 200
    assert "Дата «по» не может быть раньше даты «с»." in response.content.decode()
    assert _journal(client, operator, date_from="не дата", category="x", assignee="999").status_code == 200


def test_filter_by_date_range(client, operator):
    old = create_appeal("Давнее", received_at=timezone.now() - dt.timedelta(days=40))
    new = create_appeal("Свежее")
    day = timezone.localdate() - dt.timedelta(days=1)
    html = _journal(client, operator, date_from=day.isoformat()).content.decode()
    assert new.number in html and old.number not in html


def test_russian_full_text_search_finds_other_word_forms(client, operator):
    leak = create_appeal("Протекла крыша над кухней")
    other = create_appeal("Не вывозят мусор")
    html = _journal(client, operator, q="протекает крыша").content.decode()
    assert leak.number in html and other.number not in html


def test_htmx_request_gets_only_the_results(client, operator):
    create_appeal()
    client.force_login(operator)
    response = client.get("/staff/journal/", {"status": "received"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="journal-results"') and "<html" not in html


def test_every_page_view_is_written_to_the_access_log(client, operator):
    appeal = create_appeal()
    _journal(client, operator, q="крыша", page=1)
    row = PersonalDataAccess.objects.get()  # the one applicant the page showed is named
    assert (row.user, row.action, row.applicant) == (operator, "journal", appeal.applicant)
    assert "Поиск=крыша" in row.detail and row.ip == "127.0.0.1"


def test_appeal_text_with_script_is_escaped(client, operator):
    create_appeal('<script>alert("x")</script> течёт кран', full_name="<b>Хакер</b>")
    html = _journal(client, operator).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<b>Хакер</b>" not in html


def _varied_appeals(count, staff):
    reasons = ["roof-damage", "water-leak", None]
    for i in range(count):
        appeal = create_appeal(f"Обращение {i}", reason=reasons[i % 3], full_name=f"Заявитель {i}",
                               phone=f"+7921000{i:04d}", address_text="Невский пр., 10" if i % 2 else "",
                               flat=str(i))
        if i % 3 == 0:
            services.assign(appeal, staff, assignee=staff, department=None)


def test_query_count_does_not_grow_with_rows(client, supervisor, django_assert_num_queries):
    engineer = create_staff("engineer", "specialist", "tech")
    create_building("Невский проспект", "10")
    _varied_appeals(3, engineer)
    _journal(client, supervisor)  # warm the caches of norms and calendar
    with CaptureQueriesContext(connection) as few:
        _journal(client, supervisor)
    expected = len(few.captured_queries)
    _varied_appeals(27, engineer)
    client.get("/staff/journal/")
    with django_assert_num_queries(expected):
        response = _journal(client, supervisor)
    assert response.content.decode().count('href="/staff/appeals/') == 30
    assert expected <= 21  # session, user, groups, the page, the navigation counters


def test_a_longer_journal_costs_one_query_more_for_its_count(client, supervisor, django_assert_num_queries):
    engineer = create_staff("engineer", "specialist", "tech")
    create_building("Невский проспект", "10")
    _varied_appeals(3, engineer)
    _journal(client, supervisor)
    with CaptureQueriesContext(connection) as whole:  # the page holds every row: it is the count
        _journal(client, supervisor)
    _varied_appeals(51, engineer)
    with django_assert_num_queries(len(whole.captured_queries) + 1):
        html = _journal(client, supervisor).content.decode()
    assert "Найдено: <strong>54</strong>" in html

import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Company, Department
from appeals import services
from appeals.models import Appeal, PersonalDataAccess
from backoffice.export import HEADER, write_journal
from conftest import create_appeal, create_building, create_staff

pytestmark = pytest.mark.django_db
URL = "/staff/journal/export.xlsx"


def _export(client, user, **params):
    client.force_login(user)
    return client.get(URL, params)


def _sheet(response):
    content = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(content)).active


FIRST = 4  # the company, the title and the header come first


def _rows(ws) -> list[dict]:
    return [dict(zip(HEADER, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=FIRST)]


def test_export_is_table_5_3_2_with_title_and_header(client, supervisor):
    Company.objects.create(name="ООО «ЖКС № 1 Центрального района»", short_name="ЖКС № 1", hq_name="Штаб")
    appeal = create_appeal("Течёт крыша", reason="roof-damage", address_text="пос. Неизвестный, ул. Новая 1")
    response = _export(client, supervisor, date_from="2026-03-01", date_to="2026-03-31")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "attachment" in response["Content-Disposition"]
    ws = _sheet(response)
    assert ws["A1"].value == "ООО «ЖКС № 1 Центрального района»"
    assert ws["A2"].value == "Журнал жалоб и обращений: с 01.03.2026 по 31.03.2026"
    assert [c.value for c in ws[3]] == HEADER == [
        "№ п/п", "Номер обращения", "Дата поступления", "Классификация", "ФИО и адрес заявителя", "Адрес проблемы",
        "Краткое содержание", "Результат", "В чью пользу решено", "Статус"]
    assert all(cell.alignment.wrap_text for cell in ws[3]) and not ws["A2"].alignment.wrap_text
    assert ws.max_row == 3  # the appeal was received today, outside March 2026
    ws = _sheet(_export(client, supervisor))
    assert ws["A2"].value == "Журнал жалоб и обращений за всё время"
    assert _rows(ws) == [{
        "№ п/п": 1, "Номер обращения": appeal.number,
        "Дата поступления": timezone.localtime(appeal.received_at).replace(tzinfo=None, microsecond=0),
        "Классификация": "Кровля → Повреждение кровли, протечка с крыши (кат. Б)",
        "ФИО и адрес заявителя": "Иванова Мария Петровна", "Адрес проблемы": "пос. Неизвестный, ул. Новая 1",
        "Краткое содержание": "Течёт крыша", "Результат": None, "В чью пользу решено": None,
        "Статус": "Поступило"}]


def test_running_numbers_and_the_appeal_number_apart(client, supervisor):
    appeals = [create_appeal(f"Обращение {i}") for i in range(3)]
    rows = _rows(_sheet(_export(client, supervisor)))
    assert [r["№ п/п"] for r in rows] == [1, 2, 3]
    assert [r["Номер обращения"] for r in rows] == [a.number for a in reversed(appeals)]


def test_title_names_the_filters(client, supervisor):
    tech = Department.objects.get(code="tech")
    create_building("улица Марата", "7")
    response = _export(client, supervisor, status="in_progress", department=tech.pk, date_from="2026-11-01",
                       date_to="2026-11-30")
    assert _sheet(response)["A2"].value == ("Журнал жалоб и обращений: статус «В работе», "
                                            f"подразделение «{tech.name}», с 01.11.2026 по 30.11.2026")
    response = _export(client, supervisor, q="крыша", due="overdue", address="марата 7", channel="phone",
                       assignee=supervisor.pk, date_to="2026-11-30")
    assert _sheet(response)["A2"].value == ("Журнал жалоб и обращений: поиск «крыша», канал «Телефон», просроченные, "
                                            "ответственный Supervisor Тестов, дом улица Марата, д. 7, по 30.11.2026")


def test_problem_address_apart_from_the_applicant_home(client, supervisor):
    create_building("Невский проспект", "10")
    marata = create_building("улица Марата", "7")
    create_appeal("Шумят соседи", address_text="Невский пр., 10", flat="3", full_name="Петров Пётр")
    create_appeal("Течёт крыша над подъездом", building=marata, flat="", full_name="Петров Пётр")
    row = _rows(_sheet(_export(client, supervisor, address="марата 7")))[0]
    assert row["ФИО и адрес заявителя"] == "Петров Пётр, Невский проспект, д. 10, кв. 3"
    assert row["Адрес проблемы"] == "улица Марата, д. 7"


def _answered(staff):
    appeal = create_appeal("Нет отопления", reason="roof-damage")
    services.transition(appeal, "register", staff)
    services.assign(appeal, staff, assignee=staff)
    services.transition(appeal, "start", staff)
    services.transition(appeal, "draft_answer", staff, answer_text="Кровля отремонтирована.")
    return services.transition(appeal, "answer", staff, result="Кровля отремонтирована 12.03",
                               resolved_in_favour_of="applicant")


def test_answered_appeal_shows_result_and_in_whose_favour(client, supervisor):
    _answered(supervisor)
    row = _rows(_sheet(_export(client, supervisor)))[0]
    assert (row["Результат"], row["В чью пользу решено"], row["Статус"]) == (
        "Кровля отремонтирована 12.03", "Заявителя", "Дан ответ")


def test_open_appeal_has_no_result_not_even_an_earlier_one(client, supervisor):
    services.transition(_answered(supervisor), "reopen", supervisor, note="Снова течёт")
    row = _rows(_sheet(_export(client, supervisor)))[0]
    assert (row["Результат"], row["В чью пользу решено"], row["Статус"]) == (None, None, "В работе")


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://evil.example","жми")', "+79211234567", "-1+2",
                                       "@SUM(A1)", "\tTAB", "\n=1+1"])
def test_cells_that_look_like_formulas_stay_text(client, supervisor, dangerous):
    appeal = create_appeal(dangerous, full_name=f"{dangerous} Петрова")
    Appeal.objects.filter(pk=appeal.pk).update(short_content=dangerous, result=dangerous, address_text=dangerous,
                                               status="closed")
    row = dict(zip(HEADER, _sheet(_export(client, supervisor))[FIRST], strict=True))
    for column in ("Адрес проблемы", "Краткое содержание", "Результат"):
        assert (row[column].data_type, row[column].value) == ("s", dangerous)
    assert row["ФИО и адрес заявителя"].data_type == "s"
    assert row["ФИО и адрес заявителя"].value == f"{dangerous} Петрова".strip()


def test_carriage_return_becomes_a_line_break_and_stays_text(client, supervisor):
    appeal = create_appeal("Текст")
    Appeal.objects.filter(pk=appeal.pk).update(short_content="\r=1+1\r\nвторая строка")
    cell = _sheet(_export(client, supervisor))["G4"]
    assert (cell.data_type, cell.value) == ("s", "\n=1+1\nвторая строка")


def test_characters_forbidden_in_xml_are_dropped_not_a_500(client, supervisor):
    create_appeal("Текст\x01с\x07управляющими\x1bсимволами")
    response = _export(client, supervisor)
    assert response.status_code == 200
    assert _sheet(response)["G4"].value == "Текстсуправляющимисимволами"


def test_export_uses_the_journal_filters(client, supervisor):
    old = create_appeal("Давнее", received_at=timezone.now() - dt.timedelta(days=40))
    new = create_appeal("Свежее")
    day = timezone.localdate() - dt.timedelta(days=1)
    ws = _sheet(_export(client, supervisor, date_from=day.isoformat()))
    numbers = [row["Номер обращения"] for row in _rows(ws)]
    assert numbers == [new.number] and old.number not in numbers


def test_export_is_written_to_the_access_log(client, supervisor):
    create_appeal()
    _export(client, supervisor, q="крыша")
    row = PersonalDataAccess.objects.get()
    assert (row.user, row.action) == (supervisor, "export") and "Поиск=крыша" in row.detail


def test_invalid_filter_is_a_russian_400(client, supervisor):
    response = _export(client, supervisor, date_from="2026-03-10", date_to="2026-03-01")
    assert response.status_code == 400
    assert "Дата «по» не может быть раньше даты «с»." in response.content.decode()


def test_operator_and_specialist_cannot_export(client, operator, specialist):
    assert _export(client, operator).status_code == 403
    assert _export(client, specialist).status_code == 403
    assert not PersonalDataAccess.objects.exists()


def test_admin_can_export(client, admin_user):
    assert _export(client, admin_user).status_code == 200


def test_specialist_export_would_hold_only_visible_rows(client):
    exporter = create_staff("chief-tech", "specialist", "tech")
    from django.contrib.auth.models import Permission

    exporter.user_permissions.add(Permission.objects.get(codename="export_journal"))
    ours, theirs = create_appeal("Крыша", reason="roof-damage"), create_appeal("Квитанция", reason=None)
    numbers = [row["Номер обращения"] for row in _rows(_sheet(_export(client, exporter)))]
    assert numbers == [ours.number] and theirs.number not in numbers


def test_row_limit_leaves_a_note_for_the_reader():
    appeals = [create_appeal(f"Обращение {i}") for i in range(3)]
    out = write_journal(appeals, company="УК", title="Журнал", max_rows=2)
    ws = load_workbook(out).active
    assert ws.max_row == 6
    assert "Выгружены первые 2 строк" in ws["A6"].value

"""Status look-up by number and access code (CH4, A9): the course of the case, the same answer for every miss."""

import datetime as dt
import re

import pytest

from appeals import services
from appeals.models import Reason
from conftest import appeal_through_full_life_cycle, create_appeal, happening_at
from deadlines.calendar import MOSCOW

pytestmark = pytest.mark.django_db

NOT_FOUND = "Обращение с таким номером и кодом не найдено"


def look_up(client, number, code):
    return client.post("/track/", {"number": number, "code": code}, follow=True)


def test_number_and_code_open_the_status_page(client):
    appeal = create_appeal()
    response = look_up(client, appeal.number, appeal.access_code)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"№ {appeal.number}" in html and "Поступило" in html
    assert "Статус: Получено" in html and "Обращение получено" in html
    assert response.redirect_chain == [("/track/status/", 302)]


def test_stray_spaces_and_lower_case_are_forgiven(client):
    appeal = create_appeal()
    code = appeal.access_code.lower()
    spaced = f"  {code[:5]} {code[5:]} "
    response = look_up(client, f" {appeal.number.replace('-', ' - ')} ", spaced)
    assert response.status_code == 200 and f"№ {appeal.number}" in response.content.decode()


def test_code_typed_in_cyrillic_lookalikes_and_number_without_zeros_are_understood(client):
    appeal = create_appeal()
    cyrillic = appeal.access_code.translate(str.maketrans("ABEKMHPCTYX3", "АВЕКМНРСТУХЗ")).lower()
    short_number = appeal.number.split("-")[0] + "-" + str(int(appeal.number.split("-")[1]))
    response = look_up(client, short_number, cyrillic)
    assert response.status_code == 200 and f"№ {appeal.number}" in response.content.decode()


def test_a_code_in_the_address_is_not_used_and_the_form_asks_for_it(client):
    appeal = create_appeal()
    response = client.get("/track/", {"number": appeal.number, "code": appeal.access_code})
    html = response.content.decode()
    assert response.status_code == 200 and "Статус:" not in html and "Код доступа из ссылки не используется" in html
    assert f'value="{appeal.number}"' in html and appeal.access_code not in html
    assert not client.session.get("portal_tracked")


def test_link_with_number_only_prefills_the_form(client):
    html = client.get("/track/", {"number": "26-000123"}).content.decode()
    assert 'value="26-000123"' in html and NOT_FOUND not in html


def _comparable(html: str, number: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return html.replace(number, "NUMBER")


def test_wrong_code_and_unknown_number_look_exactly_the_same(client):
    appeal = create_appeal()
    unknown_number = "26-999999"
    wrong_code = look_up(client, appeal.number, "AAAAAAAAAA")
    unknown = look_up(client, unknown_number, appeal.access_code)
    assert wrong_code.status_code == unknown.status_code == 404
    assert [t.name for t in wrong_code.templates] == [t.name for t in unknown.templates]
    assert NOT_FOUND in wrong_code.content.decode()
    assert _comparable(wrong_code.content.decode(), appeal.number) == \
        _comparable(unknown.content.decode(), unknown_number)


def test_wrong_code_never_echoes_the_code_back(client):
    appeal = create_appeal()
    response = look_up(client, appeal.number, "ZZZZZZZZZZ")
    assert "ZZZZZZZZZZ" not in response.content.decode()


def test_empty_code_is_asked_for_and_finds_nothing(client):
    appeal = create_appeal()
    response = look_up(client, appeal.number, "")
    assert "Введите код доступа." in response.content.decode()
    assert f"№ {appeal.number}" not in response.content.decode()


def test_status_page_without_a_look_up_goes_to_the_form(client):
    response = client.get("/track/status/")
    assert response.status_code == 302 and response["Location"] == "/track/"


def _answered(actor, favour: str, refuse: bool = False):
    appeal = create_appeal()
    appeal = services.register_with_reason(appeal, actor, reason=Reason.objects.get(code="roof-drainpipe"))
    appeal = services.assign(appeal, actor, assignee=actor)
    appeal = services.transition(appeal, "start", actor)
    appeal = services.transition(appeal, "draft_answer", actor, answer_text="Водосточная труба заменена 3 марта.")
    return services.transition(appeal, "refuse" if refuse else "answer", actor, result="Труба заменена",
                               resolved_in_favour_of=favour)


def test_answer_is_shown_once_sent(client, admin_user):
    appeal = _answered(admin_user, "applicant")
    html = look_up(client, appeal.number, appeal.access_code).content.decode()
    assert "Водосточная труба заменена 3 марта." in html
    assert "Статус: Дан ответ" in html and "вышестоящую организацию" not in html


def test_refusal_names_the_higher_organisation(client, admin_user):
    appeal = _answered(admin_user, "company", refuse=True)
    html = look_up(client, appeal.number, appeal.access_code).content.decode()
    assert "обоснованный отказ" in html
    assert "вы вправе обратиться в вышестоящую организацию" in html
    assert html.count("вы вправе обратиться в вышестоящую организацию") == 1


def test_draft_answer_is_not_shown_before_it_is_sent(client, admin_user):
    appeal = create_appeal()
    services.update_draft(appeal, admin_user, answer_text="Черновик: проверить трубу")
    html = look_up(client, appeal.number, appeal.access_code).content.decode()
    assert "Черновик" not in html


def _timeline(html: str) -> list[str]:
    items = re.findall(r'<span class="when">([^<]+)</span><br><span class="what">([^<]+)</span>', html)
    return [f"{when} {what}" for when, what in items]


def test_status_page_tells_the_residents_steps_of_a_full_life_cycle_with_dates(client, admin_user):
    appeal = appeal_through_full_life_cycle(admin_user)
    html = look_up(client, appeal.number, appeal.access_code).content.decode()
    assert _timeline(html) == [
        "03.03.2025, 10:00 Обращение получено",
        "03.03.2025, 11:00 Обращение зарегистрировано",
        "03.03.2025, 12:00 Обращение принято в работу",
        "05.03.2025, 10:00 Нужны сведения от вас. Сотрудник свяжется с вами",
        "06.03.2025, 15:00 Сведения от вас получены, работа продолжается",
        "12.03.2025, 10:00 Срок рассмотрения продлён до 01.04.2025",
        "20.03.2025, 16:00 Дан ответ",
        "21.03.2025, 09:00 Рассмотрение завершено",
    ]
    assert "Статус: Рассмотрение завершено" in html


@pytest.mark.parametrize("label", ["Подготовлен проект ответа", "Назначен ответственный", "Ждём ответа организации",
                                   "Ответ дорабатывается", "Обращение в работе.", "Срок рассмотрения продлён."])
def test_status_page_shows_no_internal_step(client, admin_user, label):
    appeal = appeal_through_full_life_cycle(admin_user)
    html = look_up(client, appeal.number, appeal.access_code).content.decode()
    assert label not in html


def _in_work(actor):
    appeal = services.transition(create_appeal(reason="roof-damage"), "register", actor)
    appeal = services.assign(appeal, actor, assignee=actor)
    return services.transition(appeal, "start", actor)


def test_drafted_answer_reads_as_in_work(client, admin_user):
    appeal = services.transition(_in_work(admin_user), "draft_answer", admin_user, answer_text="Проект: заменить трубу")
    html = look_up(client, appeal.number, appeal.access_code).content.decode()
    assert "Статус: В работе" in html and "Проект: заменить трубу" not in html


def test_waiting_for_the_resident_says_a_clerk_will_call_not_what_the_note_asks(client, admin_user):
    appeal = services.transition(_in_work(admin_user), "wait_applicant", admin_user,
                                 note="Уточнить номер лицевого счёта")
    html = look_up(client, appeal.number, appeal.access_code).content.decode()
    assert "Статус: Нужны сведения от вас" in html and "Сотрудник сам свяжется с вами" in html
    assert "лицевого счёта" not in html


def test_emergency_deadline_shows_its_time(client):
    with happening_at(dt.datetime(2026, 12, 2, 14, 0, tzinfo=MOSCOW)):
        appeal = create_appeal("Течёт труба в подвале", reason="water-leak")
    html = look_up(client, appeal.number, appeal.access_code).content.decode()
    assert "02.12.2026 до 14:30" in html


def test_ordinary_deadline_is_a_date_alone(client):
    with happening_at(dt.datetime(2025, 3, 3, 10, 0, tzinfo=MOSCOW)):
        appeal = create_appeal(reason="roof-damage")
    html = look_up(client, appeal.number, appeal.access_code).content.decode()
    assert re.search(r"<dt>Срок ответа</dt>\s*<dd>17\.03\.2025</dd>", html)


def test_extended_deadline_reads_until_its_date(client, admin_user):
    appeal = appeal_through_full_life_cycle(admin_user, until="extend")
    html = look_up(client, appeal.number, appeal.access_code).content.decode()
    assert re.search(r"<dt>Срок ответа</dt>\s*<dd>продлён до 01\.04\.2025</dd>", html)
    assert "Статус: В работе" in html


def test_rate_limit_stops_guessing(client, settings):
    settings.PUBLIC_RATE_LIMIT = 3
    appeal = create_appeal()
    codes = [look_up(client, appeal.number, f"WRONG{n}").status_code for n in range(3)]
    assert codes == [404, 404, 404]
    blocked = look_up(client, appeal.number, appeal.access_code)
    assert blocked.status_code == 429 and "Слишком много попыток" in blocked.content.decode()

"""An operator takes a call from start to wrap-up: the timer runs, the caller is looked up on the
registration screen, the appeal registered there is linked to the call."""

import re

import pytest
from playwright.sync_api import expect

from appeals.models import Appeal
from appeals.reference import load_reference_data
from calls.models import Call
from conftest import PASSWORD, create_appeal, create_staff

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def operator():
    load_reference_data()
    return create_staff("operator", "operator", "crm", first_name="Ольга", last_name="Смирнова")


def test_operator_takes_a_call_registers_the_appeal_and_wraps_up(page, shot, operator):
    earlier = create_appeal("Не работает домофон во втором подъезде", full_name="Иванова Мария Петровна",
                            phone="+79211234567")
    page.goto("/staff/journal/")
    page.get_by_label("Имя пользователя").fill("operator")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    bar = page.get_by_role("region", name="Звонок")
    expect(bar.get_by_role("button", name="Начать звонок")).to_be_visible()
    shot("call-01-bar-ready")

    bar.get_by_label("Звонок").fill("8 921 123-45-67")
    bar.get_by_role("button", name="Начать звонок").click()
    expect(bar).to_contain_text("Идёт звонок")
    expect(bar).to_contain_text("Иванова Мария Петровна")
    clock = bar.get_by_role("timer")
    expect(clock).to_have_text(re.compile(r"^0:0\d$"))
    expect(clock).to_have_text(re.compile(r"^0:0[1-9]$"))  # it runs
    shot("call-02-timer-running")

    bar.get_by_role("button", name="Клиент найден").click()
    expect(bar.get_by_role("button", name="Клиент найден")).to_have_count(0)
    bar.get_by_role("link", name="Зарегистрировать обращение").click()
    expect(page.get_by_role("heading", name="Регистрация обращения")).to_be_visible()
    expect(page.locator("#applicant-box .chosen")).to_contain_text("Иванова Мария Петровна")
    expect(page.locator("#applicant-box .chosen")).to_contain_text("+79211234567")
    expect(page.locator(".matches")).to_contain_text(f"№ {earlier.number}")
    expect(page.locator(".call-register-note")).to_be_visible()
    expect(page.get_by_role("radio", name="Телефон")).to_be_checked()
    page.get_by_label("Категория и причина").select_option(label="Повреждение кровли, протечка с крыши")
    page.get_by_label("Текст обращения").fill("После дождя протекает потолок на кухне, вода капает на плиту.")
    shot("call-03-registration-from-the-call")
    page.get_by_role("button", name="Зарегистрировать обращение").click()
    expect(page.get_by_role("heading", name="Обращение зарегистрировано")).to_be_visible()
    appeal = Appeal.objects.exclude(pk=earlier.pk).get()
    expect(bar).to_contain_text(f"обращение № {appeal.number}")
    shot("call-04-appeal-registered")

    expect(bar.get_by_label("Итог")).to_have_value("new_appeal")
    bar.get_by_role("button", name="Завершить звонок").click()
    expect(bar).to_contain_text("Постобработка")
    expect(bar.get_by_role("timer")).to_be_visible()
    shot("call-05-wrap-up")
    bar.get_by_role("button", name="Постобработка завершена").click()
    expect(bar.get_by_role("button", name="Начать звонок")).to_be_visible()

    call = Call.objects.get()
    assert call.appeal == appeal and call.applicant == earlier.applicant and call.outcome == "new_appeal"
    assert call.found_at and call.ended_at and call.wrapped_up_at
    bar.get_by_role("link", name="Звонки за сегодня").click()
    expect(page.locator("table.list")).to_contain_text(f"№ {appeal.number}")
    shot("call-06-todays-calls")


def test_supervisor_listens_to_a_call_and_the_office_sees_todays_visits(page, shot, operator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from appeals.models import PersonalDataAccess
    from calls import recordings, services, visits
    from calls.tests.test_recordings import wav_bytes

    supervisor = create_staff("supervisor", "supervisor", "crm", first_name="Ирина", last_name="Волкова")
    create_appeal("Не работает домофон", full_name="Иванова Мария Петровна", phone="+79211234567")
    call = services.mark_found(services.start_call(operator, "+79211234567"), operator)
    call = services.end_wrap_up(services.end_call(call, operator, "information"), operator)
    recordings.attach(call, SimpleUploadedFile("разговор.wav", wav_bytes()), supervisor)
    visits.start_service(visits.register_arrival(operator, visitor_name="Петров Пётр"), operator)
    visits.register_arrival(operator, visitor_name="Сидорова Анна")

    page.goto("/staff/calls/")
    page.get_by_label("Имя пользователя").fill("supervisor")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    page.locator("table.list").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name=f"Звонок № {call.pk}")).to_be_visible()
    expect(page.locator("table.list")).to_contain_text("Поиск информации о клиенте")
    duration = page.locator("audio").evaluate(
        "a => new Promise(done => { a.addEventListener('loadedmetadata', () => done(a.duration)); a.load(); })")
    assert 0 < duration < 1
    assert PersonalDataAccess.objects.filter(user=supervisor, action="listen_call_recording").exists()
    shot("call-07-supervisor-review")

    page.goto("/staff/calls/visits/")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Сидорова Анна")).to_contain_text("ждёт с")
    expect(rows.filter(has_text="Петров Пётр")).to_contain_text("идёт с")
    shot("call-08-todays-visits")

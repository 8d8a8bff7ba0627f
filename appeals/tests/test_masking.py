"""The answer letter as anyone holding the number and code sees it (the status page and `POST /api/v1/track`):
the people in it hidden, the letter still readable; the full letter reaches the applicant by e-mail."""

import pytest
from django.core import mail

from accounts.models import Company
from appeals import services
from appeals.masking import hide_personal_data
from appeals.tracking import public_status
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db

LETTER = ("Уважаемая Кузнецова М.П.!\n\nПо вашей квартире 47 сообщаем: протечка кровли над кв. 47 устранена "
          "12 марта мастером Сидоровым И. И. Соседка из квартиры № 48 Петрова Анна также уведомлена. Перерасчёт по "
          "лицевому счёту № 1234567890 выполнен. Копия ответа направлена на kuznetsova.m@mail.ru, справки по "
          "телефону 8 (911) 555-12-34 у инженера Олега Викторовича. Горячая линия: {hotline}. Основание: "
          "постановление Правительства РФ от 06.05.2011 № 354, п. 31.")
SHOWN = ("Уважаемая [скрыто]!\n\nПо вашей квартире [скрыто] сообщаем: протечка кровли над кв. [скрыто] устранена "
         "12 марта мастером [скрыто]. Соседка из квартиры № [скрыто] также уведомлена. Перерасчёт по "
         "лицевому счёту № [скрыто] выполнен. Копия ответа направлена на [скрыто], справки по "
         "телефону [скрыто] у инженера [скрыто]. Горячая линия: {hotline}. Основание: "
         "постановление Правительства РФ от 06.05.2011 № 354, п. 31.")


@pytest.fixture
def answered(django_capture_on_commit_callbacks):
    """An appeal answered with LETTER through the verbs, its e-mail to the applicant sent."""
    hotline = Company.current().hotline or "8 (812) 000-00-00"
    Company.objects.filter(pk=Company.current().pk).update(hotline=hotline)
    roofer = create_staff("roofer", "specialist", "tech")
    appeal = create_appeal(reason="roof-damage", full_name="Кузнецова Мария Петровна", email="kuz@example.ru",
                           flat="47")
    appeal = services.assign(services.transition(appeal, "register", None), None, assignee=roofer)
    appeal = services.transition(services.transition(appeal, "start", roofer), "draft_answer", roofer,
                                 answer_text=LETTER.format(hotline=hotline))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        appeal = services.transition(appeal, "answer", roofer, result="Кровля отремонтирована",
                                     resolved_in_favour_of="applicant")
    return appeal, hotline


def test_the_public_letter_hides_people_contacts_flats_and_accounts_and_keeps_the_rest(answered):
    appeal, hotline = answered
    assert public_status(appeal)["answer_text"] == SHOWN.format(hotline=hotline)


def test_the_status_page_and_the_api_show_the_same_masked_letter(client, answered):
    appeal, hotline = answered
    page = client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True)
    api = client.post("/api/v1/track", {"number": appeal.number, "access_code": appeal.access_code},
                      content_type="application/json").json()
    assert api["answer_text"] == SHOWN.format(hotline=hotline)
    html = page.content.decode()
    for hidden in ("Кузнецова", "Сидоров", "Петрова", "Олега", "1234567890", "555-12-34", "kuznetsova", " 47 "):
        assert hidden not in html and hidden not in api["answer_text"], hidden
    assert "мастером [скрыто]. Соседка из квартиры № [скрыто]" in html


def test_the_full_letter_goes_by_e_mail_and_the_page_says_so(client, answered):
    appeal, hotline = answered
    (letter,) = [m for m in mail.outbox if not m.subject.startswith("Оцените")]  # the survey comes apart
    assert letter.to == ["kuz@example.ru"]
    assert LETTER.format(hotline=hotline) in letter.body
    html = client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True).content.decode()
    assert "Полный текст ответа отправлен на электронную почту, указанную в обращении." in html
    api = client.post("/api/v1/track", {"number": appeal.number, "access_code": appeal.access_code},
                      content_type="application/json").json()
    assert api["full_letter_by"] == "email"


def test_without_an_e_mail_the_page_says_the_company_hands_the_letter_over(client, answered):
    appeal, _hotline = answered
    appeal.applicant.email = ""
    appeal.applicant.save()
    html = client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True).content.decode()
    assert "Полный текст ответа вам передаст управляющая компания: письмом по почте или в офисе." in html


def test_street_names_dates_and_norms_are_not_taken_for_people():
    text = "Дом на улице Марата и на Невском проспекте осмотрен 5 мая; по п. 31 Правил № 354 срок — 30 дней."
    assert hide_personal_data(text) == text


@pytest.mark.parametrize("text, shown", [
    ("Спасибо мастеру, Анна Квятковская помогла.", "Спасибо мастеру, [скрыто] помогла."),
    ("Дом на улице Марата, Иван Сдобнов чинил.", "Дом на улице Марата, [скрыто] чинил."),
    ("Квятковская Анна Петровна звонила дважды.", "[скрыто] звонила дважды."),
    ("Пришёл Вахтанг Гугуашвили и починил.", "Пришёл [скрыто] и починил."),
])
def test_a_surname_the_dictionary_does_not_know_goes_with_the_name_beside_it(text, shown):
    assert hide_personal_data(text) == shown


@pytest.mark.parametrize("text, shown", [
    ("Сегодня Анна пришла вовремя.", "Сегодня [скрыто] пришла вовремя."),
    ("Звонила Мария, Невский проспект, д. 5.", "Звонила [скрыто], Невский проспект, д. 5."),
    ("Ремонт Мария приняла. Крыша не течёт.", "Ремонт [скрыто] приняла. Крыша не течёт."),
])
def test_known_words_and_places_beside_a_name_stay(text, shown):
    assert hide_personal_data(text) == shown

"""The letter's PDF says what a Russian official letter says: its outgoing number and date, the addressee,
the appeal it answers, the decision and, for a refusal, where to appeal it."""

import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from deadlines.calendar import date_words
from letters import services
from letters.choices import LetterKind
from letters.models import Letter, LetterTemplate

from .conftest import COMPANY, TODAY, decided, extended

pytestmark = pytest.mark.django_db


def pdf_text(letter: Letter) -> str:
    with letter.pdf.open("rb") as file:
        reader = PdfReader(io.BytesIO(file.read()))
    # Words are compared with plain spaces (the PDF keeps the non-breaking ones of «№ 26-0001»), and a word
    # broken at the end of a line after its own hyphen («Санкт-|Петербург») is one word again.
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages).replace("\u00a0", " ")
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


def words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_answer_letter_reads_back_number_date_addressee_and_appeal(worker):
    appeal = decided(worker)
    letter = services.issue_letter(appeal, LetterKind.ANSWER, worker, today=TODAY)
    text = pdf_text(letter)
    assert letter.number == "26-0001"
    assert "Исх. № 26-0001 от 12 марта 2026 г." in text
    assert f"На обращение № {appeal.number}" in text
    assert "Иванова Мария Петровна" in text and "улица Марата, д. 7, кв. 12" in text
    assert "Кровля над вашим подъездом будет отремонтирована до 30 апреля." in text
    assert COMPANY["name"] in words(text) and "ИНН 7842007313" in text and "ОГРН 1077847007314" in text
    assert "Генеральный директор" in text and "Григорьев А. В." in text
    assert COMPANY["hq_name"] not in words(text)  # decided in the applicant's favour: nothing to appeal


def test_refusal_names_the_hq_with_its_contacts_even_when_the_template_omits_it(worker):
    LetterTemplate.objects.filter(kind=LetterKind.REFUSAL).update(body="<p>Вам отказано.</p>{{ answer }}")
    letter = services.issue_letter(decided(worker, refuse=True), LetterKind.REFUSAL, worker, today=TODAY)
    text = words(pdf_text(letter))
    for contact in ("hq_name", "hq_address", "hq_phone", "hq_email", "hq_site"):
        assert words(COMPANY[contact]) in text, contact
    assert text.count(words(COMPANY["hq_name"])) == 1
    assert "«самовольной»" in text  # straight quotes set as «ёлочки»


def test_decision_partly_in_favour_names_the_hq_once(worker):
    letter = services.issue_letter(decided(worker, favour="partly"), LetterKind.ANSWER, worker, today=TODAY)
    assert words(pdf_text(letter)).count(words(COMPANY["hq_name"])) == 1


def test_extension_letter_names_the_new_due_date_and_the_reason(worker):
    appeal = extended(worker)
    letter = services.issue_letter(appeal, LetterKind.EXTENSION, worker, today=TODAY)
    text = pdf_text(letter)
    due = date_words(timezone.localtime(appeal.answer_due).date())
    assert f"продлён до {due} включительно." in text
    assert "Причина продления: нужен осмотр подрядчика." in text
    assert "Исполнитель: Пётр Сантехников" in text


def test_the_staff_template_is_escaped_and_signed_as_configured(worker):
    LetterTemplate.objects.filter(kind=LetterKind.ANSWER).update(
        body="<p>Обращение № {{ number }}: {{ answer }}</p>", signatory_name="Белова Т. Н.",
        signatory_post="Заместитель директора")
    appeal = decided(worker)
    appeal.answer_text = "<script>alert(1)</script> & готово"
    appeal.save()
    letter = services.issue_letter(appeal, LetterKind.ANSWER, worker, today=TODAY)
    assert "<script>" not in letter.body and "&lt;script&gt;" in letter.body
    text = pdf_text(letter)
    assert "<script>alert(1)</script> & готово" in text
    assert "Заместитель директора" in text and "Белова Т. Н." in text


def test_an_answer_written_as_a_letter_keeps_its_greeting_on_top_and_loses_its_sign_off(worker, company):
    appeal = decided(worker, refuse=True)
    appeal.answer_text = ("Уважаемая Мария Петровна!\n\nКровля исправна.\n\nС уважением,\nОтдел по работе с "
                          f"обращениями граждан\n\n{company.hq_notice()}")
    appeal.save()
    letter = services.issue_letter(appeal, LetterKind.REFUSAL, worker, today=TODAY)
    text = words(pdf_text(letter))
    assert letter.salutation == "Уважаемая Мария Петровна!"
    assert text.count("Уважаемая Мария Петровна!") == 1
    assert text.index("Уважаемая Мария Петровна!") < text.index("Кровля исправна.")
    assert "С уважением" not in text and "Отдел по работе" not in text
    assert text.count(words(COMPANY["hq_name"])) == 1


def test_without_a_greeting_of_its_own_the_letter_greets_by_name_and_patronymic(worker):
    letter = services.issue_letter(extended(worker), LetterKind.EXTENSION, worker, today=TODAY)
    assert letter.salutation == "Уважаемая Мария Петровна!" and "Уважаемая Мария Петровна!" in pdf_text(letter)


def test_the_staff_template_fetches_nothing_from_the_disk_or_the_network(worker, monkeypatch):
    import urllib.request

    fetched = []
    real_open = urllib.request.OpenerDirector.open

    def recording(self, url, *args, **kwargs):
        fetched.append(getattr(url, "full_url", url))
        return real_open(self, url, *args, **kwargs)

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", recording)
    LetterTemplate.objects.filter(kind=LetterKind.ANSWER).update(
        body='<img src="file:///etc/hostname"><img src="http://example.invalid/x.png">{{ answer }}')
    letter = services.issue_letter(decided(worker), LetterKind.ANSWER, worker, today=TODAY)
    assert "Кровля над вашим подъездом" in pdf_text(letter)
    assert not [url for url in fetched if "hostname" in url or "example.invalid" in url]


def test_the_staffs_own_words_of_a_right_to_complain_stay_in_the_letter(worker):
    appeal = decided(worker)
    appeal.answer_text = "Кровля отремонтирована. Вы вправе обратиться в Государственную жилищную инспекцию."
    appeal.save()
    letter = services.issue_letter(appeal, LetterKind.ANSWER, worker, today=TODAY)
    assert "Вы вправе обратиться в Государственную жилищную инспекцию." in words(pdf_text(letter))

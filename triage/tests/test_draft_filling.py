"""A draft from an earlier answer arrives with what the new appeal knows, and without any notice of its own."""

import pytest
from django.utils import timezone

from accounts.models import Company
from appeals.choices import Status
from appeals.models import Appeal
from conftest import create_appeal
from triage.answers import suggest_answers
from triage.answers.drafts import draft_from_answer, fill_for, greeting_name

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_answer_index")]

EARLIER = ("Уважаемый Олег Тимурович! Ваше обращение № 25-000417 от 03.03.2025 рассмотрено. Домофон в парадной "
           "отремонтирован 05.03.2025, замок входной двери исправен.")


@pytest.mark.parametrize("full_name, expected", [
    ("Иванова Мария Петровна", ("Уважаемая", "Мария Петровна")),
    ("Сергей Валентинович Кузнецов", ("Уважаемый", "Сергей Валентинович")),
    ("петров илья ильич", ("Уважаемый", "Илья Ильич")),
    ("Гусейнова Айгюль", None),  # no patronymic: a person writes the greeting
    ("", None),
])
def test_the_greeting_addresses_the_applicant_by_name_and_patronymic(full_name, expected):
    assert greeting_name(full_name) == expected


def test_a_draft_gets_the_greeting_the_number_the_flat_and_the_date_of_the_new_appeal():
    earlier = draft_from_answer(EARLIER + " Замер в кв. 17 проведён.", names=["Тимуров Олег Тимурович"])
    draft = fill_for(earlier, full_name="Иванова Мария Петровна", number="26-000123", flat="89",
                     received_on=timezone.datetime(2026, 12, 1).date())
    assert "Замер в кв. 89 проведён." in draft
    assert draft.startswith("Уважаемая Мария Петровна!\n\nВаше обращение № 26-000123 от 01.12.2026 рассмотрено.")
    assert "отремонтирован [дата]" in draft  # when the work was done is for the person to write
    assert "Олег" not in draft and "25-000417" not in draft


def test_a_draft_never_carries_a_notice_of_its_own():
    company = Company.current()
    company.hq_address = "191023, Санкт-Петербург, набережная реки Фонтанки, д. 50"
    company.hq_phone = "+7 812 555-02-00"
    company.save()
    earlier = create_appeal("Не работает домофон, дверь не открывается", reason="mkd-intercom")
    Appeal.objects.filter(pk=earlier.pk).update(
        status=Status.ANSWERED, answered_at=timezone.now(),
        answer_text=f"Домофон проверен, неисправности не выявлены.\n\n{company.hq_notice()}")
    new = create_appeal("Домофон не работает, не открыть дверь", reason="mkd-intercom", full_name="Петров Илья Ильич")
    [draft] = [s.draft for s in suggest_answers(new)]
    assert "вышестоящ" not in draft and "Фонтанки" not in draft and "[телефон]" not in draft
    assert "Домофон проверен, неисправности не выявлены." in draft

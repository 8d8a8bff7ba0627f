"""A practice scenario made from an archive appeal: its problem, place and classification, none of its people.

The text is masked by the appeals' own helper (names in any case, phones, e-mails, flat and account
numbers) and the caller is given an invented name, phone and flat, which the scenario's questions
then reveal as a caller would. The scenario starts unpublished: a supervisor reads it over first.
"""

from appeals import access
from appeals.masking import People, hide_personal_data
from appeals.models import Appeal

from . import rights
from .models import Scenario
from .sandbox import PracticeError
from .scoring import shown_phone

# Invented callers, none of them a person of the journal (checked when chosen).
CALLERS = [
    ("Тестова Алла Викторовна", "+79000000101"),
    ("Учебный Пётр Ильич", "+79000000202"),
    ("Примерова Нина Семёновна", "+79000000303"),
    ("Образцов Олег Данилович", "+79000000404"),
]


def _caller(appeal: Appeal) -> tuple[str, str]:
    real = appeal.applicant
    choices = [c for c in CALLERS if real is None or (c[0] != real.full_name and c[1] != real.phone)]
    return choices[appeal.pk % len(choices)]


def _flat(appeal: Appeal) -> str:
    real = appeal.flat or (appeal.applicant.flat if appeal.applicant else "")
    flat = str(appeal.pk % 90 + 5)
    return str(int(flat) + 1) if flat == real else flat


def _people(appeal: Appeal) -> People:
    applicant = appeal.applicant
    if applicant is None:
        return People()
    return People(names=(applicant.full_name,), phones=(applicant.phone,),
                  written=tuple(v for v in (applicant.email, applicant.postal_address) if v))


def scenario_from_appeal(appeal: Appeal, actor) -> Scenario:
    """A draft scenario from the appeal: the masked words («[скрыто]» where a person was, for the supervisor
    to reword), its reason and priority, its building; titled by the reason, not by the appeal's words."""
    if not rights.may_manage(actor) or not access.can_view(actor, appeal):
        raise PracticeError("Учебный сценарий из обращения может сделать только руководитель.")
    if appeal.reason_id is None:
        raise PracticeError("У обращения нет причины: сначала классифицируйте его.")
    people = _people(appeal)
    name, phone = _caller(appeal)
    flat = _flat(appeal)
    address = appeal.building.address if appeal.building else hide_personal_data(appeal.address_text, people)
    facts = [
        {"question": "Как к вам обращаться? (ФИО)", "answer": f"{name}.", "required": True},
        {"question": "Номер телефона для связи", "answer": f"Записывайте: {shown_phone(phone)}.", "required": True},
        {"question": "Номер квартиры", "answer": f"Квартира {flat}.", "required": True},
    ]
    return Scenario.objects.create(
        title=f"{appeal.reason.name} (из архива)"[:200],
        caller_words=hide_personal_data(appeal.text, people), facts=facts,
        expected_reason=appeal.reason, expected_priority=appeal.priority, expected_building=appeal.building,
        expected_address=address, expected_flat=flat, caller_name=name, caller_phone=phone,
        is_published=False, source=Scenario.Source.ARCHIVE, created_by=actor)

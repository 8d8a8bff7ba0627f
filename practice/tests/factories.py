"""Small factories for the practice tests."""

from appeals.models import Reason
from practice.models import Scenario


def make_scenario(building=None, **extra) -> Scenario:
    """A gas-smell call at the building: three questions, two of them required."""
    values = dict(
        title="Запах газа в парадной", caller_words="На лестнице пахнет газом, Марата, 7.",
        facts=[{"question": "ФИО", "answer": "Иванова Мария Петровна.", "required": True},
               {"question": "Телефон", "answer": "8 921 123-45-67.", "required": True},
               {"question": "Давно ли пахнет?", "answer": "С утра.", "required": False}],
        expected_reason=Reason.objects.get(code="gas-smell"), expected_priority="emergency",
        expected_building=building, expected_address=building.address if building else "улица Марата, 7",
        expected_flat="12", caller_name="Иванова Мария Петровна", caller_phone="+79211234567", time_target=300)
    values.update(extra)
    return Scenario.objects.create(**values)


def perfect_post(scenario) -> dict:
    """The registration form filled exactly as the scenario expects."""
    return {"full_name": "иванова  Мария Петровна", "phone": "8 (921) 123-45-67",
            "address_text": scenario.expected_address,
            "building_id": scenario.expected_building_id or "", "flat": "кв. 12",
            "text": "Пахнет газом на лестнице", "reason": scenario.expected_reason_id, "priority": "emergency"}

"""The shipped difficult calls, loaded once by the command the demo runs."""

import pytest
from django.core.management import call_command

from conftest import create_building
from practice.models import Scenario
from practice.shipped import SCENARIOS, load_shipped

pytestmark = pytest.mark.django_db


def test_the_shipped_set_loads_once_and_links_registry_buildings():
    rubinshteina = create_building("улица Рубинштейна", "13")
    call_command("load_practice_scenarios", stdout=open("/dev/null", "w"))
    assert Scenario.objects.count() == len(SCENARIOS) >= 10
    assert load_shipped() == 0
    angry = Scenario.objects.get(code="angry-no-hot-water")
    assert angry.expected_building == rubinshteina and angry.is_published


def test_the_difficult_calls_are_in_it():
    load_shipped()
    codes = set(Scenario.objects.values_list("code", flat=True))
    assert {"angry-no-hot-water", "gas-in-passing", "elderly-unclear-address", "phone-only-when-asked"} <= codes
    hidden = Scenario.objects.get(code="gas-in-passing")
    assert hidden.expected_priority == "emergency" and hidden.expected_reason.code == "gas-smell"
    phone_last = Scenario.objects.get(code="phone-only-when-asked")
    assert phone_last.caller_phone not in phone_last.caller_words
    assert "905" not in phone_last.caller_words
    assert all(Scenario.objects.get(code=s["code"]).required_facts for s in SCENARIOS)


def test_an_edited_shipped_scenario_is_left_alone():
    load_shipped()
    Scenario.objects.filter(code="roof-leak-calm").update(title="Изменено руководителем")
    load_shipped()
    assert Scenario.objects.get(code="roof-leak-calm").title == "Изменено руководителем"

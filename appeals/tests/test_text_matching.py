"""Text for matching: invisible characters, NFD letters, full-width letters and digits, Latin look-alikes in
Cyrillic words find what they mean in search, building matching and applicant look-up — while the stored
text stays as typed; a query with no word to search by is answered with a message, not the whole journal."""

import unicodedata

import pytest
from django.core.management import call_command

from accounts.models import ApiToken
from appeals.applicants import search_applicants
from appeals.journal import JournalFilter, apply_filter
from appeals.models import Appeal, Applicant
from appeals.search import NOTHING_TO_SEARCH
from conftest import create_appeal, create_building
from housing.models import Building
from housing.services import match_building, suggest_buildings
from priemnaya.matching import clean

pytestmark = pytest.mark.django_db

SOFT_HYPHEN, ZERO_WIDTH_SPACE, BOM = "\u00ad", "\u200b", "\ufeff"


def found(query: str) -> list[int]:
    return list(apply_filter(Appeal.objects.all(), JournalFilter(q=query)).values_list("pk", flat=True))


def test_matching_form_folds_what_looks_alike_and_drops_what_is_invisible():
    assert clean(f"Heвский пр{SOFT_HYPHEN}оспект, д. ７") == "Невский проспект, д. 7"
    assert clean(f"Мaрата{ZERO_WIDTH_SPACE} ٧, {BOM}кв. №５") == "Марата 7, кв. №5"
    assert clean(unicodedata.normalize("NFD", "Воробьёв Йосиф")) == "Воробьёв Йосиф"
    assert clean("ivanova@mаil.ru") == "ivanova@mail.ru"  # a Latin word keeps its script


@pytest.mark.parametrize("query", [
    f"кры{SOFT_HYPHEN}ша", f"кры{ZERO_WIDTH_SPACE}ша", "ｋрыша", unicodedata.normalize("NFD", "ПРОТЁК"), "Heвском",
])
def test_search_finds_words_typed_with_invisible_or_look_alike_characters(query):
    appeal = create_appeal("Протекла крыша над квартирой, дом на Невском")
    assert found(query) == [appeal.pk]


def test_search_finds_a_text_stored_with_look_alikes_and_keeps_it_as_typed():
    typed = f"Течёт кры{SOFT_HYPHEN}ша, улица Мaрата"  # a soft hyphen and a Latin «a»
    appeal = create_appeal(typed)
    assert found("крыша Марата") == [appeal.pk]
    assert Appeal.objects.get().text == typed


@pytest.mark.parametrize("typed", ["Heвский пр. 10", f"Невс{SOFT_HYPHEN}кий 10", "Невский пр. １０"])
def test_building_matching_reads_look_alikes_and_full_width_digits(typed):
    building = create_building("Невский проспект", "10")
    assert match_building(typed) == building
    assert suggest_buildings(typed) == [building]


def test_registry_keys_of_a_street_typed_with_look_alikes_find_it():
    building = create_building("улица Мaрaта", "7")  # imported with two Latin «a»: more than a typo
    assert match_building("Марата 7") == building


@pytest.mark.parametrize("query", ["Ивaнова", f"Ива{ZERO_WIDTH_SPACE}нова М. П.", "ИВАНОВА\u00a0МАЙЯ",
                                   unicodedata.normalize("NFD", "Иванова Майя Петровна")])
def test_applicant_look_up_reads_look_alikes_and_invisible_characters(query):
    appeal = create_appeal(full_name="Иванова Майя Петровна")
    assert list(search_applicants(query)) == [appeal.applicant]


def test_a_name_stored_with_invisible_characters_is_found_and_kept_as_typed():
    typed = f"Ивано{SOFT_HYPHEN}ва  Мария"
    appeal = create_appeal(full_name=typed)
    assert list(search_applicants("Иванова Мария")) == [appeal.applicant]
    assert Applicant.objects.get().full_name == typed


@pytest.mark.parametrize("query", ["№５", "...", "в на и", "5"])
def test_journal_answers_a_query_without_words_with_a_message(client, supervisor, query):
    create_appeal("Протекает крыша")
    client.force_login(supervisor)
    response = client.get("/staff/journal/", {"q": query})
    assert response.context["form"].errors["q"] == [NOTHING_TO_SEARCH]
    assert response.context["page"] is None
    assert NOTHING_TO_SEARCH in response.content.decode()


def test_api_answers_a_query_without_words_with_422_naming_q(client, supervisor):
    create_appeal("Протекает крыша")
    _, key = ApiToken.issue(supervisor)
    response = client.get("/api/v1/appeals", {"q": "№５"}, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 422
    assert response.json()["detail"] == [{"loc": ["query", "q"], "msg": NOTHING_TO_SEARCH, "type": "appeal_error"}]


def test_rekey_search_brings_keys_saved_before_up_to_date():
    appeal = create_appeal(f"Течёт кры{SOFT_HYPHEN}ша", full_name=f"Ивано{SOFT_HYPHEN}ва Мария")
    building = create_building("улица Мaрата", "7")
    # as the keys were made before the matching form
    Appeal.objects.update(search_lemmas="течь кры ша")
    Applicant.objects.update(name_key=f"ивано{SOFT_HYPHEN}ва мария")
    Building.objects.update(search_key="улица мaрата 7")
    call_command("rekey_search", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found("крыша") == [appeal.pk]
    assert list(search_applicants("Иванова")) == [appeal.applicant]
    assert match_building("Марата 7") == building

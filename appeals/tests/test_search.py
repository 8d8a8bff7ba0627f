import pytest

from appeals import search
from appeals.models import Appeal
from appeals.search import filter_search, search_keys
from conftest import create_appeal

pytestmark = pytest.mark.django_db


def found(query: str) -> set[str]:
    return set(filter_search(Appeal.objects.all(), query).values_list("text", flat=True))


def test_noun_forms_meet_both_ways():
    create_appeal("Течёт крыша над кухней")
    create_appeal("Нет горячей воды третий день")
    assert found("крыши") == {"Течёт крыша над кухней"}
    assert found("горячая вода") == {"Нет горячей воды третий день"}


def test_verb_aspect_pairs_meet():
    create_appeal("Вчера протекла труба в подвале")
    create_appeal("Постоянно протекает потолок")
    assert found("протекает") == {"Вчера протекла труба в подвале", "Постоянно протекает потолок"}
    assert found("протекла труба") == {"Вчера протекла труба в подвале"}


def test_all_words_must_match():
    create_appeal("Протекает крыша")
    assert found("крыша подвал") == set()


def test_search_is_updated_when_text_changes():
    appeal = create_appeal("Сломан домофон")
    appeal.text = appeal.short_content = "Сломан лифт"
    appeal.save()
    assert found("лифт") == {"Сломан лифт"} and found("домофон") == set()


def test_punctuation_and_quotes_in_query_are_harmless():
    create_appeal("Протекает крыша")
    assert found('"крыша" OR (NEAR') == set()
    assert found("крыша!!!") == {"Протекает крыша"}


def test_search_by_number():
    appeal = create_appeal("Сломан домофон")
    assert found(appeal.number) == {"Сломан домофон"}


def test_keys_are_lemmas():
    assert search_keys("Крыши протекают") == ["крыша", "протек"]


def test_frequent_words_are_found_the_same_way_as_rare_ones(monkeypatch):
    create_appeal("Протекает крыша")
    create_appeal("Течёт крыша над кухней")
    create_appeal("Сломан домофон")
    through_index = found("крыша")
    monkeypatch.setattr(search, "FREQUENT_MATCHES", 1)  # PostgreSQL then tests each row instead
    assert found("крыша") == through_index == {"Протекает крыша", "Течёт крыша над кухней"}

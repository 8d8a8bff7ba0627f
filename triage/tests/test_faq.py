import importlib

import pytest

from appeals.models import Category
from triage.answers.faq import FaqIndex, match_faq
from triage.models import FaqEntry

pytestmark = pytest.mark.django_db

default_faq = importlib.import_module("triage.migrations.0002_default_faq")


@pytest.fixture
def faq(db):
    """A small FAQ of our own instead of the default one."""
    FaqEntry.objects.all().delete()
    entries = {
        "meters": ("Как передать показания счётчиков воды?", "показания приборов учёта; сообщить показания"),
        "flood": ("Что делать, если протекает потолок?", "залили соседи сверху; течёт с потолка"),
        "certificate": ("Как получить справку о регистрации?", "справка форма 9; выписка из поквартирной карточки"),
        "intercom": ("Не работает домофон", "сломан домофон; ключ от подъезда"),
        "heating": ("Когда включат отопление?", "начало отопительного сезона; когда дадут тепло"),
    }
    return {key: FaqEntry.objects.create(question=q, keywords=k, answer="Ответ.") for key, (q, k) in entries.items()}


def questions(text: str, **kwargs) -> list[str]:
    return [m.entry.question for m in match_faq(text, **kwargs)]


def test_word_forms_match(faq):
    assert questions("куда передавать показание счётчика")[0] == faq["meters"].question


def test_verb_aspects_match(faq):
    assert questions("у меня протекла крыша, потолок мокрый")[0] == faq["flood"].question


def test_other_wordings_are_searched(faq):
    assert questions("нужна выписка из поквартирной карточки")[0] == faq["certificate"].question


def test_meaning_finds_a_paraphrase_that_shares_only_a_verb(faq):
    entries = list(FaqEntry.objects.all())
    assert FaqIndex(entries, semantic=False).match("когда включат батареи") == []
    assert FaqIndex(entries).match("когда включат батареи")[0].entry == faq["heating"]


def test_question_outside_the_faq_gets_nothing(faq):
    assert questions("как записаться к врачу в поликлинику") == []
    assert questions("где купить новогоднюю ёлку") == []
    assert questions("   ") == []


def test_unpublished_entries_are_hidden_from_residents_but_shown_to_operators(faq):
    faq["intercom"].is_published = False
    faq["intercom"].save()
    assert faq["intercom"].question not in questions("сломался домофон")
    assert questions("сломался домофон", published_only=False)[0] == faq["intercom"].question


def test_index_follows_edits_and_new_entries(faq):
    assert questions("сосульки на крыше") == []
    FaqEntry.objects.create(question="Кто убирает сосульки с крыши?", keywords="наледь; снег на крыше", answer="Мы.")
    assert questions("сосульки на крыше") == ["Кто убирает сосульки с крыши?"]
    faq["meters"].question = "Как передать показания электросчётчика?"
    faq["meters"].save()
    assert questions("показания электросчётчика")[0] == "Как передать показания электросчётчика?"


def test_limit_and_scores_are_ordered(faq):
    found = match_faq("течёт с потолка и не работает домофон", limit=2)
    assert len(found) == 2 and found[0].score >= found[1].score > 0


def test_default_faq_is_loaded_with_categories():
    codes = set(Category.objects.values_list("code", flat=True))
    assert 30 <= len(default_faq.ENTRIES) <= 45
    assert {code for code, *_ in default_faq.ENTRIES} <= codes
    assert all(answer.strip() and question.strip() for _, question, _, answer in default_faq.ENTRIES)
    loaded = dict(FaqEntry.objects.filter(is_published=True).values_list("question", "category__code"))
    assert loaded == {question: code for code, question, *_ in default_faq.ENTRIES}


def test_default_faq_answers_its_own_questions():
    entries = [FaqEntry(question=q, keywords=k, answer=a) for _, q, k, a in default_faq.ENTRIES]
    index = FaqIndex(entries)
    for entry in entries:
        assert index.match(entry.question, limit=1)[0].entry is entry

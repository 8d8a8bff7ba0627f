import pytest

from triage.classifier import TextClassifier
from triage.classifier_tree import DEFAULT_MODEL, TreeModel

from .samples import labelled

ROADS = ["Яма на дороге", "Разбит асфальт на проезжей части", "Ямы на проезжей части улицы",
         "Дорожное покрытие разрушено, ямы", "Провал асфальта на дороге", "Выбоины на дороге у перекрёстка"]


@pytest.fixture(scope="module")
def tree() -> TreeModel:
    texts, labels = labelled()
    road = "Благоустройство → Повреждения дорожного покрытия проезжей части"
    model = TextClassifier().fit(texts + ROADS, labels + [road] * len(ROADS))
    model.label_ids = {"Кровля → Повреждение кровли": [26], "Содержание МКД → Неисправный лифт": [122],
                       "Благоустройство → Мусор на внутридворовой территории": [12], road: [9]}
    return TreeModel(model)


@pytest.fixture(scope="module")
def shipped() -> TreeModel:
    return TreeModel.load()


def test_a_portal_reason_becomes_ours_with_our_category(tree):
    suggestion = tree.suggest("Протекает крыша, вода на потолке")
    assert (suggestion.reason, suggestion.category) == ("roof-damage", "roof")
    assert suggestion.top3[0] == (suggestion.reason, suggestion.score)
    assert set(suggestion.as_dict()) == {"reason", "category", "score", "top3"}


def test_what_the_company_does_not_handle_goes_to_manual_triage(tree):
    suggestion = tree.suggest("Огромная яма на проезжей части")
    assert suggestion.reason is None and suggestion.category is None


def test_ranking_names_only_our_reasons_best_first(tree):
    ranked = tree.rank("Яма на дороге, и мусор во дворе", limit=3)
    assert ranked and all(code for code, _ in ranked)
    assert [p for _, p in ranked] == sorted((p for _, p in ranked), reverse=True)


def test_a_model_of_our_own_codes_needs_no_mapping():
    texts, labels = labelled()
    ours = {"Кровля → Повреждение кровли": "roof-damage", "Содержание МКД → Неисправный лифт": "lift-fault",
            "Благоустройство → Мусор на внутридворовой территории": "yard-litter"}
    tree = TreeModel(TextClassifier().fit(texts, [ours[label] for label in labels]))
    assert tree.suggest("сломан лифт").reason == "lift-fault"


def test_the_shipped_model_loads_with_its_version_and_metrics(shipped):
    assert DEFAULT_MODEL.is_file()
    meta = shipped.classifier.meta
    assert shipped.version and meta["trained_at"] and meta["metrics"]["labels"]["macro_f1"] > 0
    assert len(shipped.classifier.classes) > 100


def test_the_shipped_model_puts_a_leaking_roof_into_the_roof_category(shipped):
    suggestion = shipped.suggest("течёт крыша, вода в квартире на последнем этаже")
    assert suggestion.category == "roof"

import pytest

from appeals.default_tree import TREE
from triage.classifier import DEFAULT_MODEL, TextClassifier, TreeModel

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


def best(tree: TreeModel, text: str) -> tuple[str | None, float]:
    """The most probable of our reasons, manual triage (None) included."""
    codes, proba = tree.proba([text])
    return codes[int(proba[0].argmax())], float(proba[0].max())


def test_a_portal_reason_becomes_ours(tree):
    text = "Протекает крыша, вода на потолке"
    assert best(tree, text)[0] == "roof-damage"
    assert tree.rank(text)[0] == best(tree, text)


def test_what_the_company_does_not_handle_goes_to_manual_triage(tree):
    assert best(tree, "Огромная яма на проезжей части")[0] is None


def test_ranking_names_only_our_reasons_best_first(tree):
    ranked = tree.rank("Яма на дороге, и мусор во дворе", limit=3)
    assert ranked and all(code for code, _ in ranked)
    assert [p for _, p in ranked] == sorted((p for _, p in ranked), reverse=True)


def test_a_model_of_our_own_codes_needs_no_mapping():
    texts, labels = labelled()
    ours = {"Кровля → Повреждение кровли": "roof-damage", "Содержание МКД → Неисправный лифт": "lift-fault",
            "Благоустройство → Мусор на внутридворовой территории": "yard-litter"}
    tree = TreeModel(TextClassifier().fit(texts, [ours[label] for label in labels]))
    assert best(tree, "сломан лифт")[0] == "lift-fault"


def test_the_shipped_model_loads_with_its_version_and_metrics(shipped):
    assert DEFAULT_MODEL.is_file()
    meta = shipped.classifier.meta
    assert shipped.version and meta["trained_at"] and meta["metrics"]["labels"]["macro_f1"] > 0
    assert len(shipped.classifier.classes) > 100


def test_the_shipped_model_puts_a_leaking_roof_into_the_roof_category(shipped):
    roof = {code for (category, _name), reasons in TREE.items() if category == "roof" for code, *_rest in reasons}
    assert best(shipped, "течёт крыша, вода в квартире на последнем этаже")[0] in roof

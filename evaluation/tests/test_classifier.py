"""The shipped training procedure measured on a held-out split, as `train_classifier` prints it."""

from evaluation.classifier import train
from triage.classifier.datasets import Examples
from triage.tests.samples import labelled

ROOF = "Кровля → Повреждение кровли"
LIFT = "Содержание МКД → Неисправный лифт"
PARENTS = {ROOF: "Кровля", LIFT: "Содержание МКД",
           "Благоустройство → Мусор на внутридворовой территории": "Благоустройство"}


def test_training_measures_on_held_out_texts_and_keeps_categories():
    texts, labels = labelled()
    examples = Examples(texts * 2, labels * 2, [None] * len(texts) * 2, parents=PARENTS)
    result = train(examples, split="grouped")
    assert result.evaluation.n < len(examples)  # identical texts stay on one side, so fewer than all
    assert result.parent_evaluation is not None
    assert len(result.model.classes) == 3

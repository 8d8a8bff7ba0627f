"""Choosing how to train from the training data itself: each preset scored on a held-back part, the best kept."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from evaluation import presets
from evaluation.presets import ACCURACY_SLACK, MARGIN, choose, winner
from triage.classifier import TextClassifier
from triage.classifier.datasets import Examples, group_key, grouped_folds
from triage.classifier.presets import PRESETS
from triage.tests.samples import labelled, portal_rows, write_jsonl


def _examples(dates: bool) -> Examples:
    texts, labels = labelled()
    texts, labels = texts * 3, labels * 3
    when = [dt.date(2021, 1 + i % 2, 10) for i in range(len(texts))] if dates else [None] * len(texts)
    return Examples(texts, labels, when)


def test_the_preset_is_the_winner_of_its_scores_on_held_back_parts():
    choice = choose(_examples(dates=False))
    assert set(choice.scores) | set(choice.skipped) == set(PRESETS)
    assert choice.name == winner(choice.scores) and choice.settings == PRESETS[choice.name][0]
    assert "перекрёстной проверке в 5 частях (72 записей)" in choice.how  # small: every record held back once


def test_a_larger_undated_file_is_chosen_on_a_held_back_fifth(monkeypatch):
    monkeypatch.setattr(presets, "SMALL", 50)
    assert "отложенной пятой части" in choose(_examples(dates=False)).how


def test_folds_hold_every_record_out_once_and_identical_texts_together():
    examples = _examples(dates=False)
    folds = grouped_folds(examples, 5, seed=2)
    held = [i for _fit, part in folds for i in part]
    assert sorted(held) == list(range(len(examples)))
    for fit, part in folds:
        assert not {group_key(examples.texts[i]) for i in fit} & {group_key(examples.texts[i]) for i in part}


def _letter(text: str, k: int) -> str:
    return (f"Генеральному директору ООО «ЖКС» от жильца дома {k}. Заявление. {text}. Прошу принять меры. "
            "С уважением, Иванов И. И., подпись ____")


def test_the_letters_preset_is_tried_on_letters_only():
    short = choose(_examples(dates=False))
    assert "letters" in short.skipped and "letters" not in short.scores
    assert "рамка письма только у 0.0%" in short.explain()
    texts, labels = labelled()
    letters = Examples([_letter(t, k) for k, t in enumerate(texts * 3)], labels * 3, [None] * len(texts) * 3)
    choice = choose(letters)
    assert "letters" in choice.scores and not choice.skipped


def test_a_preset_that_buys_macro_f1_with_accuracy_never_wins():
    plain = {"macro_f1": 0.50, "accuracy": 0.80}
    lifted = {"macro_f1": 0.55, "accuracy": 0.80 - 2 * ACCURACY_SLACK}
    assert winner({"plain": plain, "portal": lifted}) == "plain"
    assert winner({"plain": plain, "portal": lifted | {"accuracy": 0.80 - ACCURACY_SLACK / 2}}) == "portal"


def test_plain_is_kept_unless_another_preset_beats_it_by_more_than_the_noise():
    plain = {"macro_f1": 0.50, "accuracy": 0.80}
    assert winner({"plain": plain, "portal": dict(plain)}) == "plain"
    assert winner({"plain": plain, "portal": plain | {"macro_f1": 0.50 + MARGIN / 2}}) == "plain"
    assert winner({"plain": plain, "portal": plain | {"macro_f1": 0.50 + MARGIN}, "letters": plain}) == "portal"


def test_dated_records_are_chosen_on_their_latest_month():
    assert "последнем месяце" in choose(_examples(dates=True)).how


def test_the_command_says_what_it_chose_and_why_and_the_model_keeps_it(tmp_path):
    out = StringIO()
    data = write_jsonl(tmp_path / "appeals.jsonl", portal_rows())
    call_command("train_classifier", "--data", data, "--out", str(tmp_path / "m.npz"), stdout=out)
    text = out.getvalue()
    assert "выбрана предустановка" in text and "macro-F1" in text
    metrics = TextClassifier.load(tmp_path / "m.npz").meta["metrics"]
    assert metrics["preset"] in PRESETS
    assert set(metrics["preset_scores"]) | set(metrics["preset_skipped"]) == set(PRESETS)
    if metrics["preset"] != "plain":
        assert "Простая модель (plain) на той же отложенной части" in text and "plain" in metrics


def test_a_preset_named_is_used_without_choosing(tmp_path):
    out = StringIO()
    data = write_jsonl(tmp_path / "appeals.jsonl", portal_rows())
    call_command("train_classifier", "--data", data, "--preset", "letters", "--out", str(tmp_path / "m.npz"),
                 stdout=out)
    assert "выбрана предустановка" not in out.getvalue()
    model = TextClassifier.load(tmp_path / "m.npz")
    assert model.settings.letters and model.meta["metrics"]["preset"] == "letters"


def test_too_little_to_choose_on_gives_plain_and_says_so():
    examples = Examples([f"нет воды {k}" for k in range(8)] + ["нет света"], ["вода"] * 8 + ["свет"], [None] * 9)
    choice = choose(examples)
    assert choice.name == "plain" and not choice.scores
    assert "данных слишком мало" in choice.explain()
    assert winner({}) == "plain"


def test_folds_never_have_an_empty_side():
    same = Examples(["одно и то же"] * 20, ["a", "b"] * 10, [None] * 20)
    assert grouped_folds(same, 5) == []
    three = Examples(["раз", "два", "три"], ["a", "b", "c"], [None] * 3)
    folds = grouped_folds(three, 5)
    assert len(folds) == 3 and all(fit and held for fit, held in folds)


def test_a_file_too_small_to_learn_from_is_refused_with_a_message(tmp_path):
    data = tmp_path / "tiny.csv"
    data.write_text("text;reason\nтечёт крыша;кровля\nнет света;свет\nмусор;двор\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Слишком мало текста для обучения"):
        call_command("train_classifier", "--data", str(data), "--out", str(tmp_path / "m.npz"), stdout=StringIO())

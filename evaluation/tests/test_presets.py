"""Choosing how to train from the training data itself: each preset scored on a held-back part, the best kept."""

import datetime as dt
from io import StringIO

from django.core.management import call_command

from evaluation.presets import choose
from triage.classifier import TextClassifier
from triage.classifier.datasets import Examples
from triage.classifier.presets import PLAIN, PRESETS
from triage.tests.samples import labelled, portal_rows, write_jsonl


def _examples(dates: bool) -> Examples:
    texts, labels = labelled()
    texts, labels = texts * 3, labels * 3
    when = [dt.date(2021, 1 + i % 2, 10) for i in range(len(texts))] if dates else [None] * len(texts)
    return Examples(texts, labels, when)


def test_the_best_preset_on_the_held_back_part_is_kept_and_a_tie_goes_to_plain():
    choice = choose(_examples(dates=False))
    assert set(choice.scores) == set(PRESETS)
    best = max(scores["macro_f1"] for scores in choice.scores.values())
    assert choice.scores[choice.name]["macro_f1"] == best
    if choice.scores["plain"]["macro_f1"] == best:
        assert choice.name == "plain" and choice.settings == PLAIN
    assert "пятой части" in choice.how  # undated: a random fifth, identical texts on one side


def test_dated_records_are_chosen_on_their_latest_month():
    assert "последнем месяце" in choose(_examples(dates=True)).how


def test_the_command_says_what_it_chose_and_why_and_the_model_keeps_it(tmp_path):
    out = StringIO()
    data = write_jsonl(tmp_path / "appeals.jsonl", portal_rows())
    call_command("train_classifier", "--data", data, "--out", str(tmp_path / "m.npz"), stdout=out)
    text = out.getvalue()
    assert "выбрана предустановка" in text and "macro-F1" in text
    metrics = TextClassifier.load(tmp_path / "m.npz").meta["metrics"]
    assert metrics["preset"] in PRESETS and set(metrics["preset_scores"]) == set(PRESETS)
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

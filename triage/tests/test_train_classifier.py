from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from conftest import create_appeal
from triage.classifier import TextClassifier

from .samples import LIFT, LITTER, ROOF, portal_rows, write_jsonl


def run(*args) -> str:
    out = StringIO()
    call_command("train_classifier", *args, stdout=out)
    return out.getvalue()


def test_trains_from_a_file_and_prints_the_report(tmp_path):
    data = write_jsonl(tmp_path / "appeals.jsonl", portal_rows())
    out = run("--data", data, "--label", "reason", "--out", str(tmp_path / "m.npz"))
    assert "accuracy" in out and "macro-F1" in out
    assert "Категории" in out and "сохранена" in out
    model = TextClassifier.load(tmp_path / "m.npz")
    assert "Кровля → Повреждение кровли" in model.classes
    assert model.label_ids["Кровля → Повреждение кровли"] == [26]
    assert model.meta["metrics"]["split"] == "grouped" and "labels" in model.meta["metrics"]
    assert "appeals.jsonl" in model.meta["data"]


def test_temporal_split_tests_on_the_latest_month(tmp_path):
    data = write_jsonl(tmp_path / "appeals.jsonl", portal_rows())
    out = run("--data", data, "--split", "temporal", "--out", str(tmp_path / "m.npz"))
    assert "Оценка (temporal)" in out


def test_default_build_is_measured_on_the_latest_month(tmp_path):
    data = write_jsonl(tmp_path / "appeals.jsonl", portal_rows())
    out = run("--data", data, "--default", "--split", "grouped", "--out", str(tmp_path / "reasons.npz"))
    assert "Оценка (temporal)" in out
    assert TextClassifier.load(tmp_path / "reasons.npz").meta["metrics"]["split"] == "temporal"


def test_csv_with_russian_headers_and_another_label(tmp_path):
    path = tmp_path / "appeals.csv"
    lines = ["Текст обращения;Категория"]
    lines += [f"{text};Кровля" for text in ROOF] + [f"{text};Лифты" for text in LIFT]
    path.write_text("\n".join(lines), encoding="utf-8")
    run("--data", str(path), "--label", "Категория", "--text-field", "Текст обращения", "--out",
        str(tmp_path / "m.npz"))
    assert TextClassifier.load(tmp_path / "m.npz").classes == ["Кровля", "Лифты"]


def test_a_file_with_answers_learns_from_them_too(tmp_path):
    rows = [dict(row, answer=f"Работы по обращению выполнены: {row['text'].lower()}, проверено мастером")
            for row in portal_rows()]
    out = run("--data", write_jsonl(tmp_path / "appeals.jsonl", rows), "--preset", "portal", "--out",
              str(tmp_path / "m.npz"))
    assert "ответы на обращения как примеры" in out


@pytest.mark.django_db
def test_trains_from_the_journal_with_reason_codes(tmp_path):
    for text in ROOF:
        create_appeal(text, reason="roof-damage")
    for text in LITTER:
        create_appeal(text, reason="yard-litter")
    create_appeal("Без причины пока")
    run("--out", str(tmp_path / "journal.npz"), "--split", "none")
    model = TextClassifier.load(tmp_path / "journal.npz")
    assert model.classes == ["roof-damage", "yard-litter"]
    assert model.parents == {"roof-damage": "roof", "yard-litter": "yard"}
    assert "журнал" in model.meta["data"]


@pytest.mark.django_db
def test_an_empty_journal_is_explained(tmp_path):
    with pytest.raises(CommandError, match="мало обращений"):
        run("--out", str(tmp_path / "journal.npz"))


def test_default_needs_data():
    with pytest.raises(CommandError, match="--data"):
        run("--default")

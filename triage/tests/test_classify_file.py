import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from triage.classifier import TextClassifier

from .samples import labelled, write_jsonl


@pytest.fixture(scope="module")
def model_path(tmp_path_factory) -> str:
    texts, labels = labelled()
    model = TextClassifier().fit(texts, labels)
    model.stamp(data="примеры из теста")
    return str(model.save(tmp_path_factory.mktemp("models") / "m.npz"))


def classify(model_path, source, output, *args) -> list[dict]:
    call_command("classify_file", "--model", model_path, "--input", str(source), "--output", str(output), *args,
                 stdout=StringIO())
    return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]


def test_writes_id_label_score_and_top3_for_every_record(model_path, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 501, "text": "Течёт крыша"}, {"text": "Сломан лифт"}])
    lines = classify(model_path, source, tmp_path / "out.jsonl")
    assert [set(line) for line in lines] == [{"id", "label", "score", "top3"}] * 2
    assert lines[0]["id"] == 501 and lines[1]["id"] == 2  # no id: the line number
    assert lines[0]["label"] == "Кровля → Повреждение кровли"
    assert 0 < lines[0]["score"] <= 1 and len(lines[0]["top3"]) == 3
    assert lines[0]["top3"][0] == [lines[0]["label"], lines[0]["score"]]


def test_csv_input_with_a_russian_text_column(model_path, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("Номер;Текст обращения\nA-1;<b>Мусор</b> во дворе\nA-2;\n", encoding="utf-8")
    lines = classify(model_path, source, tmp_path / "out.jsonl", "--text-field", "Текст обращения")
    assert lines[0] == lines[0] | {"id": "A-1", "label": "Благоустройство → Мусор на внутридворовой территории"}
    assert lines[1] == {"id": "A-2", "label": None, "score": 0.0, "top3": []}


def test_records_are_written_in_order_across_batches(model_path, tmp_path, monkeypatch):
    monkeypatch.setattr("triage.management.commands.classify_file.BATCH", 2)
    rows = [{"id": i, "text": text} for i, text in enumerate(["Течёт крыша", "", "Сломан лифт", "Мусор во дворе",
                                                               "Лифт не работает"])]
    lines = classify(model_path, write_jsonl(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl")
    assert [line["id"] for line in lines] == [0, 1, 2, 3, 4]
    assert lines[1]["label"] is None and lines[4]["label"] == "Содержание МКД → Неисправный лифт"


def test_a_missing_model_is_explained(tmp_path):
    with pytest.raises(CommandError, match="не найден"):
        classify(str(tmp_path / "none.npz"), write_jsonl(tmp_path / "in.jsonl", [{"text": "x"}]),
                 tmp_path / "out.jsonl")

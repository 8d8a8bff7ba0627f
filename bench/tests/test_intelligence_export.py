"""The export section: letters made from a portal file's answers, trained and scored beside plain."""

import json

from bench import intelligence_export as export_section
from bench.intelligence import main
from triage.classifier.datasets import load_examples
from triage.tests.samples import portal_rows, write_jsonl


def _rows():
    rows = []
    for k, row in enumerate(portal_rows() * 4):
        answer = f"Уважаемый пользователь!\nНастоящим сообщаем: «{row['text'].lower()}» — проверено {k}.\nС уважением"
        rows.append(row | {"id": k, "answer": answer})
    return rows


def test_the_letters_are_a_csv_with_russian_headers_and_html_that_training_reads(tmp_path):
    path = export_section._write(tmp_path / "letters.csv", _rows()[:10])
    assert "Текст Сообщения;Тематика" in (tmp_path / "letters.csv").read_text(encoding="utf-8-sig")
    examples = load_examples(path, label_field="Тематика", text_field="Текст Сообщения")
    assert len(examples) == 10 and not any(d for d in examples.dates)
    assert all("<p>" not in t and "&laquo;" not in t for t in examples.texts)  # the HTML is read away
    assert examples.labels[0] == _rows()[0]["reason"]  # the topic alone, no category in front


def test_the_section_trains_on_each_draw_and_scores_the_chosen_and_plain_on_unseen_letters(tmp_path, monkeypatch,
                                                                                          capsys):
    monkeypatch.setattr(export_section, "TRAIN", 60)
    monkeypatch.setattr(export_section, "TEST", 20)
    monkeypatch.setattr(export_section, "SEEDS", (0, 1))
    monkeypatch.setattr(export_section, "MIN_CHARS", 20)
    data = write_jsonl(tmp_path / "portal.jsonl", _rows())
    main(["--data", data, "--sections", "export", "--json", str(tmp_path / "out.json")])
    out = capsys.readouterr().out
    assert out.count("20 новых писем: точность") == 2
    draws = json.loads((tmp_path / "out.json").read_text())["export"]["draws"]
    assert len(draws) == 2
    for draw in draws:
        assert draw["test"]["chosen"]["n"] == draw["test"]["plain"]["n"] == 20
        assert draw["chosen"] in draw["scores"]

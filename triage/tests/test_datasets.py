import gzip
import json

import pytest

from triage.classifier.datasets import (
    DatasetError,
    grouped_split,
    load_examples,
    read_records,
    record_id,
    temporal_split,
)


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_csv_with_russian_headers_in_windows_1251(tmp_path):
    path = tmp_path / "appeals.csv"
    path.write_bytes("Номер;Текст обращения;Категория;Причина\n"
                     "7;Течёт крыша;Кровля;Повреждение кровли\n"
                     "8;Не работает лифт;Лифты;Неисправный лифт\n".encode("cp1251"))
    examples = load_examples(path, label_field="Причина", text_field="Текст обращения")
    assert examples.texts == ["Течёт крыша", "Не работает лифт"]
    assert examples.labels == ["Кровля → Повреждение кровли", "Лифты → Неисправный лифт"]
    assert examples.parents["Кровля → Повреждение кровли"] == "Кровля"
    assert [record_id(r) for r in read_records(path)] == ["7", "8"]


def test_answers_are_read_beside_the_texts_and_follow_them_into_a_subset(tmp_path):
    path = tmp_path / "appeals.csv"
    path.write_text("Текст обращения;Причина;Ответ\n"
                    "Течёт крыша;Кровля;<p>Кровля над квартирой отремонтирована</p>\n"
                    ";Лифты;Ответ на пустое обращение\n"
                    "Не работает лифт;Лифты;\n", encoding="utf-8")
    examples = load_examples(path, label_field="Причина", text_field="Текст обращения")
    assert examples.answers == ["Кровля над квартирой отремонтирована", ""]
    assert examples.subset([1]).answers == [""] and examples.subset([0]).texts == ["Течёт крыша"]


def test_default_text_field_finds_a_russian_column(tmp_path):
    path = tmp_path / "appeals.csv"
    path.write_text("Текст,Категория\nГрязно в парадной,Содержание МКД\n", encoding="utf-8-sig")
    examples = load_examples(path, label_field="category")
    assert examples.texts == ["Грязно в парадной"] and examples.labels == ["Содержание МКД"]


def test_gzipped_jsonl_with_html_and_source_ids(tmp_path):
    path = tmp_path / "appeals.jsonl.gz"
    rows = [{"text": "<p>Сосульки на крыше</p>", "category": "Кровля", "reason": "Наледь", "reason_id": 53},
            {"text": "", "category": "Кровля", "reason": "Наледь", "reason_id": 53}]
    path.write_bytes(gzip.compress("\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()))
    examples = load_examples(path, label_field="reason")
    assert examples.texts == ["Сосульки на крыше"]
    assert examples.label_ids == {"Кровля → Наледь": {53}}
    assert examples.skipped == 1


def test_records_without_id_are_numbered_by_line(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": "раз"}, {"text": "два", "id": "A-2"}])
    assert [record_id(r) for r in read_records(path)] == [1, "A-2"]


def test_unknown_format_and_missing_file_are_explained(tmp_path):
    with pytest.raises(DatasetError, match="Неизвестный формат"):
        list(read_records((tmp_path / "a.xlsx").touch() or tmp_path / "a.xlsx"))
    with pytest.raises(DatasetError, match="не найден"):
        read_records(tmp_path / "none.jsonl")


def test_grouped_split_keeps_identical_texts_on_one_side(tmp_path):
    rows = [{"text": f"Снег на дороге{'!' * (i % 3)}", "category": "Благоустройство"} for i in range(30)]
    rows += [{"text": f"Мусор во дворе дома {i}", "category": "Благоустройство"} for i in range(30)]
    examples = load_examples(write_jsonl(tmp_path / "a.jsonl", rows), label_field="category")
    train, test = grouped_split(examples, test_share=0.3)
    snow = {i for i, t in enumerate(examples.texts) if t.startswith("Снег")}
    assert snow <= set(train) or snow <= set(test)
    assert not set(train) & set(test) and len(train) + len(test) == len(examples)


def test_temporal_split_tests_on_the_latest_month(tmp_path):
    rows = [{"text": f"текст {i}", "category": "A", "created": f"2021-0{1 + i % 3}-10T12:00:00"} for i in range(9)]
    examples = load_examples(write_jsonl(tmp_path / "a.jsonl", rows), label_field="category")
    train, test = temporal_split(examples)
    assert {examples.dates[i].month for i in test} == {3}
    assert {examples.dates[i].month for i in train} == {1, 2}

"""The city's streets list: built from an export's register addresses, names only."""

import gzip
import json

import pytest
from django.core.management import CommandError, call_command

from housing import gazetteer


def test_the_street_of_a_register_address():
    assert gazetteer.street_of("г.Санкт-Петербург, Мебельная улица, дом 47, корпус 1, литера А") == "Мебельная улица"
    assert gazetteer.street_of("город Колпино, улица Машиностроителей, дом 12, литера А") == "улица Машиностроителей"
    assert gazetteer.street_of("г.Санкт-Петербург, 13-я линия В.О., дом 6") == "13-я линия В.О."
    assert gazetteer.street_of('г.Санкт-Петербург, участок ж.д. "Обводный кан. - ул.Грибакиных"') == ""
    assert gazetteer.street_of("") == "" and gazetteer.street_of("Москва, Тверская улица, дом 1") == ""


def test_the_command_writes_the_streets_with_how_often_each_is_named(tmp_path):
    export = tmp_path / "appeals.jsonl.gz"
    rows = [{"text": "течёт крыша", "address": "г.Санкт-Петербург, Моховая улица, дом 30"},
            {"text": "нет воды", "address": "г.Санкт-Петербург, Моховая улица, дом 5"},
            {"text": "шум", "address": "город Пушкин, Октябрьский бульвар, дом 1"}, {"text": "без адреса"}]
    with gzip.open(export, "wt", encoding="utf-8") as out:
        out.write("\n".join(json.dumps(row, ensure_ascii=False) for row in rows))
    output = tmp_path / "streets.txt"
    call_command("build_street_gazetteer", data=str(export), output=str(output))
    text = output.read_text(encoding="utf-8")
    assert text == "Моховая улица\t2\nОктябрьский бульвар\t1\n"
    assert "крыша" not in text  # the texts are never kept


def test_a_missing_export_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="не найден"):
        call_command("build_street_gazetteer", data=str(tmp_path / "none.jsonl"))


def test_one_street_stands_out_only_when_named_five_times_as_often():
    canal = "набережная канала Грибоедова"
    assert gazetteer.dominant({canal: 78, "улица Грибоедова": 1}) == canal
    assert gazetteer.dominant({"2-я Советская улица": 38, "5-я Советская улица": 30}) == ""
    assert gazetteer.dominant({"улица Марата": 0}) == "улица Марата"
    assert gazetteer.dominant({}) == ""


def test_the_shipped_list_knows_the_city():
    streets = set(gazetteer.streets())
    assert {"Моховая улица", "набережная реки Мойки", "8-я Советская улица", "13-я линия В.О."} <= streets
    assert len(streets) > 1000

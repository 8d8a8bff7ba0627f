import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from conftest import create_building
from housing.importer import import_buildings
from housing.models import Building

pytestmark = pytest.mark.django_db

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "central_buildings.csv"


def _csv(text: str, encoding: str = "utf-8") -> io.BytesIO:
    return io.BytesIO(text.encode(encoding))


def test_good_file_with_english_headers_is_imported():
    report = import_buildings(_csv("street,house,korpus,litera,district\n"
                                   "улица Марата,7,,,Центральный\nЛитейный проспект,46,2,,Центральный\n"))
    assert report.ok and report.created == 2
    assert Building.objects.get(street="Литейный проспект", house="46").korpus == "2"


def test_russian_headers_semicolons_and_bom_are_accepted():
    report = import_buildings(_csv("\ufeffУлица;Дом;Корпус;Литера;Район\nНевский проспект;100;;;Центральный\n"))
    assert report.ok and report.created == 1
    assert Building.objects.get().address == "Невский проспект, д. 100"


def test_excel_file_in_windows_1251_is_read():
    report = import_buildings(_csv("улица;дом\nулица Жуковского;11\n", "cp1251"))
    assert report.ok and Building.objects.get().street == "улица Жуковского"


def test_abbreviations_and_letters_are_normalised_on_import():
    import_buildings(_csv("улица;дом;литера\nнаб. р. Фонтанки;54а;a\n"))
    building = Building.objects.get()
    assert (building.street, building.house, building.litera) == ("набережная реки Фонтанки", "54А", "А")


def test_bad_rows_are_reported_and_good_rows_still_imported():
    report = import_buildings(_csv("улица;дом;корпус;литера\n"
                                   "улица Марата;7;;\n"
                                   ";12;;\n"
                                   "улица Марата;дом семь;;\n"
                                   "улица Марата;9;второй;\n"
                                   "улица Марата;11;;АБ\n"
                                   "Улица Марата;7;;\n"))
    assert report.created == 1
    assert [(e.row, e.field) for e in report.errors] == [
        (3, "street"), (4, "house"), (5, "korpus"), (6, "litera"), (7, "house")]
    assert report.errors[0].message == "Не указана улица."
    assert "дом семь" in report.errors[1].message
    assert report.errors[4].message == "Этот дом уже указан в строке 2."
    assert Building.objects.count() == 1


def test_missing_required_column_is_reported_and_nothing_imported():
    report = import_buildings(_csv("улица;район\nулица Марата;Центральный\n"))
    assert [(e.row, e.field) for e in report.errors] == [(1, "house")]
    assert Building.objects.count() == 0


def test_existing_building_is_updated_not_duplicated():
    building = create_building("улица Марата", "7", district="Адмиралтейский", is_active=False)
    report = import_buildings(_csv("улица,дом,район\nулица марата,7,Центральный\nулица Марата,12,\n"))
    building.refresh_from_db()
    assert (report.created, report.updated, report.unchanged) == (1, 1, 0)
    assert building.district == "Центральный" and building.is_active
    assert Building.objects.get(house="12").district == "Центральный"


def test_import_twice_changes_nothing_the_second_time():
    import_buildings(DEMO_FILE)
    report = import_buildings(DEMO_FILE)
    assert report.ok and report.unchanged == 40 and report.created == 0


def test_demo_registry_has_forty_central_buildings():
    report = import_buildings(DEMO_FILE)
    assert report.ok and report.created == 40
    assert set(Building.objects.values_list("district", flat=True)) == {"Центральный"}
    assert Building.objects.exclude(korpus="").exists() and Building.objects.exclude(litera="").exists()


def test_command_prints_the_summary(capsys):
    call_command("import_buildings", str(DEMO_FILE))
    assert "Добавлено домов: 40" in capsys.readouterr().out


def test_command_fails_with_the_row_errors(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("улица;дом\nулица Марата;7\n;8\n", encoding="utf-8")
    with pytest.raises(CommandError) as err:
        call_command("import_buildings", str(path))
    assert err.value.returncode == 1
    out = capsys.readouterr().out
    assert "Добавлено домов: 1" in out and "Строка 3, улица: Не указана улица." in out


def test_command_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Файл не найден"):
        call_command("import_buildings", str(tmp_path / "nope.csv"))


def test_coordinates_are_imported_and_checked():
    from housing.importer import import_buildings
    from housing.models import Building

    report = import_buildings(io.StringIO(
        "улица;дом;широта;долгота\n"
        "улица Марата;7;59,9256;30,3496\n"
        "улица Марата;9;30.35;59.92\n"
        "улица Марата;11;59.9250;\n"))
    assert Building.objects.get(house="7").latitude == pytest.approx(59.9256)
    messages = [str(e) for e in report.errors]
    assert any(m.startswith("Строка 3, широта: Неверная координата «30.35»") for m in messages)
    assert "Строка 4, долгота: Укажите обе координаты: широту и долготу." in messages

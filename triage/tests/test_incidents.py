import gzip
import io
import json
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from triage import incidents
from triage.incidents import Candidate, OpenIncident, match_incident, place_key
from triage.incidents.matching import group_candidates
from triage.management.commands import detect_incidents

T0 = datetime(2021, 3, 1, 9, 0)
# Two buildings about 150 m apart, a third about 2 km away.
HERE, NEXT_DOOR, FAR = (59.9300, 30.3600), (59.9313, 30.3605), (59.9480, 30.3600)

NO_HOT_WATER = (("water-no-hot", 0.8), ("water-hot-pressure", 0.1))
LIFT = (("lift-fault", 0.9), ("lift-light", 0.05))
STAIRS = (("mkd-stairs", 0.85), ("mkd-cleaning", 0.1))


def appeal(n, reasons, *, days=0.0, place="building:1", where=HERE, text=""):
    return Candidate(id=n, created=T0 + timedelta(days=days), place=place, reasons=reasons, text=text,
                     lat=where[0] if where else None, lon=where[1] if where else None)


def test_same_building_same_problem_within_window_is_one_incident():
    groups = group_candidates([appeal(1, LIFT, text="лифт не работает"),
                               appeal(2, LIFT, days=3, text="Третий день стоит лифт")])
    assert groups == {1: 1, 2: 1}


def test_different_problem_in_same_building_stays_apart():
    groups = group_candidates([appeal(1, LIFT), appeal(2, STAIRS, days=1)])
    assert groups == {1: 1, 2: 2}


def test_outside_window_starts_a_new_incident():
    groups = group_candidates([appeal(1, LIFT), appeal(2, LIFT, days=15)])
    assert groups == {1: 1, 2: 2}


def test_window_runs_from_the_latest_appeal():
    groups = group_candidates([appeal(1, LIFT), appeal(2, LIFT, days=10), appeal(3, LIFT, days=20)])
    assert set(groups.values()) == {1}


def test_window_days_can_be_shorter():
    groups = group_candidates([appeal(1, LIFT), appeal(2, LIFT, days=3)], window_days=2)
    assert groups == {1: 1, 2: 2}


@pytest.mark.parametrize(("reasons", "first_where", "second", "expected"), [
    pytest.param(NO_HOT_WATER, HERE, ("building:2", NEXT_DOOR), {1: 1, 2: 1}, id="outage-joins-the-building-next-door"),
    pytest.param(NO_HOT_WATER, HERE, ("building:3", FAR), {1: 1, 2: 2}, id="outage-far-away-stays-apart"),
    pytest.param(LIFT, HERE, ("building:2", NEXT_DOOR), {1: 1, 2: 2}, id="non-outage-next-door-stays-apart"),
    pytest.param(NO_HOT_WATER, None, ("building:2", NEXT_DOOR), {1: 1, 2: 2},
                 id="outage-without-coordinates-needs-the-same-building"),
])
def test_another_building_shares_an_incident_only_for_a_nearby_outage(reasons, first_where, second, expected):
    place, where = second
    groups = group_candidates([appeal(1, reasons, place="building:1", where=first_where),
                               appeal(2, reasons, days=0.1, place=place, where=where)])
    assert groups == expected


def test_appeals_without_a_place_are_never_grouped():
    groups = group_candidates([appeal(1, LIFT, place=""), appeal(2, LIFT, place="")])
    assert groups == {1: 1, 2: 2}


def test_reasons_the_company_does_not_handle_do_not_make_a_problem():
    not_ours = ((None, 0.9), ("lift-fault", 0.05))
    groups = group_candidates([appeal(1, not_ours), appeal(2, not_ours, days=0.5)])
    assert groups == {1: 1, 2: 2}


def test_uncertain_reasons_link_when_texts_and_distributions_agree():
    unsure = (("mkd-stairs", 0.45), ("facade-graffiti", 0.4))
    unsure_other_way = (("facade-graffiti", 0.5), ("mkd-stairs", 0.4))
    text = "Надписи маркером на стенах в парадной, прошу закрасить"
    groups = group_candidates([appeal(1, unsure, text=text), appeal(2, unsure_other_way, days=0.01, text=text)])
    assert groups == {1: 1, 2: 1}


WRONG_CHARGE = (("billing-wrong", 0.9), ("billing-recalc", 0.05))


def test_household_requests_of_one_reason_are_two_matters_unless_they_say_the_same():
    flat_80 = appeal(1, WRONG_CHARGE, text="Кв. 80: в квитанции за октябрь начислено 5 900 руб. за горячую воду, "
                                           "хотя счётчик показывает меньше")
    flat_7 = appeal(2, WRONG_CHARGE, days=2, text="В квитанции за октябрь указана площадь квартиры 7 больше, "
                                                  "чем по документам")
    assert group_candidates([flat_80, flat_7]) == {1: 1, 2: 2}
    heating_bill = "В квитанции за ноябрь неправильно начислена плата за отопление, в два раза больше обычного"
    same_error = [appeal(3, WRONG_CHARGE, text=heating_bill),
                  appeal(4, WRONG_CHARGE, days=1, text="За ноябрь плата за отопление в квитанции в два раза больше "
                                                       "обычного, начислена неправильно")]
    assert group_candidates(same_error) == {3: 3, 4: 3}


def test_match_incident_picks_the_open_incident_of_the_problem():
    lift = OpenIncident(key="lift", members=[appeal(1, LIFT), appeal(2, LIFT, days=1)])
    stairs = OpenIncident(key="stairs", members=[appeal(3, STAIRS, days=1)])
    stale = OpenIncident(key="old lift", members=[appeal(4, LIFT, days=-30)])
    match = match_incident(appeal(5, LIFT, days=2), [stale, stairs, lift])
    assert match.incident.key == "lift" and match.score > 0.8
    assert match_incident(appeal(6, LIFT, days=40), [lift]) is None


def test_same_problem_is_symmetric_and_zero_across_places():
    a, b = appeal(1, LIFT, text="лифт сломан"), appeal(2, STAIRS, days=2, text="грязно в парадной")
    assert incidents.same_problem(a, b) == pytest.approx(incidents.same_problem(b, a))
    assert incidents.same_problem(a, appeal(3, LIFT, place="building:2")) == 0.0


def test_place_key_reads_one_building_from_different_spellings():
    assert place_key(None, "ул. Марата, д. 7, корп. 2") == place_key(None, "Марата улица 7 к2")
    assert place_key(None, "ул. Марата, д. 7") != place_key(None, "ул. Марата, д. 9")
    assert place_key(17, "ул. Марата, д. 7") == "building:17"
    assert place_key(None, "") == ""


# The command, with a keyword classifier standing in for the trained one.
def keyword_predict(texts):
    return [[("lift-fault", 0.9), ("lift-light", 0.05)] if "лифт" in t.lower() else [("mkd-stairs", 0.9)]
            for t in texts]


@pytest.fixture
def stand_in_classifier(monkeypatch):
    monkeypatch.setattr(detect_incidents, "load_predict", lambda path: keyword_predict)


def write_lines(path, lines, opener=open):
    with opener(path, "wt", encoding="utf-8") as f:
        for line in lines:
            f.write((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n")


ARCHIVE = [
    {"id": 10, "text": "Лифт не работает", "created": "2021-03-01T08:00:00", "building_id": 7},
    {"id": 11, "text": "Грязно в парадной", "created": "2021-03-01T09:00:00", "building_id": 7},
    {"id": 12, "text": "Опять сломан лифт", "created": "2021-03-03T18:30:00", "building_id": 7},
    {"id": 13, "text": "Лифт стоит", "created": "2021-03-02T12:00:00", "address": "ул. Марата, д. 7"},
    {"id": 14, "text": "лифт не едет", "created": "2021-03-02T13:00:00+03:00", "address": "Марата улица 7",
     "lat": "59.93", "lon": "30.36"},
]


def test_command_writes_one_incident_per_input_line(tmp_path, stand_in_classifier):
    source, target = tmp_path / "archive.jsonl.gz", tmp_path / "incidents.jsonl"
    write_lines(source, ARCHIVE, opener=gzip.open)
    call_command("detect_incidents", input=str(source), output=str(target))
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert lines == [{"id": 10, "incident": 10}, {"id": 11, "incident": 11}, {"id": 12, "incident": 10},
                     {"id": 13, "incident": 13}, {"id": 14, "incident": 13}]


def test_command_reports_how_many_appeals_it_grouped(tmp_path, stand_in_classifier):
    source, report = tmp_path / "archive.jsonl", io.StringIO()
    write_lines(source, ARCHIVE)
    call_command("detect_incidents", input=str(source), output=str(tmp_path / "out.jsonl"), stderr=report)
    assert report.getvalue().startswith("5 обращений, 2 инцидентов из 4 обращений; ")


@pytest.mark.parametrize(("line", "message"), [
    ({"id": 2, "created": "2021-03-01T08:00:00", "building_id": 7}, "Строка 2: нет поля text"),
    ({"id": 2, "text": "лифт", "building_id": 7}, "Строка 2: нет поля created"),
    ({"id": 2, "text": "лифт", "created": "первое марта", "building_id": 7}, "Строка 2: дата created"),
    ({"id": 2, "text": "лифт", "created": "2021-03-01"}, "Строка 2: нет ни building_id, ни address"),
    ({"id": 2, "text": "лифт", "created": "2021-03-01", "building_id": 7, "lat": "север"}, "Строка 2: lat"),
    ({"id": 10, "text": "лифт", "created": "2021-03-01", "building_id": 7}, "Строка 2: id 10 уже встречался"),
    ("{not json", "Строка 2: не JSON"),
    ("[1, 2]", "Строка 2: ожидался объект"),
])
def test_command_names_the_bad_line(tmp_path, stand_in_classifier, line, message):
    source = tmp_path / "archive.jsonl"
    write_lines(source, [ARCHIVE[0], line])
    with pytest.raises(CommandError, match=message):
        call_command("detect_incidents", input=str(source), output=str(tmp_path / "out.jsonl"))


def test_command_reports_a_missing_model_without_a_traceback(tmp_path):
    source = tmp_path / "archive.jsonl"
    write_lines(source, ARCHIVE)
    with pytest.raises(CommandError):
        call_command("detect_incidents", input=str(source), output=str(tmp_path / "out.jsonl"),
                     model=str(tmp_path / "no-model.npz"))


def test_command_reports_a_missing_input_file(tmp_path, stand_in_classifier):
    with pytest.raises(CommandError, match="Не удалось прочитать"):
        call_command("detect_incidents", input=str(tmp_path / "none.jsonl"), output=str(tmp_path / "out.jsonl"))

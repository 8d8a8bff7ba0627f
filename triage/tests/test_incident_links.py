import datetime as dt

import pytest
from django.utils import timezone

from appeals import services
from appeals.models import Appeal
from conftest import create_appeal, create_building, create_staff
from triage.incidents import answer_incident, link_appeal, open_incident_for
from triage.models import Incident

pytestmark = pytest.mark.django_db


def _appeal(building, text, reason, hours_ago=0, name="Иванова Мария Петровна"):
    appeal = create_appeal(text, reason=reason, building=building, full_name=name,
                           received_at=timezone.now() - dt.timedelta(hours=hours_ago))
    return Appeal.objects.select_related("reason").get(pk=appeal.pk)


def test_second_complaint_about_one_roof_starts_an_incident_with_the_first(building):
    first = _appeal(building, "Течёт крыша над квартирой 40", "roof-damage", hours_ago=5)
    assert link_appeal(first) is None  # alone: nothing to join yet
    second = _appeal(building, "Протекает кровля, вода в квартире 41 на последнем этаже", "roof-damage",
                     name="Петров Пётр Петрович")
    incident = link_appeal(second)
    assert incident is not None and incident.building == building and incident.reason.code == "roof-damage"
    assert set(incident.memberships.values_list("appeal_id", flat=True)) == {first.pk, second.pk}
    assert second.events.filter(action="incident_linked").exists()


def test_a_third_joins_the_existing_incident(building):
    a = _appeal(building, "Течёт крыша", "roof-damage", hours_ago=30)
    b = _appeal(building, "Протекает крыша", "roof-damage", hours_ago=20)
    incident = link_appeal(b)
    c = _appeal(building, "С крыши течёт вода в подъезд", "roof-damage")
    assert link_appeal(c) == incident
    assert set(incident.memberships.values_list("appeal_id", flat=True)) == {a.pk, b.pk, c.pk}


def test_another_problem_in_the_same_building_stays_apart(building):
    _appeal(building, "Течёт крыша", "roof-damage", hours_ago=2)
    assert link_appeal(_appeal(building, "Не работает домофон", "mkd-intercom")) is None


def test_the_same_problem_in_another_building_stays_apart(building):
    _appeal(create_building("улица Марата", "9"), "Течёт крыша", "roof-damage", hours_ago=2)
    assert link_appeal(_appeal(building, "Течёт крыша", "roof-damage")) is None


def test_appeals_further_apart_than_the_window_stay_apart(building):
    _appeal(building, "Течёт крыша", "roof-damage", hours_ago=24 * 20)
    assert link_appeal(_appeal(building, "Течёт крыша", "roof-damage")) is None


def test_the_public_form_finds_the_open_incident_of_a_building(building):
    _appeal(building, "Течёт крыша", "roof-damage", hours_ago=3)
    incident = link_appeal(_appeal(building, "Протекает крыша", "roof-damage"))
    assert open_incident_for(building.pk, "Крыша течёт", [("roof-damage", 0.9)]) == incident
    assert open_incident_for(building.pk, "Сломан домофон", [("mkd-intercom", 0.9)]) is None


def test_one_answer_goes_to_every_appeal_of_the_incident(building):
    chief = create_staff("chief", "supervisor", "crm")
    first = _appeal(building, "Течёт крыша", "roof-damage", hours_ago=3)
    services.transition(first, "register", chief)
    incident = link_appeal(_appeal(building, "Протекает крыша", "roof-damage"))
    outcome = answer_incident(incident, chief, text="Кровля отремонтирована 02.12.2026.",
                              result="Кровля отремонтирована", favour="applicant")
    assert len(outcome.answered) == 2 and not outcome.skipped
    for appeal in Appeal.objects.filter(incident_link__incident=incident):
        assert appeal.status == "answered" and appeal.answer_text.startswith("Кровля отремонтирована")
        assert appeal.resolved_in_favour_of == "applicant"
    incident.refresh_from_db()
    assert incident.status == Incident.Status.ANSWERED


def test_an_appeal_waiting_for_its_applicant_is_left_for_a_separate_answer(building):
    chief = create_staff("chief", "supervisor", "crm")
    waiting = _appeal(building, "Течёт крыша", "roof-damage", hours_ago=3)
    services.transition(waiting, "register", chief)
    services.assign(waiting, chief, assignee=chief)
    services.transition(waiting, "start", chief)
    services.transition(waiting, "wait_applicant", chief, note="Нужен доступ в квартиру")
    incident = link_appeal(_appeal(building, "Протекает крыша", "roof-damage"))
    outcome = answer_incident(incident, chief, text="Отремонтировано.", result="Ремонт", favour="applicant")
    assert [a.pk for a, _why in outcome.skipped] == [waiting.pk] and len(outcome.answered) == 1
    incident.refresh_from_db()
    assert incident.status == Incident.Status.OPEN


def test_an_incident_answer_needs_text_result_and_favour(building):
    from appeals.errors import AppealError

    _appeal(building, "Течёт крыша", "roof-damage", hours_ago=3)
    incident = link_appeal(_appeal(building, "Протекает крыша", "roof-damage"))
    with pytest.raises(AppealError) as error:
        answer_incident(incident, None, text=" ", result="x", favour="applicant")
    assert error.value.field == "answer_text"


def test_an_outage_in_the_house_next_door_joins_the_same_incident():
    here = create_building("улица Марата", "7", latitude=59.92560, longitude=30.34960)
    next_door = create_building("улица Марата", "9", latitude=59.92540, longitude=30.34990)  # about 30 m
    far = create_building("Невский проспект", "100", latitude=59.93180, longitude=30.35700)  # about 800 m
    _appeal(here, "Нет горячей воды с утра", "water-no-hot", hours_ago=2)
    incident = link_appeal(_appeal(next_door, "Отключили горячую воду, нет ГВС", "water-no-hot"))
    assert incident is not None and incident.memberships.count() == 2
    assert link_appeal(_appeal(far, "Нет горячей воды", "water-no-hot")) is None


def test_a_non_outage_next_door_stays_apart():
    here = create_building("улица Марата", "7", latitude=59.92560, longitude=30.34960)
    next_door = create_building("улица Марата", "9", latitude=59.92540, longitude=30.34990)
    _appeal(here, "Течёт крыша", "roof-damage", hours_ago=2)
    assert link_appeal(_appeal(next_door, "Течёт крыша", "roof-damage")) is None


def test_matching_reads_a_building_in_a_few_queries_whatever_its_size(building, django_assert_max_num_queries):
    from triage.models import Decision

    for i in range(6):
        lone = _appeal(building, f"Сломан домофон {i}", None, hours_ago=10 + i)
        Decision.objects.create(appeal=lone, reason=None, top3=[{"reason": "mkd-intercom", "score": 0.7}],
                                outcome="suggested")
    _appeal(building, "Течёт крыша", "roof-damage", hours_ago=3)
    incident = link_appeal(_appeal(building, "Протекает крыша", "roof-damage"))
    for i in range(4):
        link_appeal(_appeal(building, f"Крыша течёт, {i}", "roof-damage"))
    probe = _appeal(building, "С крыши течёт вода", "roof-damage")
    with django_assert_max_num_queries(13):  # not one query per appeal or per incident (one is the lock)
        assert link_appeal(probe) == incident


def _large_incident(building, size: int) -> Incident:
    """An outage-sized incident: `size` complaints about the roof in the last hours, linked as intake does."""
    from triage.models import IncidentAppeal

    seed = _appeal(building, "Протекает крыша", "roof-damage", hours_ago=10)
    incident = Incident.objects.create(title="Протечка кровли", reason=seed.reason, building=building,
                                       opened_at=seed.received_at, last_appeal_at=timezone.now())
    clones = []
    for i in range(size):
        clone = Appeal.objects.get(pk=seed.pk)
        clone.pk, clone.number = None, f"{seed.number}-{i}"
        clone.received_at = seed.received_at + dt.timedelta(seconds=60 * i)
        clones.append(clone)
    appeals = Appeal.objects.bulk_create(clones)
    IncidentAppeal.objects.bulk_create(IncidentAppeal(incident=incident, appeal=a) for a in [seed, *appeals])
    return incident


@pytest.mark.parametrize("size", [30, 300])
def test_a_new_appeal_reads_as_much_of_a_building_whatever_the_size_of_its_incident(
        building, size, django_assert_num_queries):
    from triage.incidents.links import _buildings_near, _candidates, _open_groups
    from triage.incidents.matching import MAX_MEMBERS_COMPARED
    from triage.models import TriageSettings

    TriageSettings.current()
    incident = _large_incident(building, size)
    for i in range(60):  # residents' other requests of the fortnight, each alone
        _appeal(building, f"Сломан домофон в подъезде {i}", "mkd-intercom", hours_ago=20 + i)
    probe = _appeal(building, "С крыши течёт вода", "roof-damage")
    candidate = _candidates([probe])[probe.pk]
    groups = _open_groups(_buildings_near(building, candidate), candidate, probe.received_at, 14, probe.pk)
    assert [len(g.members) for g in groups] == [MAX_MEMBERS_COMPARED]  # nor the intercom requests
    with django_assert_num_queries(11):  # the same for 30 members and 300
        assert link_appeal(probe) == incident


def test_a_lone_appeal_is_no_incident_to_warn_the_public_form_about(building):
    _appeal(building, "Течёт крыша", "roof-damage", hours_ago=3)  # one appeal, no incident yet
    assert open_incident_for(building.pk, "Крыша течёт", [("roof-damage", 0.9)]) is None

"""The appeal page shows what triage decided, the incident, and drafts from similar answered appeals."""

import datetime as dt

import pytest
from django.utils import timezone

from appeals import services
from appeals.models import Appeal, Reason
from conftest import create_appeal
from triage.answers import forget_index
from triage.answers import suggestions as answers
from triage.incidents import link_appeal
from triage.models import Decision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_answer_index():
    forget_index()
    yield
    forget_index()


def _answered(text, answer, supervisor, full_name="Иванова Мария Петровна"):
    appeal = create_appeal(text, reason="mkd-intercom", full_name=full_name)
    services.transition(appeal, "register", supervisor)
    services.assign(appeal, supervisor, assignee=supervisor)
    services.transition(appeal, "start", supervisor)
    services.transition(appeal, "draft_answer", supervisor, answer_text=answer)
    return services.transition(appeal, "answer", supervisor, result="Домофон отремонтирован",
                               resolved_in_favour_of="applicant")


def test_decision_and_its_options_are_shown_with_one_click_buttons(client, supervisor):
    appeal = create_appeal("Во дворе яма, лужа по колено")
    asphalt, puddles = Reason.objects.get(code="yard-asphalt"), Reason.objects.get(code="yard-puddles")
    options = [{"reason": r.code, "id": r.pk, "name": r.name, "category": r.category.name, "score": s,
                "source": "model"} for r, s in ((asphalt, 0.61), (puddles, 0.3))]
    Decision.objects.create(appeal=appeal, model_version="tree-2026.12", reason=asphalt, score=0.61,
                            outcome="suggested", top3=options)
    client.force_login(supervisor)
    html = client.get(appeal.get_absolute_url()).content.decode()
    assert "Автоматический разбор" in html and "Подсказка оператору" in html and "Модель tree-2026.12" in html
    assert f'name="reason" value="{puddles.pk}"' in html and f"/staff/appeals/{appeal.number}/classify/" in html
    assert f"{asphalt.name} (61\u00a0%)" in html and '<span class="score">30\u00a0%</span>' in html


def test_a_decision_an_emergency_rule_made_names_the_rule_not_a_share(client, supervisor):
    appeal = create_appeal("Пахнет газом в подъезде")
    gas = Reason.objects.get(code="gas-smell")
    Decision.objects.create(appeal=appeal, model_version="tree-2026.12", reason=gas, score=0.99, outcome="applied",
                            emergency_rule="gas", top3=[{"reason": gas.code, "id": gas.pk, "name": gas.name,
                                                         "category": gas.category.name, "score": 0.99,
                                                         "source": "rule"}])
    client.force_login(supervisor)
    html = client.get(appeal.get_absolute_url()).content.decode()
    assert f"{gas.name} (правило)" in html and "99\u00a0%" not in html


def test_the_incident_of_the_appeal_is_linked_from_its_page(client, supervisor, building):
    create_appeal("Течёт крыша", reason="roof-damage", building=building,
                  received_at=timezone.now() - dt.timedelta(hours=2))
    second = create_appeal("Протекает крыша", reason="roof-damage", building=building)
    incident = link_appeal(Appeal.objects.select_related("reason").get(pk=second.pk))
    client.force_login(supervisor)
    html = client.get(second.get_absolute_url()).content.decode()
    assert f'href="/staff/incidents/{incident.pk}/"' in html and "2 обращ. по этому дому" in html


def test_drafts_from_similar_answers_never_carry_the_earlier_applicant(client, supervisor):
    _answered("Не работает домофон во второй парадной", "Уважаемая Мария Петровна!\n\nДомофон во второй парадной "
              "отремонтирован 02.12.2026, ключи работают. Ваш телефон +79211234567 внесён в список.", supervisor)
    fresh = create_appeal("Домофон не открывает дверь", reason="mkd-intercom", full_name="Петров Пётр Петрович",
                          phone="+79110000000")
    client.force_login(supervisor)
    html = client.get(fresh.get_absolute_url()).content.decode()
    assert "Ответы на похожие обращения (1)" in html and "Взять за основу черновика" in html
    assert "отремонтирован" in html
    for private in ("Мария Петровна", "79211234567", "Иванова"):
        assert private not in html.split("Ответы на похожие обращения")[1]


def test_taking_a_draft_fills_the_answer_editor(client, supervisor):
    _answered("Не работает домофон", "Домофон отремонтирован, ключи работают.", supervisor)
    fresh = create_appeal("Домофон сломался", reason="mkd-intercom")
    client.force_login(supervisor)
    client.post(f"/staff/appeals/{fresh.number}/draft/", {"answer_text": "Домофон отремонтирован, ключи работают."})
    assert Appeal.objects.get(pk=fresh.pk).answer_text == "Домофон отремонтирован, ключи работают."


@pytest.fixture
def slow_first_index(monkeypatch):
    """The first draft index of a large journal: its build runs until released."""
    import threading

    release = threading.Event()
    monkeypatch.setattr(answers, "REBUILD_IN_BACKGROUND", True)
    monkeypatch.setattr(answers, "FIRST_BUILD_WAIT_SECONDS", 0.01)
    build = answers.stored.build
    monkeypatch.setattr(answers.stored, "build", lambda *a, **k: release.wait(30) and build(*a, **k))
    yield release
    release.set()
    for thread in threading.enumerate():
        if thread.name == "answer-index":
            thread.join(timeout=30)


def _builders() -> int:
    import threading

    return sum(1 for thread in threading.enumerate() if thread.name == "answer-index" and thread.is_alive())


def test_while_the_first_draft_index_is_built_the_page_says_so_instead_of_waiting(client, supervisor, slow_first_index):
    fresh = create_appeal("Домофон не открывает дверь", reason="mkd-intercom")
    client.force_login(supervisor)
    html = client.get(fresh.get_absolute_url()).content.decode()
    assert "Ответы на похожие обращения ещё подбираются" in html and "Взять за основу черновика" not in html


def test_the_start_page_after_logging_in_begins_the_draft_index(client, supervisor, slow_first_index):
    client.force_login(supervisor)
    assert _builders() == 0
    assert client.get("/staff/").status_code == 302
    assert _builders() == 1

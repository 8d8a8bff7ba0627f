import re

import pytest

from appeals.models import Appeal, Reason
from conftest import create_appeal
from triage.models import Correction, Decision

pytestmark = pytest.mark.django_db


def _received(text="Во дворе яма, лужа по колено"):
    appeal = create_appeal(text)
    reason = Reason.objects.get(code="yard-asphalt")
    Decision.objects.create(appeal=appeal, model_version="test-1", reason=reason, score=0.55,
                            top3=[{"reason": reason.code, "id": reason.pk, "name": reason.name,
                                   "category": reason.category.name, "score": 0.55, "source": "model"}],
                            outcome=Decision.Outcome.SUGGESTED)
    return appeal, reason


def test_inbox_lists_received_appeals_with_one_click_suggestions(client, operator):
    appeal, reason = _received()
    client.force_login(operator)
    html = client.get("/staff/triage/").content.decode()
    assert appeal.number in html and f'value="{reason.pk}"' in html and "55\u00a0%" in html
    assert 'title="Ждут разбора: 1">1</span>' in html


def test_a_reason_named_by_keywords_is_labelled_so_not_given_a_share(client, operator):
    appeal = create_appeal("Прошу сделать перерасчёт за вывоз мусора")
    recalc = Reason.objects.get(code="billing-recalc")
    Decision.objects.create(appeal=appeal, model_version="test-1", reason=recalc, score=0.6,
                            top3=[{"reason": recalc.code, "id": recalc.pk, "name": recalc.name,
                                   "category": recalc.category.name, "score": 0.6, "source": "keywords"}],
                            outcome=Decision.Outcome.SUGGESTED)
    client.force_login(operator)
    html = client.get("/staff/triage/").content.decode()
    chip = html[html.index(f'value="{recalc.pk}"'):].split("</button>")[0]
    assert '<span class="score">по словам</span>' in chip and "%" not in chip


def test_one_click_registers_with_the_suggested_reason(client, operator):
    appeal, reason = _received()
    client.force_login(operator)
    response = client.post(f"/staff/triage/{appeal.number}/", {"reason": reason.pk}, follow=True)
    appeal.refresh_from_db()
    assert appeal.status == "registered" and appeal.reason == reason
    assert f"№ {appeal.number} зарегистрировано" in response.content.decode()


def _choose_another_reason(client, operator, on_commit) -> tuple[Appeal, Reason, Reason]:
    """An operator registers a received appeal with a reason other than the suggested one."""
    appeal, suggested = _received()
    chosen = Reason.objects.get(code="yard-puddles")
    client.force_login(operator)
    with on_commit(execute=True):
        client.post(f"/staff/triage/{appeal.number}/", {"reason": chosen.pk})
    return appeal, suggested, chosen


def test_a_different_choice_is_kept_as_a_correction(client, operator, django_capture_on_commit_callbacks):
    appeal, suggested, chosen = _choose_another_reason(client, operator, django_capture_on_commit_callbacks)
    correction = Correction.objects.get(appeal=appeal)
    assert correction.predicted == suggested and correction.corrected == chosen and correction.by == operator
    assert Appeal.objects.get(pk=appeal.pk).events.filter(action="triage_corrected").exists()


def test_a_bad_reason_is_refused_in_russian(client, operator):
    appeal, _ = _received()
    client.force_login(operator)
    response = client.post(f"/staff/triage/{appeal.number}/", {"reason": "x"}, follow=True)
    assert "выберите причину из классификатора" in response.content.decode()
    assert Appeal.objects.get(pk=appeal.pk).status == "received"


def test_specialists_have_no_inbox(client, specialist):
    client.force_login(specialist)
    assert client.get("/staff/triage/").status_code == 403


def test_changing_only_the_complexity_later_keeps_one_correction(client, operator, django_capture_on_commit_callbacks):
    from appeals import services

    appeal, _suggested, chosen = _choose_another_reason(client, operator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.classify(Appeal.objects.get(pk=appeal.pk), operator, reason=chosen, complexity="B")
    assert Correction.objects.filter(appeal=appeal).count() == 1


def test_a_reason_already_set_is_offered_first_and_registers(client, operator):
    appeal = create_appeal("Потёк радиатор в квартире", reason="heating-leak")
    client.force_login(operator)
    html = client.get("/staff/triage/").content.decode()
    assert re.search(r"Причина указана:</span>\s*<button[^>]*>" + re.escape(appeal.reason.name), html)
    client.post(f"/staff/triage/{appeal.number}/", {"reason": appeal.reason_id})
    assert Appeal.objects.get(pk=appeal.pk).status == "registered"

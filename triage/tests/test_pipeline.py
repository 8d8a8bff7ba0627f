"""The triage pipeline on its rules (no model file): thresholds, decisions, history, routing."""

import pytest

from appeals.models import Appeal
from conftest import create_appeal, create_staff
from triage.classifier import predictor
from triage.models import Decision, TriageSettings
from triage.services import propose, triage_appeal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rules_only(settings, tmp_path):
    settings.TRIAGE_MODEL = str(tmp_path / "no-model.joblib")
    predictor.reset()
    yield
    predictor.reset()


def test_an_emergency_rule_applies_at_once_and_routes_to_dispatch(django_capture_on_commit_callbacks):
    dispatcher = create_staff("ads1", "specialist", "ads")
    with django_capture_on_commit_callbacks(execute=True):
        appeal = create_appeal("В подъезде сильно пахнет газом", channel="web")
    appeal = Appeal.objects.get(pk=appeal.pk)
    assert appeal.reason.code == "gas-smell" and appeal.priority == "emergency"
    assert appeal.status == "assigned" and appeal.assignee == dispatcher
    decision = Decision.objects.get(appeal=appeal)
    assert decision.outcome == "applied" and decision.emergency_rule == "gas" and decision.priority == "emergency"
    note = appeal.events.get(action="auto_triage").note
    assert "Правила" in note and "аварийное правило «gas»" in note and "Применено автоматически" in note


def test_a_keyword_reason_between_the_thresholds_is_only_suggested():
    appeal = create_appeal("Не пришла квитанция за октябрь", channel="email")
    decision = triage_appeal(appeal)
    assert decision.outcome == "suggested" and decision.reason.code == "billing-receipt"
    assert decision.top3[0]["reason"] == "billing-receipt" and decision.top3[0]["source"] == "keywords"
    appeal.refresh_from_db()
    assert appeal.status == "received" and appeal.reason is None


def test_thresholds_are_settings_the_admin_changes():
    config = TriageSettings.current()
    config.auto_apply_threshold, config.suggest_threshold = 0.5, 0.3
    config.save()
    appeal = create_appeal("Не пришла квитанция за октябрь", channel="email")
    assert triage_appeal(appeal).outcome == "applied"
    assert Appeal.objects.get(pk=appeal.pk).status == "registered"


def test_below_the_lower_threshold_it_goes_to_manual_triage():
    config = TriageSettings.current()
    config.suggest_threshold = 0.7
    config.save()
    assert triage_appeal(create_appeal("Не пришла квитанция", channel="email")).outcome == "manual"


def test_text_with_nothing_recognisable_goes_to_manual_triage():
    decision = triage_appeal(create_appeal("Добрый день, прошу перезвонить", channel="web"))
    assert decision.outcome == "manual" and decision.reason is None and decision.top3 == []


def test_an_appeal_a_person_already_classified_is_left_alone(operator):
    from appeals import services
    from appeals.models import Reason

    appeal = create_appeal("Пахнет газом", channel="phone")
    services.classify(appeal, operator, reason=Reason.objects.get(code="gas-smell"))
    assert triage_appeal(appeal) is None


def test_complexity_is_suggested_from_the_words():
    proposal = propose("Прошу сделать перерасчёт, иначе обращусь в прокуратуру")
    assert proposal.best.reason.code == "billing-recalc" and proposal.complexity == "V"


def test_the_heating_rule_knows_the_season():
    import datetime as dt

    assert propose("Батареи ледяные", dt.date(2026, 12, 1)).best.reason.code == "heating-none"
    assert propose("Батареи ледяные", dt.date(2026, 7, 1)).best is None


@pytest.fixture
def split_model(settings, tmp_path):
    """A model of our own codes that cannot tell standing water in a basement from a dirty basement."""
    from triage.classifier import TextClassifier

    basement = ["Вода в подвале стоит", "В подвале вода по щиколотку", "Подвал в воде", "Стоит вода в подвале дома"]
    lift = ["Не работает лифт", "Лифт сломан", "Лифт не едет", "Сломался лифт в подъезде"]
    texts = basement * 2 + lift
    labels = ["sewer-blockage"] * 4 + ["basement-windows"] * 4 + ["lift-fault"] * 4
    path = TextClassifier().fit(texts, labels).save(tmp_path / "split.npz")
    settings.TRIAGE_MODEL = str(path)
    predictor.reset()


def test_a_likely_emergency_jumps_the_queue_before_its_reason_is_confirmed(split_model):
    appeal = create_appeal("В подвале стоит вода", channel="web")
    decision = triage_appeal(appeal)
    appeal.refresh_from_db()
    assert decision.outcome == "suggested" and appeal.status == "received" and appeal.reason is None
    assert appeal.priority == "emergency" and decision.priority == "emergency"
    assert appeal.events.filter(action="priority_raised", new_value="emergency").exists()


def test_a_likely_routine_appeal_keeps_its_priority(split_model):
    appeal = create_appeal("Лифт не работает", channel="web")
    triage_appeal(appeal)
    appeal.refresh_from_db()
    assert appeal.priority == "normal"


def test_a_damaged_model_file_leaves_triage_on_its_rules(settings, tmp_path):
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(b"not a model")
    settings.TRIAGE_MODEL = str(damaged)
    predictor.reset()
    decision = triage_appeal(create_appeal("В подъезде пахнет газом", channel="web"))
    assert decision.outcome == "applied" and decision.model_version == ""


def test_reasons_the_model_thinks_unlikely_are_not_offered(split_model):
    """The lift model is sure of a lift: the basement reasons it gives a few hundredths are no options."""
    from triage.services import MIN_OPTION_SCORE

    ranked = predictor.rank("Лифт не работает")
    assert any(score < MIN_OPTION_SCORE for _code, score in ranked.options)  # the model did name them
    options = propose("Лифт не работает").options
    assert [o.reason.code for o in options][:1] == ["lift-fault"]
    assert all(o.score >= MIN_OPTION_SCORE for o in options) and len(options) < len(ranked.options)

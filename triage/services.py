"""The verbs of triage: propose a classification, apply it by the thresholds, learn from corrections.

One appeal goes through `propose` (rules, keyword reasons and the model together; writes nothing),
then `triage_appeal` acts on it: above the upper threshold the reason is set, the appeal registered
and routed; between the thresholds the operator gets a one-click suggestion; below, manual triage.
Every automatic decision is a `Decision` row and a line in the appeal's history.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from appeals import services
from appeals.choices import Priority, Status
from appeals.models import Appeal, Reason

from .classifier import predictor
from .models import Correction, Decision, TriageSettings
from .rules import EmergencyHit, detect, keyword_reasons, suggest_complexity

EMERGENCY_RULE_SCORE = 0.99
# The model's total probability of emergency reasons from which an appeal jumps the queue even before a
# person confirms its reason (recall first; measured in bench.intelligence).
EMERGENCY_SHARE = 0.3
# Below this a reason is not offered: a chip at 0.01 is noise a clerk has to read past. The model's
# probabilities are calibrated, so such an option is right about once in twenty times at most.
MIN_OPTION_SCORE = 0.05


@dataclass
class Option:
    reason: Reason
    score: float
    source: str  # "rule", "keywords" or "model"

    def as_dict(self) -> dict:
        return {"reason": self.reason.code, "id": self.reason.pk, "name": self.reason.name,
                "category": self.reason.category.name, "score": round(self.score, 3), "source": self.source}


@dataclass
class Proposal:
    options: list[Option] = field(default_factory=list)  # best first, at most 3
    model_version: str = ""
    emergency: EmergencyHit | None = None
    complexity: str = ""
    outcome: str = Decision.Outcome.MANUAL
    emergency_share: float = 0.0  # the model's probability that this is an emergency of some kind

    @property
    def best(self) -> Option | None:
        return self.options[0] if self.options else None

    @property
    def reads_as_emergency(self) -> bool:
        """A rule caught an accident, or the model gives emergency reasons enough of its probability: the
        appeal jumps the queue, and a resident writing it is told to phone at once."""
        return self.emergency is not None or self.emergency_share >= EMERGENCY_SHARE


def _reasons(codes) -> dict[str, Reason]:
    return {r.code: r for r in Reason.objects.filter(code__in=list(codes), is_active=True).select_related("category")}


def propose(text: str, day: dt.date | None = None, settings: TriageSettings | None = None) -> Proposal:
    """What triage would do with this text: up to three reasons with calibrated scores (none below
    MIN_OPTION_SCORE), and the outcome."""
    settings = settings or TriageSettings.current()
    hit = detect(text, day)
    ranked = predictor.rank(text)
    scored: dict[str, tuple[float, str]] = {}
    for code, score in ranked.options:
        scored.setdefault(code, (score, "model"))
    for kw in keyword_reasons(text):
        if scored.get(kw.reason, (0.0, ""))[0] < kw.score:
            scored[kw.reason] = (kw.score, "keywords")
    if hit is not None:
        scored[hit.reason] = (max(EMERGENCY_RULE_SCORE, scored.get(hit.reason, (0.0, ""))[0]), "rule")
    reasons = _reasons(scored)
    options = sorted((Option(reasons[c], s, src) for c, (s, src) in scored.items()
                      if c in reasons and s >= MIN_OPTION_SCORE), key=lambda o: (-o.score, o.reason.code))[:3]
    proposal = Proposal(options=options, model_version=ranked.version, emergency=hit,
                        emergency_share=sum(score for code, score in ranked.options
                                            if code in reasons and reasons[code].is_emergency))
    if proposal.best is not None:
        proposal.complexity = suggest_complexity(text, proposal.best.reason.default_complexity)
        proposal.outcome = _outcome(proposal.best, settings)
    return proposal


def _outcome(best: Option, settings: TriageSettings) -> str:
    # An emergency caught by a rule always applies: it must jump the queue; a person may still correct it.
    if best.source == "rule" or best.score >= settings.auto_apply_threshold:
        return Decision.Outcome.APPLIED
    if best.score >= settings.suggest_threshold:
        return Decision.Outcome.SUGGESTED
    return Decision.Outcome.MANUAL


def _history_note(proposal: Proposal) -> str:
    parts = [f"Модель {proposal.model_version}" if proposal.model_version else "Правила"]
    if proposal.emergency is not None:
        parts.append(f"аварийное правило «{proposal.emergency.rule}» по словам «{proposal.emergency.words}»")
    parts.append("; ".join(f"{o.reason.name} — {o.score:.2f}" for o in proposal.options) or "вариантов нет")
    parts.append(Decision.Outcome(proposal.outcome).label)
    return ". ".join(parts) + "."


def _decision(appeal: Appeal, proposal: Proposal, outcome: str, priority: str = "") -> Decision:
    best = proposal.best
    return Decision.objects.create(
        appeal=appeal, model_version=proposal.model_version, reason=best.reason if best else None,
        score=best.score if best else 0.0, top3=[o.as_dict() for o in proposal.options],
        complexity=proposal.complexity, emergency_rule=proposal.emergency.rule if proposal.emergency else "",
        priority=priority, outcome=outcome)


@transaction.atomic
def triage_appeal(appeal: Appeal, settings: TriageSettings | None = None) -> Decision | None:
    """Classify a newly received appeal and act by the thresholds; None if a person got there first."""
    settings = settings or TriageSettings.current()
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status != Status.RECEIVED or appeal.reason_id is not None:
        return None
    proposal = propose(appeal.text, timezone.localdate(appeal.received_at), settings)
    services.note(appeal, None, "auto_triage", _history_note(proposal))
    if proposal.outcome == Decision.Outcome.APPLIED:  # routing follows the registration (receivers)
        appeal = services.register_with_reason(appeal, None, reason=proposal.best.reason,
                                               complexity=proposal.complexity)
    elif proposal.reads_as_emergency:
        appeal = services.raise_priority(appeal, None, Priority.EMERGENCY,
                                         f"Похоже на аварию (вероятность {proposal.emergency_share:.2f}): "
                                         "обращение первым в очереди разбора.")
    return _decision(appeal, proposal, proposal.outcome, appeal.priority)


def latest_decision(appeal: Appeal) -> Decision | None:
    return appeal.triage_decisions.select_related("reason").order_by("-created_at", "-id").first()


def record_choice(appeal: Appeal, reason: Reason, actor) -> Correction | None:
    """A person set the reason: if the model had said otherwise, keep the pair as training data.

    An appeal a person classified at once (the registration screen) has no decision yet: the one made
    now is what the screen suggested to them.
    """
    decision = latest_decision(appeal)
    if decision is None:
        decision = _decision(appeal, propose(appeal.text, timezone.localdate(appeal.received_at)),
                             Decision.Outcome.SUGGESTED)
    if decision.reason_id == reason.pk or appeal.triage_corrections.filter(corrected=reason).exists():
        return None  # the model agreed, or this choice is already kept
    correction = Correction.objects.create(appeal=appeal, text=appeal.text, predicted=decision.reason,
                                           corrected=reason, model_version=decision.model_version, by=actor)
    services.note(appeal, actor, "triage_corrected",
                  f"Автоматически предлагалось: {decision.reason.name if decision.reason else '—'}; "
                  f"выбрано: {reason.name}.")
    return correction

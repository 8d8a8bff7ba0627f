"""The demo's systemic proposals: one implemented 60 days ago against a frequent reason (the effect shows on
its page), one open from the largest incident, one overdue from a repeating problem at a building.
Idempotent: once any proposal exists it adds nothing."""

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from appeals.models import Appeal
from triage.models import Incident

from . import services
from .deadline import proposal_due
from .effect import daily_counts, windows
from .models import Proposal, ProposalEvent
from .rates import MIN_APPEALS

IMPLEMENTED_DAYS_AGO = 60


def _backdate(proposal: Proposal, moment: dt.datetime) -> None:
    """The demo's proposals were registered before today: their dates and history rows moved back together."""
    due = proposal_due(moment)
    Proposal.objects.filter(pk=proposal.pk).update(registered_at=moment, due_at=due)
    ProposalEvent.objects.filter(proposal=proposal).update(at=moment)
    ProposalEvent.objects.filter(proposal=proposal, action="opened").update(
        note=f"Срок внедрения — {timezone.localtime(due):%d.%m.%Y}")


def _quietest_reason(today: dt.date) -> int | None:
    # Of the ten most frequent reasons with enough appeals to judge, the one whose appeals fell most (or grew
    # least: the demo's appeals are mostly recent) after the day; else the most frequent.
    on = today - dt.timedelta(days=IMPLEMENTED_DAYS_AGO)
    _, before, after = windows(on, today)
    frequent = (Appeal.objects.filter(reason__isnull=False).values("reason").annotate(n=Count("pk"))
                .order_by("-n")[:10])
    best, best_ratio = None, None
    for row in frequent:
        counts = daily_counts([(None, row["reason"])], before[0], after[1])
        was = sum(n for day, n in counts.items() if day < before[1])
        now = sum(n for day, n in counts.items() if day >= after[0])
        ratio = now / was if was and was + now >= MIN_APPEALS else None
        if ratio is not None and (best_ratio is None or ratio < best_ratio):
            best, best_ratio = row["reason"], ratio
    return best if best is not None else (frequent[0]["reason"] if frequent else None)


@transaction.atomic
def _proposals() -> int:
    chief = User.objects.filter(username="supervisor").first()
    if chief is None or Proposal.objects.exists():
        return 0
    now, today = timezone.now(), timezone.localdate()
    made = 0
    if (reason := _quietest_reason(today)) is not None:
        sample = Appeal.objects.filter(reason_id=reason).order_by("received_at").first()
        proposal = services.open_proposal(
            chief, problem=f"Много обращений «{sample.reason.name}» по всем домам",
            measure="Плановый осмотр и профилактика по всем домам, график доведён до мастеров участков",
            owner=chief, reason=sample.reason, appeal=sample)
        _backdate(proposal, now - dt.timedelta(days=IMPLEMENTED_DAYS_AGO + 10))
        services.mark_implemented(proposal, chief, on=today - dt.timedelta(days=IMPLEMENTED_DAYS_AGO), by=chief,
                                  what="Осмотры проведены, выявленные неисправности устранены")
        made += 1
    incident = Incident.objects.annotate(n=Count("memberships")).filter(n__gt=0).order_by("-n").first()
    if incident is not None:
        services.open_proposal(chief, problem=incident.title, measure="Обследовать дом и включить ремонт в план",
                               owner=chief, reason=incident.reason, building=incident.building, incident=incident)
        made += 1
    pair = (Appeal.objects.filter(building__isnull=False, reason__isnull=False).values("building", "reason")
            .annotate(n=Count("pk")).order_by("-n").first())
    if pair is not None:
        sample = Appeal.objects.filter(building_id=pair["building"], reason_id=pair["reason"]).select_related(
            "building", "reason").order_by("received_at").first()
        proposal = services.open_proposal(
            chief, problem=f"Повторяющиеся обращения «{sample.reason.name}» в доме {sample.building.address}",
            measure="Заменить изношенное оборудование вместо разовых ремонтов", owner=chief,
            reason=sample.reason, building=sample.building, appeal=sample)
        _backdate(proposal, now - dt.timedelta(days=40))  # past its 20 working days: overdue in the list
        made += 1
    return made


def load() -> str:
    added = _proposals()
    return f"Системные предложения: {Proposal.objects.count()} (добавлено {added})."

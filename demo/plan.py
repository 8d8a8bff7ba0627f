"""Planning the demo appeals: who writes, when, about what, by which channel, and how far it got."""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.utils import timezone

from appeals.choices import Channel, Complexity, Kind, Status
from appeals.models import Reason
from deadlines.calendar import is_working_day

from .answers import RESOURCE_OF
from .people import Person
from .reasons import REASONS
from .texts import PROPOSALS, appeal_text, slots, typed_address

S = Status
WINDOW_DAYS = 122
# Target status, weight, age range in days: old appeals are settled, fresh ones are still being worked on.
STATUS_PLAN = [
    (S.CLOSED, 30, (8, WINDOW_DAYS)), (S.ANSWERED, 20, (1.5, 60)), (S.ESCALATED, 3, (15, 110)),
    (S.WITHDRAWN, 3, (1, 100)), (S.RECEIVED, 4, (0.02, 1.2)), (S.CLARIFICATION, 3, (1, 6)),
    (S.REGISTERED, 4, (0.1, 2)), (S.ASSIGNED, 6, (0.2, 5)), (S.IN_PROGRESS, 12, (1, 24)),
    (S.WAITING_APPLICANT, 3, (2, 14)), (S.WAITING_EXTERNAL, 5, (3, 25)), (S.ANSWER_DRAFTED, 7, (2, 16)),
]
CHANNELS = {Channel.PHONE: 40, Channel.WEB: 24, Channel.IN_PERSON: 12, Channel.EMAIL: 12, Channel.POST: 6,
            Channel.API: 6, Channel.OPEN311: 4}
KINDS = {Kind.REQUEST: 34, Kind.COMPLAINT: 26, Kind.APPEAL: 22, Kind.QUESTION: 12, Kind.PROPOSAL: 6}
ESCALATABLE = ["facade-elements", "common-replanning", "common-transfer", "facade-paint", "roof-damage",
               "water-pipes", "billing-wrong", "heating-low-flat", "mkd-stairs"]
INFO_REASONS = {"paid-order", "billing-tariff", "service-other", "docs-certificate", "docs-copies",
                "meters-verification"}
ANSWERED = {S.ANSWERED, S.CLOSED, S.ESCALATED}
WORKED = {S.IN_PROGRESS, S.WAITING_EXTERNAL, S.ANSWER_DRAFTED} | ANSWERED


@dataclass
class Plan:
    received_at: dt.datetime
    status: str
    channel: str
    kind: str
    reason: Reason
    complexity: str | None
    person: Person
    values: dict
    text: str = ""
    address_text: str = ""
    known_building: bool = True  # the operator picked the building; otherwise it is matched from the address
    outcome: str = "done"
    flags: set = field(default_factory=set)

    @property
    def effective_complexity(self) -> str:
        return self.complexity or self.reason.default_complexity


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _received_at(rng: random.Random, now: dt.datetime, age_days: float, channel: str) -> dt.datetime:
    moment = timezone.localtime(now - dt.timedelta(days=age_days))
    if age_days > 1 and channel in (Channel.PHONE, Channel.IN_PERSON, Channel.POST):
        moment = moment.replace(hour=rng.randint(9, 17) if channel != Channel.PHONE else rng.randint(8, 20),
                                minute=rng.randrange(60), second=rng.randrange(60))
        while channel != Channel.PHONE and not is_working_day(moment.date()):
            moment -= dt.timedelta(days=1)
    return min(moment, now - dt.timedelta(minutes=3))


def _pick_reason(rng, reasons: dict[str, Reason], status: str, kind: str, month: int) -> tuple[Reason, str | None]:
    if kind == Kind.PROPOSAL:
        return reasons[rng.choice(sorted(PROPOSALS))], None
    if status == S.ESCALATED:
        return reasons[rng.choice(ESCALATABLE)], None
    if status == S.WAITING_EXTERNAL:
        return reasons[rng.choice([c for c in sorted(RESOURCE_OF) if not reasons[c].is_emergency])], None
    season = {code: spec["w"] for code, spec in REASONS.items()
              if month in spec.get("months", range(1, 13)) and code in reasons}
    return reasons[_weighted(rng, season)], None


def _flags(rng, plan: Plan, age_days: float) -> set:
    status, emergency, flags = plan.status, plan.reason.is_emergency, set()
    if status == S.CLARIFICATION or (not emergency and status != S.RECEIVED and rng.random() < 0.06):
        flags.add("clarify")
    if status == S.WAITING_APPLICANT or (status in WORKED and not emergency and rng.random() < 0.08):
        flags.add("wait_applicant")
    if status == S.WAITING_EXTERNAL or (status in WORKED and plan.reason.code in RESOURCE_OF and not emergency
                                         and rng.random() < 0.3):
        flags.add("external")
    if plan.effective_complexity != Complexity.A and status in WORKED and rng.random() < 0.35:
        flags.add("extend")
    if status in (S.ANSWERED, S.CLOSED) and age_days >= 25 and not emergency and rng.random() < 0.15:
        flags.add("late")
    if status == S.IN_PROGRESS and age_days >= 10 and rng.random() < 0.15:
        flags.add("reopen")
    elif status == S.IN_PROGRESS and rng.random() < 0.3:
        flags.add("draft_saved")
    return flags


def _age(rng, status: str, reason: Reason, age_range: tuple[float, float]) -> float:
    if reason.is_emergency and status in (S.ASSIGNED, S.IN_PROGRESS, S.RECEIVED, S.REGISTERED):
        return rng.uniform(5, 25) / (24 * 60)  # an emergency is still open only while the crew is on its way
    return rng.uniform(*age_range)


def plan_one(rng, now, person: Person, reasons: dict[str, Reason], status=None, channel=None, kind=None) -> Plan:
    status_row = next(r for r in STATUS_PLAN if r[0] == status) if status else \
        rng.choices(STATUS_PLAN, weights=[r[1] for r in STATUS_PLAN])[0]
    channel = channel or _weighted(rng, CHANNELS)
    kind = kind or _weighted(rng, KINDS)
    if kind == Kind.PROPOSAL and status_row[0] == S.WAITING_EXTERNAL:
        kind = Kind.APPEAL  # nobody asks a resource company about a proposal
    rough = timezone.localtime(now - dt.timedelta(days=rng.uniform(*status_row[2])))
    reason, complexity = _pick_reason(rng, reasons, status_row[0], kind, rough.month)
    if reason.is_emergency and kind in (Kind.QUESTION, Kind.PROPOSAL):
        kind = Kind.REQUEST
    if kind == Kind.COMPLAINT and reason.code in INFO_REASONS:
        kind = Kind.APPEAL  # asking for a certificate or a price is not a complaint
    if reason.is_emergency and status_row[0] in (S.CLARIFICATION, S.WAITING_APPLICANT):
        reason = reasons["mkd-lighting"]  # nobody waits for clarifications with water pouring from the ceiling
    if status_row[0] == S.ESCALATED:
        complexity = Complexity.V  # only complex appeals go to the higher organisation
    age = _age(rng, status_row[0], reason, status_row[2])
    received_at = _received_at(rng, now, age, channel)
    values = slots(rng, person, received_at)
    plan = Plan(received_at=received_at, status=status_row[0], channel=channel, kind=kind, reason=reason,
                complexity=complexity, person=person, values=values)
    plan.text = appeal_text(rng, person, channel, kind, reason.code, values)
    if channel not in (Channel.PHONE, Channel.IN_PERSON) or person.building is None:
        plan.address_text = typed_address(rng, person)
        plan.known_building = person.building is not None and rng.random() < 0.4
    if kind != Kind.PROPOSAL:
        plan.outcome = rng.choices(["done", "partly", "refuse"], weights=[72, 14, 14])[0]
    plan.flags = _flags(rng, plan, age)
    return plan


def plan_appeals(rng: random.Random, now: dt.datetime, count: int, people: list[Person],
                 reasons: dict[str, Reason]) -> list[Plan]:
    """`count` plans covering every status, channel and kind at least once, in order of receipt."""
    statuses, channels, kinds = [r[0] for r in STATUS_PLAN], list(CHANNELS), list(KINDS)
    queue = people[:] + [rng.choice(people[: len(people) // 3]) for _ in range(max(0, count - len(people)))]
    rng.shuffle(queue)
    plans = []
    for index, person in enumerate(queue[:count]):
        forced = index < len(statuses)
        plans.append(plan_one(rng, now, person, reasons, status=statuses[index] if forced else None,
                              channel=channels[index % len(channels)] if forced else None,
                              kind=kinds[index % len(kinds)] if forced else None))
    return sorted(plans, key=lambda p: p.received_at)

"""Living a planned appeal through its life cycle with the domain's own verbs, at past moments.

Every change goes through appeals.services (and appeals.outgoing), so the history rows,
deadlines and pauses are the real ones. The verbs stamp history with the current time where
they take no moment of their own; those rows are moved to the step's moment afterwards.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.contrib.auth.models import User

from appeals import outgoing, services
from appeals.applicants import ApplicantData
from appeals.choices import Channel, Complexity
from appeals.choices import Status as S
from appeals.models import Appeal, AppealEvent, ResourceCompany
from open311.models import Integration, Submission

from . import answers as A
from .plan import Plan

DEMO_INTEGRATION = "FixMyStreet Петербург (демо)"
# Who works on a department's appeals among the demo staff.
WORKER_OF = {"ads": "ads", "tech": "tech", "san": "san", "billing": "billing", "docs": "docs", "paid": "billing",
             "legal": "supervisor", "crm": "supervisor"}


@dataclass
class Context:
    rng: random.Random
    now: dt.datetime
    started: dt.datetime  # the real time the load began: history rows stamped after it are moved
    staff: dict[str, User]
    resources: dict[str, ResourceCompany]
    signature: str
    applicant_ids: dict[str, int] = field(default_factory=dict)


def _h(rng: random.Random, low: float, high: float) -> float:
    return rng.uniform(low, high)


def _intake_steps(plan: Plan, rng) -> list[tuple[str, float]]:
    steps = [("receive", 0.0)]
    if "clarify" in plan.flags:
        steps.append(("request_clarification", _h(rng, 0.5, 6)))
        if plan.status == S.CLARIFICATION:
            return steps
        steps.append(("clarified", _h(rng, 12, 72)))
    return steps


def _work_steps(plan: Plan, rng, fast: bool) -> list[tuple[str, float]]:
    steps = []
    if "extend" in plan.flags:
        steps.append(("extend", _h(rng, 24, 72)))
    if "wait_applicant" in plan.flags:
        steps.append(("wait_applicant", _h(rng, 2, 30)))
        if plan.status == S.WAITING_APPLICANT:
            return steps
        steps.append(("applicant_replied", _h(rng, 24, 96)))
    if "external" in plan.flags:
        steps.append(("outgoing", _h(rng, 2, 30)))  # recording the request moves the appeal to waiting
        if plan.status == S.WAITING_EXTERNAL:
            return steps
        steps.append(("external_replied", _h(rng, 48, 160)))
    if "reopen" in plan.flags:
        steps += [("draft_answer", _h(rng, 24, 100)), ("answer", _h(rng, 2, 20)), ("reopen", _h(rng, 48, 150))]
    if plan.status == S.IN_PROGRESS:
        return steps + ([("update_draft", _h(rng, 24, 96))] if "draft_saved" in plan.flags else [])
    if fast:
        draft = _h(rng, 0.1, 0.5)
    elif "late" in plan.flags:
        draft = _h(rng, 330, 420)
    else:
        draft = _h(rng, 24, 140) if plan.effective_complexity == Complexity.A else _h(rng, 48, 220)
    steps.append(("draft_answer", draft))
    if plan.status == S.ANSWER_DRAFTED:
        return steps
    if plan.status == S.ESCALATED and rng.random() < 0.5:
        return steps + [("escalate", _h(rng, 24, 72))]
    steps.append(("answer", _h(rng, 0.03, 0.1) if fast else _h(rng, 2, 30)))
    if plan.status == S.ESCALATED:
        steps.append(("escalate", _h(rng, 24, 72)))
    elif plan.status == S.CLOSED:
        steps.append(("close", _h(rng, 24, 120)))
    return steps


def steps_for(plan: Plan, rng: random.Random) -> list[tuple[str, float]]:
    """The verbs to apply, each with its delay in hours after the previous one."""
    if plan.status == S.WITHDRAWN:
        plan.status = rng.choice([S.RECEIVED, S.REGISTERED, S.ASSIGNED, S.IN_PROGRESS])
        plan.flags -= {"clarify", "reopen", "draft_saved"}
        steps = steps_for(plan, rng) + [("withdraw", _h(rng, 5, 72))]
        plan.status = S.WITHDRAWN
        return steps
    steps = _intake_steps(plan, rng)
    if plan.status in (S.RECEIVED, S.CLARIFICATION):
        return steps
    fast = plan.reason.is_emergency
    by_phone = plan.channel in (Channel.PHONE, Channel.IN_PERSON)
    steps.append(("register", _h(rng, 0.02, 0.08) if fast else _h(rng, 0.05, 0.5) if by_phone else _h(rng, 0.5, 20)))
    if plan.status == S.REGISTERED:
        return steps
    steps.append(("assign", _h(rng, 0.02, 0.05) if fast else _h(rng, 0.3, 6)))
    if plan.status == S.ASSIGNED:
        return steps
    steps.append(("start", _h(rng, 0.03, 0.1) if fast else _h(rng, 1, 30)))
    return steps + _work_steps(plan, rng, fast)


def moments(plan: Plan, steps: list[tuple[str, float]], now: dt.datetime, rng) -> list[dt.datetime]:
    """The moment of each step, squeezed proportionally when the plan does not fit before now."""
    available = (now - dt.timedelta(minutes=rng.uniform(2, 40)) - plan.received_at).total_seconds() / 3600
    total = sum(delay for _, delay in steps)
    scale = min(1.0, available / total) if total > 0 else 1.0
    result, moment = [], plan.received_at
    for _, delay in steps:
        moment = moment + dt.timedelta(hours=max(0.0, delay * scale))
        result.append(moment)
    return result


def run_plan(plan: Plan, ctx: Context) -> Appeal:
    steps = steps_for(plan, ctx.rng)
    appeal = None
    for (name, _delay), moment in zip(steps, moments(plan, steps, ctx.now, ctx.rng), strict=True):
        appeal = STEPS[name](appeal, plan, ctx, moment)
        AppealEvent.objects.filter(appeal_id=appeal.pk, at__gte=ctx.started).update(at=moment)
    return appeal


def _operator(ctx: Context) -> User:
    return ctx.staff[ctx.rng.choice(["operator", "operator2"])]


def _receive(_appeal, plan: Plan, ctx: Context, moment) -> Appeal:
    person = plan.person
    by_phone = plan.channel in (Channel.PHONE, Channel.IN_PERSON)
    postal = plan.address_text if plan.channel == Channel.POST else ""
    data = ApplicantData(full_name=person.full_name, phone=person.phone, postal_address=postal, flat=person.flat,
                         **person.flags)
    appeal = services.receive_appeal(
        text=plan.text, channel=plan.channel, kind=plan.kind, received_at=plan.received_at, applicant=data,
        building=person.building if plan.known_building else None, address_text=plan.address_text,
        flat=person.flat, reason=plan.reason if by_phone else None,
        complexity=plan.complexity if by_phone else None,
        actor=_operator(ctx) if by_phone or plan.channel == Channel.POST else None)
    ctx.applicant_ids[person.full_name] = appeal.applicant_id
    if plan.channel == Channel.OPEN311:  # filed by a FixMyStreet site: Open311's reads then show it
        Submission.objects.create(integration=_demo_integration(), appeal=appeal, service_code=plan.reason.code,
                                  received_at=appeal.received_at)
    return appeal


def _demo_integration() -> Integration:
    """The demo's FixMyStreet site; its key is nobody's (staff issue a new one in the admin to try it)."""
    found = Integration.objects.filter(name=DEMO_INTEGRATION).first()
    if found is None:
        found = Integration(name=DEMO_INTEGRATION, contact="fixmystreet@example.org")
        found.new_key()
        found.save()
    return found


def _register(appeal, plan: Plan, ctx: Context, moment) -> Appeal:
    actor = _operator(ctx)
    if appeal.reason_id != plan.reason.pk or appeal.complexity != plan.effective_complexity:
        appeal = services.classify(appeal, actor, reason=plan.reason, complexity=plan.effective_complexity)
    return services.transition(appeal, "register", actor, now=moment)


def _assign(appeal, plan: Plan, ctx: Context, moment) -> Appeal:
    worker = ctx.staff[WORKER_OF.get(appeal.department.code if appeal.department else "crm", "supervisor")]
    return services.assign(appeal, ctx.staff["supervisor"], assignee=worker)


def _simple(name: str, notes: list[str] | None = None, by: str = "assignee"):
    def step(appeal, plan: Plan, ctx: Context, moment) -> Appeal:
        actor = appeal.assignee if by == "assignee" and appeal.assignee_id else (
            _operator(ctx) if by == "operator" else ctx.staff["supervisor"])
        data = {"note": ctx.rng.choice(notes)} if notes else {}
        return services.transition(appeal, name, actor, now=moment, **data)
    return step


def _compose(appeal: Appeal, plan: Plan, ctx: Context, moment) -> tuple[str, str, str]:
    work_day = max(plan.received_at, moment - dt.timedelta(days=ctx.rng.uniform(0, 2))).date()
    return A.compose_answer(ctx.rng, person=plan.person, number=appeal.number, received_at=appeal.received_at,
                            kind=plan.kind, reason=plan.reason, outcome=plan.outcome, work_date=work_day,
                            values=plan.values, signature=ctx.signature)


def _draft(appeal, plan: Plan, ctx: Context, moment) -> Appeal:
    text, result, favour = _compose(appeal, plan, ctx, moment)
    appeal = services.update_draft(appeal, appeal.assignee, answer_text=text, result=result, favour=favour)
    return services.transition(appeal, "draft_answer", appeal.assignee, now=moment)


def _update_draft(appeal, plan: Plan, ctx: Context, moment) -> Appeal:
    text, result, favour = _compose(appeal, plan, ctx, moment)
    return services.update_draft(appeal, appeal.assignee, answer_text=text, result=result, favour=favour)


def _answer(appeal, plan: Plan, ctx: Context, moment) -> Appeal:
    actor = appeal.assignee if plan.effective_complexity == Complexity.A else ctx.staff["supervisor"]
    name = "refuse" if plan.outcome == "refuse" and plan.kind != "proposal" else "answer"
    return services.transition(appeal, name, actor, now=moment)


def _outgoing(appeal, plan: Plan, ctx: Context, moment) -> Appeal:
    company = ctx.resources[A.RESOURCE_OF[plan.reason.code]]
    address = appeal.building.address if appeal.building else appeal.address_text
    subject = ctx.rng.choice(A.OUTGOING_SUBJECTS).format(address=address, since=f"{plan.received_at:%d.%m.%Y}")
    sent = moment.date()
    outgoing.add_request(appeal, appeal.assignee, organization=company, subject=subject, sent_at=sent,
                         due_at=outgoing.default_due(sent))
    return Appeal.objects.get(pk=appeal.pk)


def _external_replied(appeal, plan: Plan, ctx: Context, moment) -> Appeal:
    for request in appeal.outgoing_requests.filter(answered_at__isnull=True):
        outgoing.record_reply(request, appeal.assignee, reply=ctx.rng.choice(A.OUTGOING_REPLIES),
                              answered_at=max(moment.date(), request.sent_at))  # the last reply resumes the work
    return Appeal.objects.get(pk=appeal.pk)


STEPS = {
    "receive": _receive, "register": _register, "assign": _assign, "draft_answer": _draft,
    "update_draft": _update_draft, "answer": _answer, "outgoing": _outgoing, "external_replied": _external_replied,
    "request_clarification": _simple("request_clarification", A.CLARIFY_NOTES, by="operator"),
    "clarified": _simple("clarified", ["Заявитель сообщил недостающие сведения."], by="operator"),
    "start": _simple("start"), "extend": _simple("extend", A.EXTENSION_NOTES, by="supervisor"),
    "wait_applicant": _simple("wait_applicant", A.WAIT_APPLICANT_NOTES),
    "applicant_replied": _simple("applicant_replied", ["Заявитель предоставил запрошенные сведения."]),
    "escalate": _simple("escalate", A.ESCALATION_NOTES, by="supervisor"),
    "close": _simple("close"), "reopen": _simple("reopen", A.REOPEN_NOTES, by="supervisor"),
    "withdraw": _simple("withdraw", A.WITHDRAW_NOTES, by="operator"),
}

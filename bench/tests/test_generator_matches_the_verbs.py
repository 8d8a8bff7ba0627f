"""The generator tells an appeal's story as the domain's verbs tell it.

`bench.generate` writes its million appeals as plain rows through its own copy of the verbs
(`bench.verbs`): two copies of the rules, which these tests hold together.

- Concrete stories, each told twice, received at the same moment and worked by the same people: once
  through `appeals.services` and `appeals.outgoing` (operators receive, classify, register and
  withdraw; the supervisor assigns, extends and escalates; the responsible specialist works; `None`, the
  system, receives what comes in online), once through `bench.verbs`.
- The generator's own stories: `Generator.appeal` as the load runs it, its choice of steps, moments and
  people included, makes some ninety appeals over six weeks; each is told again through the verbs, step
  by step from its history, by the same people at the same moments.

Either way the appeals must agree in every field a verb sets (status, classification, priority,
department and assignee, the deadlines, the moment of each step, the answer, its result and in whose
favour), in their history rows one by one (action, field, old and new value, note, who, when, public or
not) and in the requests to resource companies.

Not compared: what the generator makes up instead of taking from a person (texts, number, access code,
the applicant's row, search lemmas), and the links between repeated reports (`Generator._maybe_link`, a
step between two appeals). The generator never reopens an appeal, so reopening is not told here.
"""

import datetime as dt
import random
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User

from accounts.models import Company
from appeals import outgoing, services
from appeals.applicants import ApplicantData
from appeals.choices import Channel, Favour
from appeals.models import Appeal, AppealEvent, Applicant, OutgoingRequest, Reason, ResourceCompany
from bench.generate import Generator
from bench.verbs import Verbs
from bench.world import MSK, build_world
from conftest import happening_at
from deadlines.calendar import MOSCOW

pytestmark = pytest.mark.django_db

# Wednesday before the May holidays of 2025 (1–4 and 8–11 May are days off): the norms count across them.
APRIL_30 = dt.datetime(2025, 4, 30, 10, 15, tzinfo=MOSCOW)
TEXT = "Прошу разобраться."
ANSWER = "Мария Петровна, здравствуйте. Работы выполнены."
FIELDS = ("status", "reason_id", "category_id", "complexity", "priority", "department_id", "assignee_id",
          "registration_due", "answer_due", "registered_at", "paused_at", "extended_at", "extension_reason",
          "answered_at", "closed_at", "answer_text", "result", "resolved_in_favour_of", "is_refusal")
EVENT_FIELDS = ("at", "actor_id", "action", "field", "old_value", "new_value", "note", "is_public")
APPLICANT_DATA = ("full_name", "phone", "email", "postal_address", "flat", "is_disabled", "is_veteran", "is_elderly",
                  "is_low_income")
REQUEST_FIELDS = ("organization_id", "subject", "sent_at", "due_at", "answered_at", "reply", "created_by_id")


@dataclass
class Story:
    reason: str
    channel: str
    steps: list  # (hours after receipt, verb, who, data)
    complexity: str | None = None
    elderly: bool = False
    received: dt.datetime = APRIL_30


def _answer(who: str = "specialist", favour: str = Favour.APPLICANT, verb: str = "answer") -> tuple:
    return verb, who, {"result": "Работы выполнены", "resolved_in_favour_of": favour}


def _worked(start: float = 1) -> list:
    """Registered, assigned and taken into work, `start` hours after receipt."""
    return [(start, "register", "operator", {}), (start + 1, "assign", "supervisor", {}),
            (start + 20, "start", "specialist", {})]


STORIES = {
    "received only": Story("roof-damage", Channel.WEB, []),
    "registered and assigned": Story("mkd-intercom", Channel.PHONE, _worked()[:2]),
    "in work, the applicant asked, answered in their favour, closed": Story(
        "mkd-lighting", Channel.POST, [(3, "classify", "operator", {}), *_worked(4),
                                       (30, "wait_applicant", "specialist", {"note": "Нужен доступ в квартиру."}),
                                       (150, "applicant_replied", "specialist", {}),
                                       (170, "draft_answer", "specialist", {"answer_text": ANSWER}),
                                       (172, *_answer()), (200, "close", "specialist", {})], elderly=True),
    "refused in the company's favour": Story(
        "billing-wrong", Channel.WEB, [(2, "classify", "operator", {}), *_worked(3),
                                       (60, "draft_answer", "specialist", {"answer_text": ANSWER}),
                                       (62, *_answer("supervisor", Favour.COMPANY, "refuse"))]),
    "extended (Б), answered partly": Story(
        "roof-damage", Channel.EMAIL, [(1, "classify", "operator", {}), *_worked(2),
                                       (50, "extend", "supervisor", {"note": "Нужно обследование кровли."}),
                                       (300, "draft_answer", "specialist", {"answer_text": ANSWER}),
                                       (301, *_answer("supervisor", Favour.PARTLY)),
                                       (330, "close", "supervisor", {})]),
    "paused, then extended no further than the total limit": Story(
        "roof-damage", Channel.PHONE, [*_worked(), (120, "wait_applicant", "specialist", {"note": "Нужен доступ."}),
                                       (336, "applicant_replied", "specialist", {}),
                                       (360, "extend", "supervisor", {"note": "Нужно обследование кровли."})]),
    "escalated (В), closed": Story(
        "mkd-ramp-proposal", Channel.IN_PERSON, [*_worked(0.2),
                                                 (40, "escalate", "supervisor", {"note": "Передано в комитет."}),
                                                 (90, "close", "supervisor", {})]),
    "withdrawn after registration": Story("mkd-intercom", Channel.PHONE, [(0.2, "register", "operator", {}),
                                                                          (30, "withdraw", "operator", {})]),
    "an emergency, counted in minutes": Story(
        "gas-smell", Channel.PHONE, [(0.02, "register", "operator", {}), (0.05, "assign", "supervisor", {}),
                                     (0.1, "start", "specialist", {}),
                                     (0.3, "draft_answer", "specialist", {"answer_text": ANSWER}),
                                     (0.4, *_answer()), (30, "close", "specialist", {})],
        received=dt.datetime(2025, 5, 3, 23, 40, tzinfo=MOSCOW)),
    "a clarification round across the holidays": Story(
        "roof-damage", Channel.WEB, [(1, "classify", "operator", {}),
                                     (2, "request_clarification", "operator", {"note": "Не указан номер квартиры."}),
                                     (80, "clarified", "operator", {}), *_worked(81)[:2]]),
    "an emergency from the site, clarified, counted in minutes": Story(
        "water-no-hot", Channel.WEB, [(0.1, "classify", "operator", {}),
                                      (0.2, "request_clarification", "operator", {"note": "Какой подъезд?"}),
                                      (3, "clarified", "operator", {}), (3.1, "register", "operator", {})]),
    "a request to a resource company and its reply": Story(
        "water-pipes", Channel.PHONE, [*_worked(), (30, "request", "specialist", {}),
                                       (100, "reply", "specialist", {}),
                                       (120, "draft_answer", "specialist", {"answer_text": ANSWER}),
                                       (121, *_answer()), (150, "close", "specialist", {})]),
    "extended, then reclassified: the extended deadline stays": Story(
        "roof-damage", Channel.WEB, [(1, "classify", "operator", {}), *_worked(2),
                                     (50, "extend", "supervisor", {"note": "Нужно обследование кровли."}),
                                     (60, "classify", "specialist", {"complexity": "V"})]),
    "given to a specialist of another department": Story(
        "mkd-lighting", Channel.PHONE, [(1, "register", "operator", {}),
                                        (2, "assign", "supervisor", {"to": "elsewhere"}),
                                        (20, "start", "elsewhere", {})]),
}
SUBJECT, REPLY = "Просим сообщить сроки замены труб.", "Замена запланирована на июнь."


@pytest.fixture
def world():
    return build_world(random.Random(1), buildings=0)


def _cast(world, reason: Reason) -> dict:
    """The people of a story as the generator knows them: (user id, full name, department id)."""
    elsewhere = next(d for d in world.staff if d != reason.department_id and world.staff[d])
    return {"operator": world.operators[0], "supervisor": world.supervisors[0],
            "specialist": world.staff[reason.department_id][0], "elsewhere": world.staff[elsewhere][0]}


def _by_voice(story: Story) -> bool:
    return story.channel in (Channel.PHONE, Channel.IN_PERSON)  # the operator classifies while taking the call


def _intake_actor(story: Story) -> str | None:
    return None if story.channel in (Channel.WEB, Channel.EMAIL, Channel.API) else "operator"


def through_services(story: Story, reason: Reason, cast: dict, company: tuple) -> Appeal:
    users = {role: User.objects.get(pk=person[0]) for role, person in cast.items()}
    with happening_at(story.received):
        appeal = services.receive_appeal(
            text=TEXT, channel=story.channel, received_at=story.received, flat="12",
            applicant=ApplicantData(full_name="Иванова Мария Петровна", is_elderly=story.elderly),
            reason=reason if _by_voice(story) else None, complexity=story.complexity if _by_voice(story) else None,
            actor=users.get(_intake_actor(story)))
    for hours, verb, who, data in story.steps:
        moment, actor = story.received + dt.timedelta(hours=hours), users[who]
        with happening_at(moment):
            if verb == "classify":
                services.classify(appeal, actor, reason=reason, complexity=data.get("complexity", story.complexity))
            elif verb == "assign":
                services.assign(appeal, actor, assignee=users[data.get("to", "specialist")])
            elif verb == "request":
                outgoing.add_request(appeal, actor, organization=ResourceCompany.objects.get(pk=company[0]),
                                     subject=SUBJECT, sent_at=moment.date(), due_at=outgoing.default_due(moment.date()))
            elif verb == "reply":
                outgoing.record_reply(appeal.outgoing_requests.get(), actor, reply=REPLY, answered_at=moment.date())
            else:
                services.transition(appeal, verb, actor, **data)
        appeal = Appeal.objects.get(pk=appeal.pk)
    return appeal


def through_the_generator(story: Story, reason: Reason, cast: dict, company: tuple, world) -> tuple[dict, Verbs]:
    verbs = Verbs(world)
    row = {"id": 1, "number": "25-000001", "access_code": "X", "kind": "appeal", "channel": str(story.channel),
           "received_at": story.received, "applicant_id": None, "building_id": None, "flat": "12",
           "address_text": "", "text": TEXT, "short_content": TEXT, "_name": "Иванова Мария Петровна",
           "_care": SimpleNamespace(care_flags=["пожилой"] if story.elderly else [])}
    verbs.receive(row, cast.get(_intake_actor(story)), reason if _by_voice(story) else None, story.complexity)
    request = None
    for hours, verb, who, data in story.steps:
        moment, actor = story.received + dt.timedelta(hours=hours), cast[who]
        if verb == "classify":
            verbs.classify(row, moment, actor, reason, data.get("complexity", story.complexity))
        elif verb == "assign":
            verbs.assign(row, moment, actor, cast[data.get("to", "specialist")])
        elif verb == "request":
            request = verbs.add_request(row, moment, actor, company, SUBJECT)
        elif verb == "reply":
            verbs.record_reply(row, moment, actor, request, REPLY)
        else:
            data = dict(data)
            verbs.transition(row, moment, actor, verb, data.pop("note", ""), **data)
    return row, verbs


@pytest.mark.parametrize("name", STORIES)
def test_the_generator_tells_the_story_as_the_verbs_do(name, world):
    story = STORIES[name]
    reason = Reason.objects.get(code=story.reason)
    cast, company = _cast(world, reason), world.companies[0]
    appeal = through_services(story, reason, cast, company)
    row, verbs = through_the_generator(story, reason, cast, company, world)

    assert {f: row[f] for f in FIELDS} == {f: getattr(appeal, f) for f in FIELDS}
    events = [dict(zip(EVENT_FIELDS, e[1:], strict=True)) for e in verbs.events]
    assert events == list(AppealEvent.objects.filter(appeal=appeal).order_by("id").values(*EVENT_FIELDS))
    requests = [dict(zip(REQUEST_FIELDS, r[1:], strict=True)) for r in verbs.requests]
    assert requests == list(appeal.outgoing_requests.order_by("id").values(*REQUEST_FIELDS))


# --- the generator's own stories, replayed through the verbs ---------------------------------------------
# What happens after each of these is written by the verb that wrote the row before it.
CONSEQUENCES = {"assigned", "reassigned", "wait_external", "external_replied"}


def _replay(row: dict, events: list[dict], requests: list[dict], applicant: dict) -> Appeal:
    """Tell a generated appeal's history again through the verbs, by the same people at the same moments."""
    users = {u.pk: u for u in User.objects.filter(pk__in={e["actor_id"] for e in events} - {None})}
    by_voice = row["channel"] in (Channel.PHONE, Channel.IN_PERSON)
    reason = Reason.objects.get(pk=row["reason_id"]) if row["reason_id"] else None
    appeal, previous = None, ""
    for event in events:
        action, actor = event["action"], users.get(event["actor_id"])
        if event["field"] == "answer_due" or action in CONSEQUENCES or action == previous == "classified":
            continue
        previous = action
        with happening_at(event["at"]):
            if action == "received":
                appeal = services.receive_appeal(
                    text=row["text"], channel=row["channel"], received_at=row["received_at"], flat=row["flat"],
                    applicant=ApplicantData(**applicant), reason=reason if by_voice else None,
                    complexity=row["complexity"] if by_voice else None, actor=actor)
            elif action == "classified":
                services.classify(appeal, actor, reason=reason, complexity=row["complexity"])
            elif action == "assign":
                services.assign(appeal, actor, assignee=User.objects.get(pk=row["assignee_id"]))
            elif action == "outgoing_added":
                request = requests[0]  # the generator sends one request at most
                company = ResourceCompany.objects.get(pk=request["organization_id"])
                outgoing.add_request(appeal, actor, organization=company, subject=request["subject"],
                                     sent_at=request["sent_at"], due_at=request["due_at"])
            elif action == "outgoing_replied":
                outgoing.record_reply(appeal.outgoing_requests.get(), actor, reply=requests[0]["reply"],
                                      answered_at=requests[0]["answered_at"])
            elif action == "draft_answer":
                draft = row["answer_text"].removesuffix("\n\n" + Company.current().hq_notice())
                services.transition(appeal, action, actor, answer_text=draft)
            elif action in ("answer", "refuse"):
                services.transition(appeal, action, actor, result=row["result"],
                                    resolved_in_favour_of=row["resolved_in_favour_of"])
            else:
                services.transition(appeal, action, actor, note=event["note"])
        appeal = Appeal.objects.get(pk=appeal.pk)
    return appeal


def test_the_generators_own_stories_replay_through_the_verbs():
    """`Generator.appeal` as the load runs it, its choice of steps and people included: every appeal it makes,
    replayed through the verbs by the same people, ends as the generator wrote it."""
    rng, now = random.Random(8), dt.datetime(2025, 6, 2, 12, 0, tzinfo=MSK)
    gen = Generator(build_world(rng, buildings=20), rng, now)
    for days_ago in range(45, -1, -1):
        for received, channel in gen.w.arrivals(now.date() - dt.timedelta(days=days_ago), 2, rng, now):
            gen.appeal(received, channel)
    rows = {model: [dict(zip(fields, r, strict=True)) for r in rows] for model, fields, rows in gen.take()}
    applicants = {a["id"]: a for a in rows[Applicant]}
    statuses, actions = set(), set()
    for row in rows[Appeal]:
        events = [e for e in rows[AppealEvent] if e["appeal_id"] == row["id"] and e["action"] != "linked"]
        requests = [r for r in rows[OutgoingRequest] if r["appeal_id"] == row["id"]]
        person = applicants[row["applicant_id"]]
        appeal = _replay(row, events, requests, {k: person[k] for k in APPLICANT_DATA})

        assert {f: getattr(appeal, f) for f in FIELDS} == {f: row[f] for f in FIELDS}, row["number"]
        assert list(appeal.events.order_by("id").values(*EVENT_FIELDS)) == [
            {f: e[f] for f in EVENT_FIELDS} for e in events], row["number"]
        statuses.add(row["status"])
        actions |= {e["action"] for e in events}
    # A seed whose stories take every kind of step and end in many statuses (if the generator's odds change,
    # choose another).
    assert {"request_clarification", "withdraw", "wait_applicant", "outgoing_added", "extend", "escalate",
            "refuse"} <= actions
    assert len(statuses) >= 8

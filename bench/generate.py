"""Fill the database with N realistic appeals: `python -m bench.generate --appeals 1000000`.

Three years of appeals in every status, each told step by step through the real transition
table and cut at the present, with history, applicants, buildings and staff. Deadlines come
from the real norms and production calendar (once per received day), search lemmas from the
real index. PostgreSQL: COPY inside one transaction, the secondary indexes and foreign keys of
the loaded tables dropped for the load and rebuilt after it. SQLite: bulk_create.
"""

import argparse
import datetime as dt
import random
import time
from types import SimpleNamespace

from django.db import connection
from django.db.models import Max
from django.utils import timezone

from appeals.choices import Channel, Complexity, Favour, Kind, Status
from appeals.models import Appeal, AppealEvent, Applicant, NumberSequence, OutgoingRequest, name_key
from appeals.numbering import _CODE_ALPHABET
from appeals.search import appeal_index_text

from . import texts
from .load import Loader, finish, report
from .verbs import S, Verbs
from .world import MSK, World, build_world, day_counts, later

APPEAL_FIELDS = ("id", "number", "access_code", "kind", "channel", "received_at", "registered_at", "applicant_id",
                 "building_id", "flat", "address_text", "text", "short_content", "category_id", "reason_id",
                 "complexity", "priority", "status", "department_id", "assignee_id", "result",
                 "resolved_in_favour_of", "answer_text", "is_refusal", "answered_at", "registration_due",
                 "answer_due", "extended_at", "extension_reason", "paused_at", "closed_at", "search_lemmas",
                 "created_at", "updated_at")
APPLICANT_FIELDS = ("id", "full_name", "phone", "email", "postal_address", "building_id", "flat", "is_disabled",
                    "is_veteran", "is_elderly", "is_low_income", "name_key", "created_at")
EVENT_FIELDS = ("appeal_id", "at", "actor_id", "action", "field", "old_value", "new_value", "note", "is_public")
REQUEST_FIELDS = ("appeal_id", "organization_id", "subject", "sent_at", "due_at", "answered_at", "reply",
                  "created_by_id")
LINK_FIELDS = ("from_appeal_id", "to_appeal_id")
FINAL = {S[Status.CLOSED], S[Status.WITHDRAWN]}
CARE = (SimpleNamespace(care_flags=[]), SimpleNamespace(care_flags=["пожилой"]))
TYPED = (Channel.WEB, Channel.EMAIL, Channel.POST, Channel.API)  # the address comes as the applicant typed it
EXTERNAL = {"water", "heating", "electric", "gas", "billing", "meters"}


class _End(Exception):
    """The appeal's story is over: it has reached the present or a final status."""


class Generator:
    """Makes appeals one by one and buffers their rows until `take`.

    Which steps an appeal goes through, and when, is chosen here at random; what each step does to the
    rows is `bench.verbs`, the domain's verbs told on plain rows.
    """

    def __init__(self, world: World, rng: random.Random, now: dt.datetime):
        self.w, self.rng, self.now = world, rng, now
        self.verbs = Verbs(world)
        self.appeals, self.applicants, self.links = [], [], []
        self.pool: list[tuple] = []  # applicants made so far; a third of appeals come from them
        self.seq = dict(NumberSequence.objects.values_list("year", "last"))
        self.last_at: dict = {}  # (building, reason) → the last appeal there: repeated problems get linked
        self.next_appeal = (Appeal.objects.aggregate(m=Max("id"))["m"] or 0) + 1
        self.next_applicant = (Applicant.objects.aggregate(m=Max("id"))["m"] or 0) + 1

    def appeal(self, received: dt.datetime, channel: str) -> None:
        rng = self.rng
        reason = self.w.pick_reason(received.month, rng)
        applicant_id, building, flat, care, name = self._applicant(received, channel)
        text, short = texts.appeal_text(rng, reason.code, self.w.category_code[reason.id])
        row = {
            "id": self.next_appeal, "number": self._number(received.year), "access_code": _code(rng),
            "kind": _kind(reason.code, reason.is_emergency, rng), "channel": str(channel), "received_at": received,
            "applicant_id": applicant_id, "building_id": building[0] if building else None, "flat": flat,
            "address_text": _typed(building, flat) if channel in TYPED else "", "text": text, "short_content": short,
            "_care": care, "_name": name,
        }
        self.next_appeal += 1
        complexity = _complexity(reason.default_complexity, reason.is_emergency, rng)
        typed_in = channel in (Channel.WEB, Channel.EMAIL, Channel.API)
        by_voice = channel in (Channel.PHONE, Channel.IN_PERSON)  # the operator classifies while taking the call
        self.verbs.receive(row, None if typed_in else rng.choice(self.w.operators),
                           reason if by_voice else None, complexity)
        try:
            self._story(row, reason, complexity)
        except _End:
            pass
        row["search_lemmas"] = appeal_index_text(row["text"], row["short_content"], row["address_text"], row["number"])
        self.appeals.append(tuple(row[f] for f in APPEAL_FIELDS))
        self._maybe_link(row)

    def _story(self, row: dict, reason, complexity: str) -> None:
        rng, w, v = self.rng, self.w, self.verbs
        fast = reason.is_emergency  # the dispatch service works round the clock, in minutes
        office = not fast
        operator, supervisor = rng.choice(w.operators), rng.choice(w.supervisors)
        quits = rng.choice(("received", "registered", "in_progress")) if rng.random() < 0.02 else ""
        if row["reason_id"] is None:
            self._go(v.classify, row, self._later(row, (1, 5) if fast else (5, 240), office), operator,
                     reason, complexity)
        if row["channel"] in (Channel.WEB, Channel.EMAIL) and rng.random() < 0.03:
            self._step(row, "request_clarification", self._later(row, (10, 120), office), operator,
                       rng.choice(texts.CLARIFICATION_NOTES))
            self._step(row, "clarified", self._later(row, (1440, 8640), office), operator)
        self._quit_if(row, quits == "received", operator, office)
        self._step(row, "register", self._later(row, (1, 10) if fast else (5, 300), office), operator)
        self._quit_if(row, quits == "registered", operator, office)
        assignee = rng.choice(w.staff.get(row["department_id"]) or w.supervisors)  # supervisors may work any
        self._go(v.assign, row, self._later(row, (1, 5) if fast else (5, 240), office), supervisor, assignee)
        self._step(row, "start", self._later(row, (1, 10) if fast else (10, 900), office), assignee)
        self._quit_if(row, quits == "in_progress", operator, office)
        if not fast:
            self._optional_steps(row, assignee, supervisor)
        self._decide(row, assignee, supervisor, office)

    def _optional_steps(self, row: dict, assignee: tuple, supervisor: tuple) -> None:
        rng = self.rng
        if self.w.category_code[row["reason_id"]] in EXTERNAL and rng.random() < 0.08:
            self._external(row, assignee)
        if rng.random() < 0.03:
            self._step(row, "wait_applicant", self._later(row, (30, 1440)), assignee,
                       rng.choice(texts.WAIT_APPLICANT_NOTES))
            self._step(row, "applicant_replied", self._later(row, (1440, 10080)), assignee)
        if row["complexity"] in (Complexity.B, Complexity.V) and rng.random() < 0.25:
            at, note = self._later(row, (60, 4320)), rng.choice(texts.EXTENSION_REASONS)
            self._step(row, "extend", at, supervisor, note)
        if row["complexity"] == Complexity.V and rng.random() < 0.3:
            self._step(row, "escalate", self._later(row, (60, 7200)), supervisor, rng.choice(texts.ESCALATION_NOTES))
            self._step(row, "close", self._later(row, (1440, 14400)), supervisor)

    def _decide(self, row: dict, assignee: tuple, supervisor: tuple, office: bool) -> None:
        rng = self.rng
        answer_at = self._answer_time(row, office)
        favour = rng.choices((Favour.APPLICANT, Favour.PARTLY, Favour.COMPANY), (65, 15, 20))[0]
        result, text = texts.answer(rng, favour=favour, category_code=self.w.category_code[row["reason_id"]],
                                    applicant_name=row["_name"])
        draft_at = max(row["updated_at"] + dt.timedelta(minutes=10),
                       answer_at - dt.timedelta(minutes=rng.uniform(30, 2880)))
        answer_at = max(answer_at, draft_at + dt.timedelta(minutes=rng.uniform(1, 30)))
        self._step(row, "draft_answer", draft_at, assignee, answer_text=text)
        refuse = favour == Favour.COMPANY or (favour == Favour.PARTLY and rng.random() < 0.3)
        self._step(row, "refuse" if refuse else "answer", answer_at, supervisor, result=result,
                   resolved_in_favour_of=str(favour))
        if rng.random() < 0.9:
            self._step(row, "close", self._later(row, (1440, 14400), office), supervisor)

    def _answer_time(self, row: dict, office: bool) -> dt.datetime:
        """Most answers come in time, some late, a few get stuck for months: the overdue backlog."""
        rng, start, answer_due = self.rng, row["updated_at"], row["answer_due"]
        chance = rng.random()
        if chance < 0.015:
            return start + dt.timedelta(days=rng.uniform(20, 700))
        if chance < 0.08 or answer_due <= start:
            return later(rng, max(answer_due, start), (60, 7200), office)
        minutes = (answer_due - start).total_seconds() / 60
        return later(rng, start, (minutes * 0.2, minutes * 0.95), office)

    def _external(self, row: dict, assignee: tuple) -> None:
        """W5: a request to a resource company, and its reply."""
        company = self.w.company_for(self.w.category_code[row["reason_id"]])
        request = self._go(self.verbs.add_request, row, self._later(row, (30, 1440)), assignee, company,
                           self.rng.choice(texts.OUTGOING_SUBJECTS))
        self._go(self.verbs.record_reply, row, self._later(row, (2880, 14400)), assignee, request,
                 "Сведения предоставлены, ответ приобщён к материалам обращения.")

    def _quit_if(self, row: dict, quits: bool, actor: tuple, office: bool) -> None:
        if quits:
            self._step(row, "withdraw", self._later(row, (60, 4320), office), actor)

    # --- the story is cut at the present ---------------------------------------------------
    def _go(self, verb, row: dict, at: dt.datetime, actor: tuple | None, *args, **data):
        """Take a step (a verb of `bench.verbs`) unless its moment is still to come; a final status ends
        the story."""
        if at > self.now:
            raise _End
        done = verb(row, at, actor, *args, **data)
        if row["status"] in FINAL:
            raise _End
        return done

    def _step(self, row: dict, name: str, at: dt.datetime, actor: tuple | None, note: str = "", **data) -> None:
        """A transition, as `_go` takes it (inlined: nine in ten steps are transitions)."""
        if at > self.now:
            raise _End
        self.verbs.transition(row, at, actor, name, note, **data)
        if row["status"] in FINAL:
            raise _End

    # --- small helpers -------------------------------------------------------------------
    def _later(self, row: dict, minutes: tuple[float, float], office: bool = True) -> dt.datetime:
        return later(self.rng, row["updated_at"], minutes, office)

    def _number(self, year: int) -> str:
        self.seq[year] = self.seq.get(year, 0) + 1
        return f"{year % 100:02d}-{self.seq[year]:06d}"

    def _applicant(self, received: dt.datetime, channel: str) -> tuple:
        rng = self.rng
        if self.pool and rng.random() < 0.35:
            return rng.choice(self.pool)
        name, _female = texts.full_name(rng)
        building = rng.choice(self.w.buildings) if rng.random() > 0.03 else None
        flat = str(rng.randint(1, 120))
        flags = tuple(rng.random() < p for p in (0.03, 0.02, 0.12, 0.04))  # disabled, veteran, elderly, poor
        applicant_id, self.next_applicant = self.next_applicant, self.next_applicant + 1
        email = f"zhitel{applicant_id}@example.ru" if channel in (Channel.WEB, Channel.EMAIL) else ""
        postal = _typed(building, flat) if channel == Channel.POST else ""
        self.applicants.append((applicant_id, name, f"+79{rng.randrange(10 ** 9):09d}", email, postal,
                                building[0] if building else None, flat, *flags,
                                name_key(name), received))
        found = (applicant_id, building, flat, CARE[any(flags)], name)
        self.pool.append(found)
        return found

    def _maybe_link(self, row: dict) -> None:
        """A problem reported again at the same building within two weeks is linked to the earlier appeal."""
        if row["building_id"] is None or row["reason_id"] is None:
            return
        key = (row["building_id"], row["reason_id"])
        earlier = self.last_at.get(key)
        self.last_at[key] = (row["id"], row["number"], row["received_at"])
        if earlier and row["received_at"] - earlier[2] < dt.timedelta(days=14) and self.rng.random() < 0.5:
            at = row["received_at"] + dt.timedelta(minutes=self.rng.uniform(5, 120))
            if at <= self.now:
                self.links += [(row["id"], earlier[0]), (earlier[0], row["id"])]
                self.verbs.events += [(row["id"], at, None, "linked", "linked", "", earlier[1], "", False),
                                (earlier[0], at, None, "linked", "linked", "", row["number"], "", False)]

    def take(self) -> list[tuple]:
        """The buffered rows as (model, fields, rows), in the order foreign keys need them."""
        batch = [(Applicant, APPLICANT_FIELDS, self.applicants), (Appeal, APPEAL_FIELDS, self.appeals),
                 (AppealEvent, EVENT_FIELDS, self.verbs.events),
                 (OutgoingRequest, REQUEST_FIELDS, [tuple(r) for r in self.verbs.requests]),
                 (Appeal.linked.through, LINK_FIELDS, self.links)]
        self.appeals, self.applicants, self.links = [], [], []
        self.verbs.events, self.verbs.requests = [], []
        return batch

    def save_numbers(self) -> None:
        """Move the per-year counters past the generated numbers so new appeals never collide."""
        for year, last in self.seq.items():
            NumberSequence.objects.update_or_create(year=year, defaults={"last": last})


def _kind(code: str, emergency: bool, rng: random.Random) -> str:
    if emergency:
        return str(Kind.REQUEST)
    if code.endswith("proposal"):
        return str(Kind.PROPOSAL)
    if code in ("billing-tariff", "service-other", "docs-certificate", "meters-verification") and rng.random() < 0.6:
        return str(Kind.QUESTION)
    return str(rng.choices((Kind.COMPLAINT, Kind.APPEAL, Kind.REQUEST), (45, 35, 20))[0])


def _complexity(default: str, emergency: bool, rng: random.Random) -> str:
    """The reason's default, which an operator now and then raises for a harder case."""
    if default == Complexity.A and not emergency and rng.random() < 0.1:
        return str(Complexity.B)
    if default == Complexity.B and rng.random() < 0.03:
        return str(Complexity.V)
    return str(default)


def _typed(building: tuple | None, flat: str) -> str:
    return f"{building[1]}, кв. {flat}" if building else f"Лиговский пр., д. 301, кв. {flat}"


def _code(rng: random.Random) -> str:
    """An access code in the real alphabet; the seeded generator is many times faster than `secrets`."""
    return "".join(rng.choices(_CODE_ALPHABET, k=10))


def generate(appeals: int, *, years: int = 3, buildings: int = 2000, batch: int = 20_000, seed: int = 1) -> dict:
    """Add `appeals` appeals received over the last `years` years; returns timings in seconds."""
    started, rng = time.monotonic(), random.Random(seed)
    now = timezone.now().astimezone(MSK)
    world = build_world(rng, buildings)
    timings = {"setup": time.monotonic() - started}
    first = now.date() - dt.timedelta(days=365 * years - 1)
    today_share = (now - dt.datetime.combine(now.date(), dt.time(0), MSK)) / dt.timedelta(days=1)
    gen = Generator(world, rng, now)
    if connection.vendor == "postgresql":  # a read that waits for the load's locks fails instead of hanging
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '10s'")
    loader, made = Loader(timings, gen.save_numbers), 0
    loader.start()
    try:
        for day, count in day_counts(appeals, first, now.date(), today_share):
            for received, channel in world.arrivals(day, count, rng, now):
                gen.appeal(received, channel)
            made += count
            if len(gen.appeals) >= batch:
                loader.put(gen.take())
                print(f"  {made:>9} appeals, {time.monotonic() - started:6.0f} s", flush=True)
        loader.put(gen.take())
    except BaseException:
        loader.close(failed=True)
        raise
    loader.close()
    timings["generate_and_load"] = time.monotonic() - started - timings["setup"]
    finish(timings)
    timings["total"] = time.monotonic() - started
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fill the database with realistic appeals for benchmarks.")
    parser.add_argument("--appeals", type=int, required=True, help="how many appeals to add")
    parser.add_argument("--years", type=int, default=3, help="spread them over this many past years")
    parser.add_argument("--buildings", type=int, default=2000, help="at least this many buildings")
    parser.add_argument("--batch", type=int, default=20_000, help="appeals per COPY / bulk_create batch")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    timings = generate(args.appeals, years=args.years, buildings=args.buildings, batch=args.batch, seed=args.seed)
    print("timings, s: " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()))
    report()


if __name__ == "__main__":
    main()

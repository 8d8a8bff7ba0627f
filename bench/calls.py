"""The call-centre page at a year of calls: `python -m bench.calls --calls 500000`.

Generates calls (bulk insert: a working day's rhythm with a morning and an afternoon peak, a tenth missed,
moments of table 5.3.1 with realistic spreads) and builds their summary per (day, hour, operator) and its
rows per day and month, then times the page's queries (totals, by hour with the operators on the line, by
day, by operator) and the page itself through the test client for a week, a month and the whole year, for
everyone and for one operator, then a call saved with its summary. Milliseconds, the median of `--repeat`
runs after one untimed run. Target: the page within 500 ms at 500,000 calls.
"""

import argparse
import datetime as dt
import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from accounts.roles import OPERATOR, SUPERVISOR, set_role
from calls import stats, summary
from calls.models import Call, CallCentreNorms, Outcome

HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 12, 9, 8, 10, 12, 11, 9, 6, 4, 3, 2, 1, 1]


def _people(operators: int):
    users = get_user_model()
    people = []
    for n in range(operators):
        user, created = users.objects.get_or_create(username=f"bench-operator-{n}",
                                                    defaults={"first_name": "Оператор", "last_name": f"№{n}"})
        if created:
            set_role(user, OPERATOR)
        people.append(user.pk)
    boss, created = users.objects.get_or_create(username="bench-supervisor")
    if created:
        set_role(boss, SUPERVISOR)
    return people, boss


def _call(rng: random.Random, ringing: dt.datetime, operator: int, n: int) -> Call:
    if rng.random() < 0.1:
        return Call(ringing_at=ringing, ended_at=ringing + dt.timedelta(seconds=rng.randint(5, 120)),
                    outcome=Outcome.MISSED, source=Call.Source.PBX, pbx_id=f"bench-{n}")
    moment = ringing + dt.timedelta(seconds=rng.expovariate(1 / 25))
    answered = moment
    found = answered + dt.timedelta(seconds=rng.expovariate(1 / 30))
    call = Call(ringing_at=ringing, answered_at=answered, found_at=found, operator_id=operator,
                source=Call.Source.PBX, pbx_id=f"bench-{n}", outcome=Outcome.INFORMATION)
    if rng.random() < 0.2:
        call.transferred_at = found + dt.timedelta(seconds=rng.expovariate(1 / 120))
        call.connected_at = call.transferred_at + dt.timedelta(seconds=rng.expovariate(1 / 30))
        call.specialist_ended_at = call.connected_at + dt.timedelta(seconds=rng.expovariate(1 / 200))
        call.ended_at = call.specialist_ended_at
        call.outcome = Outcome.TRANSFERRED
    else:
        call.ended_at = found + dt.timedelta(seconds=rng.expovariate(1 / 150))
    call.wrapped_up_at = call.ended_at + dt.timedelta(seconds=rng.expovariate(1 / 90))
    return call


def generate(calls: int, days: int, operators: int, batch: int, seed: int) -> float:
    rng = random.Random(seed)
    people, _ = _people(operators)
    start = timezone.localdate() - dt.timedelta(days=days - 1)
    tz = timezone.get_default_timezone()
    first = Call.objects.filter(pbx_id__startswith="bench-").count()
    started = time.perf_counter()
    buffer = []
    n = first
    # Day after day, each day's calls in time order: a PBX's records arrive so, and so lie on disk.
    for index in range(days):
        day = start + dt.timedelta(days=index)
        count = calls // days + (1 if index < calls % days else 0)
        moments = sorted(dt.time(rng.choices(range(24), HOUR_WEIGHTS)[0], rng.randrange(60), rng.randrange(60))
                         for _ in range(count))
        for moment in moments:
            buffer.append(_call(rng, dt.datetime.combine(day, moment, tzinfo=tz), rng.choice(people), n))
            n += 1
        if len(buffer) >= batch:
            with transaction.atomic():
                Call.objects.bulk_create(buffer, batch_size=2000)
            buffer = []
            print(f"  … {n - first} calls", flush=True)
    if buffer:
        Call.objects.bulk_create(buffer, batch_size=2000)
    # bulk_create bypasses Call.save, as the CDR import's does: the summary of the days is built once.
    built = time.perf_counter()
    cells, rows = summary.rebuild(start, start + dt.timedelta(days=days - 1))
    print(f"  summary: {cells} cells and {rows} rows of days and months in {time.perf_counter() - built:.1f} s",
          flush=True)
    if connection.vendor == "postgresql":  # as autovacuum would soon: the planner's counts of the new rows
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE calls_call")
    return time.perf_counter() - started


def _median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(repeat: int) -> None:
    _, boss = _people(0)
    client = Client()
    client.force_login(boss)
    norms = CallCentreNorms.current()
    today = timezone.localdate()
    one = get_user_model().objects.filter(username__startswith="bench-operator-").values_list("pk", flat=True).first()
    print(f"{connection.vendor}, {Call.objects.count()} calls; median of {repeat}, ms")
    for label, days in (("week", 7), ("month", 30), ("year", 365)):
        period = stats.Period(today - dt.timedelta(days=days - 1), today)
        cases = {
            "totals": lambda p=period: stats.totals(p, norms),
            "by hour + on shift + Erlang C": lambda p=period: stats.hours(p, norms, stats.Group(None)),
            "by day": lambda p=period: stats.aggregate(p, "day", norms),
            "by operator": lambda p=period: stats.aggregate(p, "operator", norms),
            "the page (HTTP)": lambda p=period: client.get(
                "/staff/calls/stats/", {"start": p.start.isoformat(), "end": p.end.isoformat()}),
            "the page, one operator (HTTP)": lambda p=period: client.get(
                "/staff/calls/stats/", {"start": p.start.isoformat(), "end": p.end.isoformat(), "operator": one}),
        }
        for name, fn in cases.items():
            print(f"  {label:5} {name:32} {_median_ms(fn, repeat):9.1f}")
    print(f"  {'a call saved with its summary':38} {_save_ms(repeat * 4):9.1f}")


def _save_ms(repeat: int) -> float:
    """A call of today created as an operator's steps save it: its cell, day's and month's rows refreshed."""
    operator = get_user_model().objects.filter(username__startswith="bench-operator-").first()
    times = []
    with transaction.atomic():
        for n in range(repeat):
            ringing = timezone.now() - dt.timedelta(minutes=n)
            started = time.perf_counter()
            Call.objects.create(ringing_at=ringing, answered_at=ringing + dt.timedelta(seconds=12), operator=operator,
                                ended_at=ringing + dt.timedelta(seconds=150), outcome=Outcome.INFORMATION)
            times.append((time.perf_counter() - started) * 1000)
        transaction.set_rollback(True)  # the bench's data stay as generated
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=500_000, help="calls to add (0: only measure)")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--operators", type=int, default=25)
    parser.add_argument("--batch", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.calls:
        seconds = generate(args.calls, args.days, args.operators, args.batch, args.seed)
        print(f"generated {args.calls} calls in {seconds:.1f} s")
    measure(args.repeat)


if __name__ == "__main__":
    main()

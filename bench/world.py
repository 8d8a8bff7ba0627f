"""The world the generated appeals live in: reasons with their seasons, staff, buildings, the calendar."""

import datetime as dt
import functools
import random
from dataclasses import dataclass, field
from itertools import accumulate

from django.contrib.auth.models import User
from django.core.cache import cache

from accounts import roles
from accounts.models import Company, Department, StaffProfile
from appeals.choices import Channel
from appeals.models import Reason, ResourceCompany
from deadlines.calendar import OVERRIDES_CACHE_KEY, is_working_day, overrides
from deadlines.models import NormKind
from deadlines.norms import NORMS_CACHE_KEY, Norm, due_after, extended_due, find_norm, resumed_due
from housing.addresses import building_search_key
from housing.models import Building

from . import texts

MSK = dt.timezone(dt.timedelta(hours=3), "MSK")  # Moscow has kept UTC+3 since 2014
SPECIALISTS = {"ads": 6, "tech": 10, "san": 6, "billing": 5, "docs": 3, "paid": 2, "legal": 3, "crm": 4}
FREQUENT = {"billing-wrong": 6, "billing-recalc": 4, "billing-receipt": 3, "water-no-hot": 4, "roof-damage": 4,
            "heating-low-flat": 4, "mkd-cleaning": 3, "mkd-lighting": 3, "mkd-intercom": 3, "lift-fault": 3,
            "yard-litter": 3, "sewer-blockage": 3, "water-flood": 2, "meters-readings": 3, "docs-certificate": 3,
            "gas-smell": 0.3, "electric-sparking": 0.3, "lift-stuck": 0.5, "mkd-ramp-proposal": 0.3}
MONTH_VOLUME = (1.25, 1.2, 1.15, 1.0, 0.9, 0.9, 0.85, 0.85, 0.95, 1.1, 1.15, 1.25)
CHANNELS = ((Channel.PHONE, 45), (Channel.WEB, 25), (Channel.EMAIL, 10), (Channel.IN_PERSON, 12),
            (Channel.POST, 5), (Channel.API, 3))
HOURS = {  # share of appeals by hour of the day
    "call": (1, 1, 0, 0, 0, 0, 1, 3, 6, 9, 10, 10, 9, 9, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1),
    "online": (3, 2, 1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8, 8, 7, 6, 4),
    "office": (0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 10, 10, 9, 7, 9, 9, 8, 5, 0, 0, 0, 0, 0, 0),
}
RESOURCE_OF = {"water": 0, "sewer": 0, "heating": 1, "electric": 2, "billing": 3, "meters": 3, "gas": 4}


def season(reason_code: str, category_code: str, month: int) -> float:
    """How much more (or less) often a problem comes up in a month: snow in winter, hot water in summer."""
    if reason_code in ("roof-snow", "roof-ice", "yard-snow"):
        return 6.0 if month in (12, 1, 2, 3) else 0.05
    if category_code == "heating":
        return 3.0 if month in (10, 11, 12, 1, 2, 3, 4) else 0.3
    if reason_code == "water-no-hot":  # the planned summer shut-offs
        return 4.0 if month in (5, 6, 7, 8) else 1.0
    if reason_code in ("san-insects", "yard-playground", "yard-trees", "yard-litter"):
        return 2.5 if 5 <= month <= 9 else 0.6
    if reason_code == "roof-damage":
        return 2.0 if month in (3, 4, 9, 10, 11) else 1.0
    return 1.0


@functools.cache
def norm(kind: str, reason_id: int | None, complexity: str, channel: str) -> Norm:
    return find_norm(kind, reason_id=reason_id, complexity=complexity, channel=channel)


@functools.cache
def _due_on(day: dt.date, rule: Norm) -> dt.datetime:
    return due_after(dt.datetime.combine(day, dt.time(12), MSK), rule)


def due(kind: str, start: dt.datetime, reason_id: int | None, complexity: str, channel: str) -> dt.datetime:
    """compute_due, but a day-counted norm is worked out once per distinct start day."""
    rule = norm(kind, reason_id, complexity, channel)
    return due_after(start, rule) if rule.by_hours else _due_on(start.date(), rule)


def extended(received_at: dt.datetime, current_due: dt.datetime, *case) -> dt.datetime:
    """extended_due, worked out once per distinct received day and due date when both norms count days."""
    if norm(NormKind.EXTENSION, *case).by_hours or norm(NormKind.TOTAL, *case).by_hours:
        return extended_due(received_at, current_due, **dict(zip(_CASE, case, strict=True)))
    return _extended_on(received_at.date(), current_due, case)


@functools.cache
def _extended_on(day: dt.date, current_due: dt.datetime, case: tuple) -> dt.datetime:
    noon = dt.datetime.combine(day, dt.time(12), MSK)
    return extended_due(noon, current_due, **dict(zip(_CASE, case, strict=True)))


def resumed(due_at: dt.datetime, paused_at: dt.datetime, resumed_at: dt.datetime, by_hours: bool) -> dt.datetime:
    """resumed_due; a day-counted deadline depends only on the days of the pause."""
    if by_hours:
        return resumed_due(due_at, paused_at, resumed_at, by_hours=True)
    return _resumed_on(due_at, paused_at.date(), resumed_at.date())


@functools.cache
def _resumed_on(due_at: dt.datetime, paused: dt.date, resumed_day: dt.date) -> dt.datetime:
    def noon(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(12), MSK)

    return resumed_due(due_at, noon(paused), noon(resumed_day), by_hours=False)


_CASE = ("reason_id", "complexity", "channel")
PIN_SECONDS = 4 * 3600
_extra: dict = {}


@functools.cache
def workday(day: dt.date) -> bool:
    return is_working_day(day, _extra)


def later(rng: random.Random, start: dt.datetime, minutes: tuple[float, float], office: bool) -> dt.datetime:
    """A moment some minutes after `start`; office work waits for the next working morning."""
    moment = start + dt.timedelta(minutes=rng.uniform(*minutes))
    if office and not (9 <= moment.hour < 18 and workday(moment.date())):
        day = moment.date() if moment.hour < 9 else moment.date() + dt.timedelta(days=1)
        while not workday(day):
            day += dt.timedelta(days=1)
        moment = dt.datetime.combine(day, dt.time(9), MSK) + dt.timedelta(minutes=rng.uniform(0, 240))
    return moment


@dataclass
class World:
    reasons: list
    weights: dict  # month → cumulative weights of `reasons`
    labels: dict  # reason id → (str(reason), category name), as history records them
    category_code: dict
    staff: dict  # department id → [(user id, full name, department id)]
    operators: list
    supervisors: list
    buildings: list  # [(id, address)]
    companies: list  # resource companies as (id, name), in the order of texts.RESOURCE_COMPANIES
    department_names: dict
    hq_notice: str
    channel_weights: list = field(default_factory=lambda: list(accumulate(w for _, w in CHANNELS)))

    def pick_reason(self, month: int, rng: random.Random):
        return rng.choices(self.reasons, cum_weights=self.weights[month])[0]

    def company_for(self, category_code: str) -> tuple[int, str]:
        return self.companies[RESOURCE_OF.get(category_code, 0)]

    def arrivals(self, day: dt.date, count: int, rng: random.Random, until: dt.datetime) -> list:
        """(moment, channel) of the day's appeals in time order; visits and letters only on working days."""
        found = []
        for _ in range(count):
            channel = rng.choices(CHANNELS, cum_weights=self.channel_weights)[0][0]
            if channel in (Channel.IN_PERSON, Channel.POST) and not workday(day):
                channel = Channel.WEB
            hours = HOURS["office" if channel in (Channel.IN_PERSON, Channel.POST) else
                          "call" if channel == Channel.PHONE else "online"]
            hour = rng.choices(range(24), hours)[0]
            moment = dt.datetime.combine(day, dt.time(hour), MSK) + dt.timedelta(seconds=rng.uniform(0, 3599))
            if moment >= until:  # today: only what has already come in
                start = dt.datetime.combine(day, dt.time(0), MSK)
                moment = start + (until - start) * rng.random()
            found.append((moment, channel))
        found.sort()
        return found


def day_counts(total: int, first: dt.date, last: dt.date, today_share: float) -> list[tuple[dt.date, int]]:
    """Spread `total` over the days: fewer at weekends, more in winter, slowly growing over the years."""
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    weights = [(1.0 if workday(d) else 0.4) * MONTH_VOLUME[d.month - 1] * (0.85 + 0.3 * i / len(days))
               for i, d in enumerate(days)]
    weights[-1] *= today_share
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    by_remainder = sorted(range(len(days)), key=lambda i: weights[i] * scale - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return list(zip(days, counts, strict=True))


def build_world(rng: random.Random, buildings: int) -> World:
    """Reference data from the database, with staff and buildings added where there are too few."""
    reasons = list(Reason.objects.filter(is_active=True).select_related("category", "department"))
    _read_norms_and_calendar(reasons)
    weights = {m: list(accumulate(FREQUENT.get(r.code, 1.0) * season(r.code, r.category.code, m) for r in reasons))
               for m in range(1, 13)}
    departments = {d.id: d for d in Department.objects.all()}
    staff = {d: _ensure_staff(rng, departments[d], roles.SPECIALIST, SPECIALISTS.get(departments[d].code, 3))
             for d in departments}
    crm = next((d for d in departments.values() if d.code == "crm"), None)
    return World(
        reasons=reasons, weights=weights,
        labels={r.id: (str(r), r.category.name) for r in reasons},
        category_code={r.id: r.category.code for r in reasons}, staff=staff,
        operators=_ensure_staff(rng, crm, roles.OPERATOR, 8), supervisors=_ensure_staff(rng, crm, roles.SUPERVISOR, 2),
        buildings=_ensure_buildings(rng, buildings), companies=_ensure_companies(),
        department_names={d.id: d.name for d in departments.values()}, hq_notice=Company.current().hq_notice(),
    )


def _read_norms_and_calendar(reasons: list) -> None:
    """Look every norm up now and keep the cached tables for the run: during the load the reference
    tables the norms query joins are locked, and a cache miss then would wait for the load itself."""
    _extra.update(overrides())
    for kind in NormKind.values:
        for reason_id in [None, *(r.id for r in reasons)]:
            for complexity in ("A", "B", "V"):
                for channel in Channel.values:
                    norm(kind, reason_id, complexity, channel)
    cache.touch(NORMS_CACHE_KEY, PIN_SECONDS)
    cache.touch(OVERRIDES_CACHE_KEY, PIN_SECONDS)


def _ensure_staff(rng: random.Random, department, role: str, wanted: int) -> list[tuple]:
    users = User.objects.filter(groups__name=roles.ROLE_TITLES[role], is_active=True)
    if role == roles.SPECIALIST:
        users = users.filter(profile__department=department)
    found = list(users.select_related("profile").order_by("id"))
    group = roles.group_of(role)
    for i in range(len(found), wanted):
        name, _female = texts.full_name(rng)
        last, first, _patronymic = name.split()
        username = f"bench-{role}-{department.code if department else 'x'}-{i + 1}"
        user, created = User.objects.get_or_create(username=username, defaults={
            "first_name": first, "last_name": last, "email": f"{username}@example.ru"})
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            StaffProfile.objects.create(user=user, department=department, position=roles.ROLE_TITLES[role])
        user.groups.add(group)
        found.append(user)
    return [(u.id, u.get_full_name() or u.username, getattr(getattr(u, "profile", None), "department_id", None))
            for u in found]


def _ensure_buildings(rng: random.Random, wanted: int) -> list[tuple[int, str]]:
    existing = {(b.street, b.house) for b in Building.objects.all()}
    candidates = [(street, str(n)) for street, top in texts.STREETS for n in range(1, top + 1)
                  if (street, str(n)) not in existing]
    rng.shuffle(candidates)
    new = []
    for street, house in candidates[: max(0, wanted - len(existing))]:
        litera = rng.choices(("А", "", "Б"), (85, 10, 5))[0]
        new.append(Building(street=street, house=house, litera=litera,
                            search_key=building_search_key(street, house, "", litera)))
    Building.objects.bulk_create(new, batch_size=500)
    return [(b.id, b.address) for b in Building.objects.filter(is_active=True).order_by("id")]


def _ensure_companies() -> list[tuple[int, str]]:
    companies = [ResourceCompany.objects.get_or_create(name=name, defaults={"service": service})[0]
                 for name, service in texts.RESOURCE_COMPANIES]
    return [(c.id, c.name) for c in companies]

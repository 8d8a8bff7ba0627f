"""Loading the whole demo: company, buildings, resource companies, staff, residents and their appeals."""

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from accounts.models import Company
from appeals import services, tasks
from appeals.choices import FINAL_STATUSES
from appeals.models import Appeal, AppealEvent, Applicant, Notification, Reason
from housing.importer import import_buildings
from housing.models import Building

from . import organisations
from .people import make_people
from .plan import plan_appeals
from .runner import Context, run_plan

BUILDINGS_FILE = Path(__file__).resolve().parent.parent / "housing" / "data" / "central_buildings.csv"
DEFAULT_SEED = 20260901
MAX_APPLICANTS = 150


class DemoError(Exception):
    """The demo cannot be loaded; the message says why."""


@dataclass
class DemoResult:
    appeals: int
    applicants: int
    buildings: int
    logins: list[str]


def _signature(company: Company) -> str:
    return f"Отдел по работе с обращениями граждан\n{company.name}"


def _load_buildings() -> list[Building]:
    report = import_buildings(BUILDINGS_FILE)
    if not report.ok:
        raise DemoError("Реестр домов не загружен: " + "; ".join(str(e) for e in report.errors))
    return list(Building.objects.filter(is_active=True).order_by("pk"))


def _link_repeats(appeals: list[Appeal], ctx: Context) -> None:
    """Repeated complaints about one problem at one building are linked (A4), as a supervisor would."""
    seen: dict[tuple, Appeal] = {}
    for appeal in appeals:
        key = (appeal.building_id, appeal.reason_id)
        first = seen.get(key)
        if appeal.building_id and first and appeal.received_at - first.received_at < dt.timedelta(days=14):
            services.link(appeal, first, ctx.staff["supervisor"])
            moment = min(appeal.received_at + dt.timedelta(hours=2), ctx.now - dt.timedelta(minutes=1))
            AppealEvent.objects.filter(appeal_id__in=[appeal.pk, first.pk], at__gte=ctx.started).update(at=moment)
        else:
            seen[key] = appeal


def _give_emails(people, ctx: Context) -> None:
    # E-mails are set after the life cycle so that demo residents are never written to.
    for person in people:
        applicant_id = ctx.applicant_ids.get(person.full_name)
        if person.email and applicant_id:
            Applicant.objects.filter(pk=applicant_id).update(email=person.email)


def _settle_notifications(now: dt.datetime) -> None:
    Notification.objects.filter(appeal__status__in=FINAL_STATUSES, read_at__isnull=True).update(read_at=now)
    tasks.check_deadlines(now.isoformat())


def load_demo(*, appeals: int = 300, seed: int = DEFAULT_SEED, now: dt.datetime | None = None) -> DemoResult:
    """Create the demo from scratch (the caller checks that the database has no demo yet)."""
    rng = random.Random(seed)
    started = timezone.now()
    now = now or started
    with transaction.atomic():
        company = organisations.setup_company()
        buildings = _load_buildings()
        staff = organisations.create_staff()
        ctx = Context(rng=rng, now=now, started=started, staff=staff,
                      resources=organisations.setup_resource_companies(), signature=_signature(company))
        reasons = {r.code: r for r in Reason.objects.select_related("category", "department")}
        people = make_people(rng, min(MAX_APPLICANTS, max(10, appeals // 2)), buildings)
        created = [run_plan(plan, ctx) for plan in plan_appeals(rng, now, appeals, people, reasons)]
        _link_repeats(created, ctx)
    _give_emails(people, ctx)
    _settle_notifications(now)
    return DemoResult(appeals=len(created), applicants=len(set(ctx.applicant_ids.values())),
                      buildings=len(buildings), logins=[s.line for s in organisations.STAFF])

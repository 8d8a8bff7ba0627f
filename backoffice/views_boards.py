"""Working lists: my appeals, and the supervisor's boards of deadlines and load."""

from django.contrib.auth.decorators import login_required
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.shortcuts import render
from django.utils import timezone

from accounts.availability import current_absences
from appeals.access import may, require, visible_appeals
from appeals.choices import OPEN_STATUSES, Priority
from appeals.journal import filter_due, journal_queryset
from appeals.load import people_with_perm, with_load
from appeals.models import Appeal
from appeals.personal_data import describe

from .views_lists import mark_deadlines

LIST_LIMIT = 200
EMERGENCY_FIRST = Case(When(priority=Priority.EMERGENCY, then=Value(0)), default=Value(1),
                       output_field=IntegerField())


def _urgent_first(queryset):
    return journal_queryset(queryset).order_by(EMERGENCY_FIRST, F("answer_due").asc(nulls_last=True), "received_at")


def _limited(queryset) -> tuple[list, bool]:
    rows = list(queryset[:LIST_LIMIT + 1])
    return mark_deadlines(rows[:LIST_LIMIT]), len(rows) > LIST_LIMIT


def _own_department_id(user):
    profile = getattr(user, "profile", None)
    return profile.department_id if profile else None


@login_required
def my_appeals(request):
    """Open appeals assigned to me; for a specialist also the unassigned ones of the department."""
    user = request.user
    require(user.has_perm("appeals.work_appeal"))
    open_appeals = visible_appeals(user).filter(status__in=OPEN_STATUSES)
    mine, mine_more = _limited(_urgent_first(open_appeals.filter(assignee=user)))
    queue, queue_more, department_id = [], False, _own_department_id(user)
    show_queue = department_id is not None and not user.has_perm("appeals.view_all_appeals")
    if show_queue:
        queue, queue_more = _limited(_urgent_first(
            open_appeals.filter(department_id=department_id, assignee__isnull=True)))
    describe(action="my_appeals", detail="мои обращения")
    return render(request, "backoffice/lists/my.html", {
        "mine": mine, "mine_more": mine_more, "queue": queue, "queue_more": queue_more,
        "show_queue": show_queue, "limit": LIST_LIMIT})


@login_required
def overdue_board(request):
    """Overdue and due-today appeals of every department: emergencies, then the longest overdue."""
    require(may(request.user, "assign"))
    now = timezone.now()
    visible = visible_appeals(request.user)
    late, today = filter_due(visible, "overdue", now), filter_due(visible, "today", now)
    rows, more = _limited(journal_queryset(late | today, applicants=False)  # the board names no applicant
                          .order_by(EMERGENCY_FIRST, "answer_due", "received_at"))
    totals = (late | today).aggregate(overdue=Count("pk", filter=Q(answer_due__lt=now)), total=Count("pk"))
    return render(request, "backoffice/lists/overdue.html", {
        "rows": rows, "more": more, "limit": LIST_LIMIT, "overdue_total": totals["overdue"],
        "today_total": totals["total"] - totals["overdue"]})


def staff_load(now) -> list:
    """Everyone who works appeals, with the counts of their open appeals and whether they are available."""
    people = (people_with_perm("work_appeal").select_related("profile__department")
              .order_by(F("profile__department__name").asc(nulls_last=True), "last_name", "first_name"))
    people = with_load(people, now)
    absences = current_absences(timezone.localdate(now))
    for person in people:
        person.absence = absences.get(person.pk)
    return people


@login_required
def load_board(request):
    """Load per person (A2: balancing), and what waits for a responsible in each department."""
    require(may(request.user, "assign"))
    unassigned = (Appeal.objects.filter(status__in=OPEN_STATUSES, assignee__isnull=True)
                  .values("department__name").annotate(count=Count("pk"))
                  .order_by(F("department__name").asc(nulls_last=True)))
    people = staff_load(timezone.now())
    departments = {p.profile.department.pk: p.profile.department for p in people
                   if getattr(p, "profile", None) and p.profile.department}
    return render(request, "backoffice/lists/load.html", {
        "people": people, "unassigned": list(unassigned),
        "departments": sorted(departments.values(), key=lambda d: d.name)})

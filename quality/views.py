"""The back office's quality pages: the review queue, the scoring form, an operator's scorecard and the team."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from appeals import personal_data
from appeals.access import require
from calls.models import CallCentreNorms
from calls.services import measures
from insights.tables import write_xlsx

from . import reviews, sampling
from .attribution import corrections
from .errors import QualityError
from .forms import ComplaintForm, ReviewForm, period_of
from .models import SampleItem
from .rights import may_review, may_see_own, may_see_scorecard
from .scorecard import LINES, scorecard, team
from .tables import team_tables

PER_PAGE = 30
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def queue(request):
    require(may_review(request.user))
    sampling.draw_ended_weeks()
    page = Paginator(reviews.queue(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "quality/queue.html", {"page": page, "complaint_form": ComplaintForm()})


@login_required
@require_POST
def complaint(request):
    require(may_review(request.user))
    form = ComplaintForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            reviews.flag_complaint(data["appeal"], data["operator"], request.user, data["note"])
        except QualityError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"Жалоба на оператора по обращению № {data['number']} добавлена в проверку.")
            return redirect("quality:queue")
    page = Paginator(reviews.queue(), PER_PAGE).get_page(1)
    return render(request, "quality/queue.html", {"page": page, "complaint_form": form}, status=400)


def _review_context(item: SampleItem) -> dict:
    appeal = item.appeal
    norms = CallCentreNorms.current()
    calls = [item.call] if item.call_id else list(appeal.calls.order_by("ringing_at"))
    return {"item": item, "appeal": appeal, "corrections": corrections(appeal) if appeal else [],
            "calls": [(call, measures(call, norms)) for call in calls],
            "complaints": appeal.operator_complaints.filter(operator=item.operator) if appeal else []}


@login_required
@require_http_methods(["GET", "POST"])
def review(request, pk: int):
    require(may_review(request.user))
    item = get_object_or_404(SampleItem.objects.select_related(
        "appeal__reason__category", "appeal__applicant", "call__applicant", "operator", "review__reviewer"), pk=pk)
    # The appeal's text and answer, the call's note, name the applicant: the view is in the 152-ФЗ access log.
    personal_data.describe(action="quality_review", appeal=item.appeal)
    done = getattr(item, "review", None)
    form = ReviewForm(reviews.active_criteria(), request.POST if request.method == "POST" and not done else None)
    if form.is_bound and form.is_valid():
        try:
            reviews.submit_review(item, request.user, form.scores(), form.cleaned_data["comment"])
        except QualityError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"Оценка сохранена: {item.subject}.")
            return redirect("quality:queue")
    return render(request, "quality/review.html", {**_review_context(item), "form": form, "done": done},
                  status=400 if form.is_bound else 200)


@login_required
def my_scorecard(request):
    require(may_see_own(request.user))
    return _scorecard(request, request.user)


@login_required
def operator_scorecard(request, pk: int):
    operator = get_object_or_404(get_user_model(), pk=pk)
    if not may_see_scorecard(request.user, operator):
        raise PermissionDenied("Карточку качества другого сотрудника видят только руководители.")
    return _scorecard(request, operator)


def _scorecard(request, operator):
    form, period = period_of(request)
    card = scorecard(operator, period) if period else None
    tab = "mine" if operator.pk == request.user.pk else "team"
    return render(request, "quality/scorecard.html", {"form": form, "card": card, "operator": operator, "tab": tab,
                                                      "reviewer": may_review(request.user)},
                  status=200 if period else 400)


@login_required
def team_page(request):
    require(may_review(request.user))
    form, period = period_of(request)
    if period is None:
        return render(request, "quality/team.html", {"form": form}, status=400)
    rows = team(period)
    tables = team_tables(period, rows)
    if request.GET.get("export") == "xlsx":
        heading = f"Качество работы операторов: {period.start:%d.%m.%Y}–{period.end:%d.%m.%Y}"
        return FileResponse(write_xlsx(heading, tables), as_attachment=True, content_type=XLSX,
                            filename=f"quality-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx")
    query = request.GET.copy()
    query.pop("export", None)
    return render(request, "quality/team.html", {"form": form, "period": period, "rows": rows, "lines": LINES,
                                                 "tables": tables[1:], "query": query.urlencode()})

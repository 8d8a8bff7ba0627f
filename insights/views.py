"""The statistics pages (the flow of appeals, problems, deadlines and results), their XLSX, and the monthly
reports: ordered here, built by a background task, the progress polled by htmx, kept for download."""

import datetime as dt

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from appeals.access import require, visible_appeals
from proposals.rights import may_manage as may_propose

from . import cache, pages, reports
from .filters import scope_of
from .models import MonthlyReport
from .numbers import GRAINS, quick_plans
from .rights import may_see, visibility_key
from .tables import write_xlsx

TITLES = {"flow": "Поток обращений", "problems": "Проблемы и повторы", "deadlines": "Сроки и результаты"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _compute(name: str, request, scope, grain: str) -> pages.Page:
    appeals = visible_appeals(request.user)
    with quick_plans():
        if name == "flow":
            return pages.flow(scope, appeals, grain)
        if name == "problems":
            return pages.problems(scope, appeals)
        return pages.deadlines(scope, appeals, timezone.now())


def _statistics(request, name: str):
    require(may_see(request.user))
    form, scope = scope_of(request)
    grain = request.GET.get("grain", "day")
    if grain not in GRAINS:
        grain = "day"
    context = {"form": form, "scope": scope, "name": name, "title": TITLES[name], "titles": TITLES,
               "grain": grain, "grains": [(code, label) for code, (label, _f) in GRAINS.items()],
               "with_links": may_propose(request.user)}
    if scope is None:
        if request.GET.get("export"):
            errors = "; ".join(e for errs in form.errors.values() for e in errs)
            return HttpResponse(f"Выгрузка не сформирована: {errors}", status=400,
                                content_type="text/plain; charset=utf-8")
        return render(request, "insights/page.html", context, status=400)
    # The overdue count is of now: its page is cached for a minute at most through the version and this minute.
    minute = timezone.now().strftime("%Y%m%d%H%M") if name == "deadlines" else ""
    page = cache.cached(name, f"{scope.key()}|{grain}|{visibility_key(request.user)}|{minute}",
                        lambda: _compute(name, request, scope, grain))
    if request.GET.get("export") == "xlsx":
        heading = f"{TITLES[name]}: {scope.start:%d.%m.%Y}–{scope.end:%d.%m.%Y}"
        return FileResponse(write_xlsx(heading, page.tables), as_attachment=True, content_type=XLSX,
                            filename=f"{name}-{scope.start:%Y%m%d}-{scope.end:%Y%m%d}.xlsx")
    query = request.GET.copy()
    query.pop("export", None)
    context.update(page=page, query=query.urlencode())
    return render(request, "insights/page.html", context)


@login_required
def flow(request):
    return _statistics(request, "flow")


@login_required
def problems(request):
    return _statistics(request, "problems")


@login_required
def deadlines(request):
    return _statistics(request, "deadlines")


class MonthForm(forms.Form):
    month = forms.DateField(label="Месяц", input_formats=["%Y-%m"],
                            widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"))

    def clean_month(self):
        month = self.cleaned_data["month"].replace(day=1)
        if month > timezone.localdate():
            raise forms.ValidationError("Этот месяц ещё не начался.")
        if month.year < 2000:
            raise forms.ValidationError("Укажите месяц не раньше 2000 года.")
        return month


@login_required
def report_list(request):
    require(may_see(request.user))
    last_month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    form = MonthForm(request.POST or None, initial={"month": last_month})
    if request.method == "POST" and form.is_valid():
        report = reports.order(form.cleaned_data["month"], request.user)
        return redirect("insights-report", pk=report.pk)
    return render(request, "insights/reports.html", {
        "form": form, "titles": TITLES, "name": "reports",
        "reports": MonthlyReport.objects.select_related("started_by")[:24]}, status=400 if form.errors else 200)


@login_required
def report_detail(request, pk: int):
    require(may_see(request.user))
    report = get_object_or_404(MonthlyReport, pk=pk)
    template = "insights/report_progress.html" if request.headers.get("HX-Request") else "insights/report.html"
    return render(request, template, {"report": report, "titles": TITLES, "name": "reports"})


@login_required
def report_file(request, pk: int, kind: str):
    require(may_see(request.user))
    report = get_object_or_404(MonthlyReport, pk=pk)
    stored = {"xlsx": report.xlsx, "pdf": report.pdf}.get(kind)
    if not stored:
        raise Http404
    return FileResponse(stored.open("rb"), as_attachment=True, filename=f"report-{report.month:%Y-%m}.{kind}",
                        content_type=XLSX if kind == "xlsx" else "application/pdf")


@login_required
@require_POST
def report_retry(request, pk: int):
    require(may_see(request.user))
    report = get_object_or_404(MonthlyReport, pk=pk)
    return redirect("insights-report", pk=reports.order(report.month, request.user).pk)

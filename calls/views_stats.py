"""The call centre's page for supervisors: the measures of table 5.3.1 over a period, by hour with a chart and
the staffing Erlang C advises, by day and by operator; its XLSX export; and the import of the PBX's CDR files."""

import datetime as dt
import math
import tempfile

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from accounts.roles import OPERATOR, ROLE_TITLES, SUPERVISOR
from appeals.access import may, require

from . import cdr, stats
from .models import CallCentreNorms, CdrImport

MAX_DAYS = 366
STEP_ROWS = 2000  # rows one poll of the import page reads


def _may_see(user) -> bool:
    return may(user, "assign")  # supervisors: the same right as the load and overdue boards


class PeriodForm(forms.Form):
    start = forms.DateField(label="С", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="По", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    operator = forms.ModelChoiceField(label="Оператор", required=False, empty_label="Все операторы",
                                      queryset=get_user_model().objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The people who take calls by role: a look for who ever took a call would read every call.
        self.fields["operator"].queryset = get_user_model().objects.filter(
            is_active=True, groups__name__in=[ROLE_TITLES[OPERATOR], ROLE_TITLES[SUPERVISOR]]).distinct().order_by(
            "last_name", "first_name", "username")
        self.fields["operator"].label_from_instance = lambda user: user.get_full_name() or user.username

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        end = data.get("end") or today
        start = data.get("start") or end - dt.timedelta(days=6)
        if start > end:
            raise forms.ValidationError("Начало периода позже его конца.")
        if (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(f"Период — не длиннее {MAX_DAYS} дней.")
        data["period"] = stats.Period(start, end, data["operator"].pk if data.get("operator") else None)
        return data


def _period(request) -> tuple[PeriodForm, stats.Period | None]:
    form = PeriodForm(request.GET or None)
    if not request.GET:
        form = PeriodForm({})
    return form, form.cleaned_data["period"] if form.is_valid() else None


def _chart(hours: list[stats.Hour], norm: int) -> dict:
    """The hour chart's geometry: bars of calls and missed calls, the waiting p90 as points, the norm line."""
    width, height, left, bottom = 720, 260, 40, 30
    plot = height - bottom - 10
    top_calls = max([h.group.calls for h in hours] + [1])
    top_wait = max([h.group.waiting.p90 or 0 for h in hours] + [norm * 1.5])
    step = (width - left - 10) / 24
    bars, points = [], []
    for h in hours:
        x = left + h.hour * step
        calls_h = plot * h.group.calls / top_calls
        missed_h = plot * h.group.missed / top_calls
        bars.append({"x": round(x + 2, 1), "w": round(step - 4, 1), "y": round(10 + plot - calls_h, 1),
                     "h": round(calls_h, 1), "my": round(10 + plot - missed_h, 1), "mh": round(missed_h, 1),
                     "hour": h})
        if h.group.waiting.p90 is not None:
            y = 10 + plot - plot * h.group.waiting.p90 / top_wait
            points.append(f"{x + step / 2:.1f},{y:.1f}")
    norm_y = round(10 + plot - plot * norm / top_wait, 1)
    ticks = [{"x": round(left + hour * step + step / 2, 1), "label": f"{hour:02d}"} for hour in range(0, 24, 2)]
    return {"width": width, "height": height, "bars": bars, "points": " ".join(points), "norm_y": norm_y,
            "left": left, "right": width - 10, "base_y": 10 + plot, "ticks": ticks, "label_y": height - 10,
            "top_calls": top_calls, "top_wait": round(top_wait)}


@login_required
def stats_page(request):
    require(_may_see(request.user))
    form, period = _period(request)
    context = {"form": form, "period": period}
    if period is not None:
        norms = CallCentreNorms.current()
        source = stats.Summary(period)  # the period's summary cells, read once for every table
        days = stats.aggregate(period, "day", norms, source=source)
        total = stats.totals(period, norms, source=source)
        hours = stats.hours(period, norms, total, source=source)
        context.update(
            norms=norms, total=total, hours=hours,
            breaking=[h for h in hours if h.group.waiting.breaks_norm], short=[h for h in hours if h.short_of],
            days=[(day, _measure_cells(day)) for day in days], chart=_chart(hours, norms.waiting),
            operators=[(name, group, _measure_cells(group)) for name, group in
                       _with_names(stats.aggregate(period, "operator", norms, source=source))],
            query=request.GET.urlencode())
    return render(request, "calls/stats.html", context)


def _whole(seconds: float | None) -> str:
    """Whole seconds rounded half up, as the template's `floatformat:0`; «—» for none. (A float less its floor
    is exact, so a half is a half.)"""
    if seconds is None:
        return "—"
    whole = math.floor(seconds)
    return str(whole + 1 if seconds - whole >= 0.5 else whole)


def _measure_cells(group: stats.Group) -> SafeString:
    """A row's «average / 90th percentile» cell of each measure. Built here, not by the template's filters: a
    year's table of days has 2,190 of them, and the filters took longer than reading the year. Nothing in
    them needs escaping: numbers, «—» and a class name."""
    return mark_safe("".join(
        f'<td class="num{" calls-over" if figure.breaks_norm else ""}">{_whole(figure.average)} / '
        f'{_whole(figure.p90)}</td>' for figure in group.figures.values()))


def _with_names(groups: list[stats.Group]) -> list[tuple[str, stats.Group]]:
    names = {user.pk: user.get_full_name() or user.username
             for user in get_user_model().objects.filter(pk__in=[g.key for g in groups if g.key])}
    return [(names.get(g.key, "Не определён (пропущенные и без добавочного)"), g) for g in groups]


def _text(value) -> object:
    # Text a spreadsheet would take for a formula stays text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _round(value: float | None) -> float | str:
    return round(value, 1) if value is not None else ""


@login_required
def stats_export(request):
    require(_may_see(request.user))
    form, period = _period(request)
    if period is None:
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        return HttpResponse(f"Выгрузка не сформирована: {errors}", status=400, content_type="text/plain; charset=utf-8")
    norms = CallCentreNorms.current()
    source = stats.Summary(period)
    total = stats.totals(period, norms, source=source)
    book = Workbook()
    sheet = book.active
    sheet.title = "Показатели"
    sheet.append([_text(f"Колл-центр: {period.start:%d.%m.%Y}–{period.end:%d.%m.%Y}")])
    sheet.append(["Показатель", "Норма, с", "Измерено звонков", "Среднее, с", "90-й процентиль, с", "В норме, %"])
    for figure in total.figures.values():
        sheet.append([_text(figure.measure.label), figure.norm, figure.count, _round(figure.average),
                      _round(figure.p90), _round(figure.share_within)])
    sheet.append([])
    sheet.append(["Всего звонков", total.calls])
    sheet.append(["Пропущено", total.missed])
    hours = book.create_sheet("По часам")
    hours.append(["Час", "Звонков", "Пропущено", "Ожидание: среднее, с", "Ожидание: 90-й процентиль, с",
                  "Операторов на линии", "Нужно операторов (Эрланг C)"])
    for h in stats.hours(period, norms, total, source=source):
        hours.append([h.label, h.group.calls, h.group.missed, _round(h.group.waiting.average),
                      _round(h.group.waiting.p90), _round(h.on_shift), h.needed])
    for ws in (sheet, hours):
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    out = tempfile.TemporaryFile()
    book.save(out)
    out.seek(0)
    return FileResponse(out, as_attachment=True, filename=f"calls-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx",
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


class UploadForm(forms.Form):
    file = forms.FileField(label="Файл CDR (Master.csv)")
    in_utc = forms.BooleanField(label="Время в файле — UTC (в cdr.conf usegmtime=yes)", required=False)

    def clean_file(self):
        file = self.cleaned_data["file"]
        if not file.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError("Нужен CSV-файл АТС (Master.csv).")
        return file


@login_required
def cdr_imports(request):
    require(_may_see(request.user))
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        record = cdr.start_import(upload.name, upload.size, user=request.user, in_utc=form.cleaned_data["in_utc"])
        record.file.save(f"cdr-{record.pk}.csv", upload, save=True)
        return redirect("calls-cdr-import", pk=record.pk)
    imports = CdrImport.objects.select_related("started_by")[:20]
    return render(request, "calls/cdr_imports.html", {"form": form, "imports": imports},
                  status=400 if form.errors else 200)


@login_required
def cdr_import(request, pk: int):
    require(_may_see(request.user))
    return render(request, "calls/cdr_import.html", {"record": get_object_or_404(CdrImport, pk=pk)})


@login_required
@require_POST
def cdr_import_step(request, pk: int):
    """One batch of the file; the page posts again (htmx) until the import is finished."""
    require(_may_see(request.user))
    record = get_object_or_404(CdrImport, pk=pk)
    if not record.is_finished and record.file:
        with record.file.open("rb") as stream:
            cdr.import_step(record, stream, STEP_ROWS)
    if request.headers.get("HX-Request"):
        return render(request, "calls/cdr_progress.html", {"record": record})
    return redirect("calls-cdr-import", pk=record.pk)

"""The journal of appeals (table 5.3.2): the page with its filters, the spreadsheet and the PDF."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from accounts.models import Company
from appeals import journal as journal_rules
from appeals.access import require, sees_appeals, sees_personal_data, visible_appeals
from appeals.journal import Found, apply_filter, count_found, journal_queryset, read_rows
from appeals.personal_data import describe

from . import searches
from .export import journal_title, write_journal
from .export_pdf import journal_pdf
from .forms_journal import JournalForm
from .views_lists import mark_deadlines, page_of

FILTER_PARAMS = list(JournalForm.base_fields)
EXPIRED = "Этот поиск больше не хранится: введите его снова."


def _filters(request) -> QueryDict:
    """The filters of the address, the search text recalled by its token (`searches`)."""
    data = request.GET.copy()
    token = data.pop(searches.TOKEN, [""])[-1]
    if token:
        data["q"] = searches.recall(request, token) or ""
    return data


def _form(request, data: QueryDict) -> tuple[JournalForm, bool]:
    form = JournalForm(data or None)
    valid = form.is_valid() if form.is_bound else True
    if searches.TOKEN in request.GET and not data.get("q"):
        form.add_error("q", EXPIRED)
        valid = False
    return form, valid


def _address(request, posted) -> str:
    """The journal's address for posted filters: the search text is kept in the session, not in the address."""
    params = QueryDict(mutable=True)
    for name in FILTER_PARAMS:
        value = posted.get(name, "").strip()
        if value and name == "q":
            params[searches.TOKEN] = searches.keep(request, value)
        elif value:
            params[name] = value
    return reverse("staff-journal") + (f"?{params.urlencode()}" if params else "")


def _filter_detail(data: QueryDict, page_number: int | None = None) -> str:
    """What the access log keeps about a journal view: the filters in force."""
    given = {name: data.get(name, "").strip() for name in FILTER_PARAMS}
    used = [f"{_label(name)}={value}" for name, value in given.items() if value]
    if page_number:
        used.append(f"стр. {page_number}")
    return "; ".join(used) or "без отбора"


def _label(name: str) -> str:
    return JournalForm.base_fields[name].label or "Дом (код)"


def _journal_filter(request, form: JournalForm):
    """The form's filter; who may see applicants' data finds applicants by surname and phone too."""
    return form.journal_filter(applicants=sees_personal_data(request.user))


def _filtered(request, journal_filter):
    return journal_queryset(apply_filter(visible_appeals(request.user), journal_filter))


def _found(request, page, journal_filter) -> Found:
    """The page tells the count when it holds the last row; otherwise one bounded count query."""
    if not page.has_next and (page.rows or page.number == 1):
        return Found(page.last_index)
    return count_found(visible_appeals(request.user), journal_filter)


@login_required
def journal(request):
    require(sees_appeals(request.user))
    if request.method == "POST":  # the filter form: posted, then shown at an address without the search text
        response = HttpResponseRedirect(_address(request, request.POST))
        response.status_code = 303
        return response
    data = _filters(request)
    form, valid = _form(request, data)
    page = found = None
    if valid:
        journal_filter = _journal_filter(request, form)
        queryset = _filtered(request, journal_filter)
        page = page_of(queryset, request, read=lambda start, stop: read_rows(queryset, journal_filter, start, stop))
        found = _found(request, page, journal_filter)
        mark_deadlines(page.rows)
        describe(action="journal", detail=_filter_detail(data, page.number))
    context = {"form": form, "page": page, "found": found, "max_applicants": journal_rules.MAX_APPLICANTS,
               "query": _export_query(request),
               "can_export": request.user.has_perm("appeals.export_journal"),
               "show_pd": sees_personal_data(request.user)}
    partial = request.htmx and not request.htmx.history_restore_request
    template = "backoffice/lists/_journal_results.html" if partial else "backoffice/lists/journal.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _export_query(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _export(request, fmt: str):
    """The journal as filtered on the page, in a file: the same permission, filters and access-log line."""
    require(request.user.has_perm("appeals.export_journal"))
    data = _filters(request)
    form, valid = _form(request, data)
    if not valid:
        errors = " ".join(str(e) for field_errors in form.errors.values() for e in field_errors)
        return HttpResponse(f"Выгрузка не сформирована: {errors}", status=400,
                            content_type="text/plain; charset=utf-8")
    describe(action="export", detail=("PDF; " if fmt == "pdf" else "") + _filter_detail(data))
    appeals = _filtered(request, _journal_filter(request, form)).iterator(chunk_size=2000)
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    company, title = Company.current().name, journal_title(form.filter_text())
    if fmt == "pdf":
        return HttpResponse(journal_pdf(appeals, company=company, title=title), content_type="application/pdf",
                            headers={"Content-Disposition": f'attachment; filename="journal-{stamp}.pdf"'})
    out = write_journal(appeals, company=company, title=title)
    return FileResponse(out, as_attachment=True, filename=f"journal-{stamp}.xlsx",
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@login_required
def journal_export(request):
    return _export(request, "xlsx")


@login_required
def journal_export_pdf(request):
    return _export(request, "pdf")

"""Letters in the back office: issued and marked as posted on the appeal's page, downloaded by whoever sees the
appeal, and the register of outgoing letters."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from appeals import access, personal_data
from appeals.errors import AppealError
from backoffice.views_appeal_context import appeal_or_404
from backoffice.views_lists import page_of
from priemnaya.form_once import once

from . import services
from .forms import IssueForm, RegisterFilter
from .models import Letter
from .register import register as letters_register


def _back(appeal):
    return redirect(appeal.get_absolute_url() + "#letters")


@login_required
@require_POST
def issue(request, number: str, kind: str):
    appeal = appeal_or_404(request.user, number)
    form = IssueForm(request.POST)
    try:
        if not form.is_valid():
            raise AppealError(" ".join(str(e) for errors in form.errors.values() for e in errors))
        letter = once(form, f"issue_letter:{appeal.pk}:{kind}", request.user, Letter,
                      lambda: services.issue_letter(appeal, kind, request.user))
        if letter is None:  # the token came back with other content: the form says why
            raise AppealError(" ".join(form.non_field_errors()))
    except AppealError as error:
        messages.error(request, f"Письмо не сформировано. {error.message}")
        return _back(appeal)
    messages.success(request, f"Сформировано письмо исх. № {letter.number}: {letter.delivery_state}.")
    return _back(appeal)


@login_required
@require_POST
def posted(request, number: str, pk: int):
    appeal = appeal_or_404(request.user, number)
    letter = get_object_or_404(appeal.letters, pk=pk)
    try:
        services.mark_posted(letter, request.user)
    except AppealError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Письмо исх. № {letter.number} отмечено как отправленное почтой.")
    return _back(appeal)


@login_required
@require_GET
def letter_file(request, number: str, pk: int):
    """The PDF for whoever sees the appeal (the attachments' rule); anyone else gets a 404."""
    appeal = appeal_or_404(request.user, number)
    letter = get_object_or_404(appeal.letters, pk=pk)
    try:
        handle = letter.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    personal_data.describe(action="letter_download", appeal=appeal, detail=f"Письмо исх. № {letter.number}")
    return FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=letter.file_name)


@login_required
@require_GET
def letter_list(request):
    access.require(access.sees_appeals(request.user))
    form = RegisterFilter(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        page = page_of(letters_register(request.user, data.get("kind", ""), data.get("date_from"),
                                        data.get("date_to"), data.get("delivery", "")), request)
    return render(request, "letters/staff/register.html", {"form": form, "page": page},
                  status=200 if page is not None else 400)

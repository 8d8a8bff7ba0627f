"""The account page, the resident's appeals by pages, linking an appeal by its number and code, the password."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.throttle import too_many

from . import limits, signin
from .account import appeal_cards
from .appeals import link_appeal, own_appeals
from .errors import ResidentError
from .forms import LinkAppealForm, PasswordForm
from .sections import account_sections
from .session import resident_required

APPEALS_PER_PAGE = 10


@require_GET
@resident_required
def account(request):
    resident = request.resident
    return render(request, "residents/account.html", {
        "resident": resident, "sections": account_sections(resident), "link_form": LinkAppealForm(),
        "password_form": PasswordForm()})


@require_GET
@resident_required
def appeals(request):
    page = Paginator(own_appeals(request.resident).select_related("applicant", "assignee"),
                     APPEALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "residents/appeals.html", {"page": page, "cards": appeal_cards(page.object_list)})


@require_http_methods(["GET", "POST"])
@resident_required
def link(request):
    form = LinkAppealForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        seconds = limits.refused(request, "link")
        if seconds:
            return too_many(request, seconds)
        try:
            appeal, added = link_appeal(request.resident, form.cleaned_data["number"], form.cleaned_data["code"])
        except ResidentError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Обращение № {appeal.number} добавлено в личный кабинет." if added else
                             f"Обращение № {appeal.number} уже есть в личном кабинете.")
            return redirect("residents:account")
    return render(request, "residents/link.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
@resident_required
def password(request):
    form = PasswordForm(request.POST)
    if form.is_valid():
        try:
            signin.set_password(request.resident, form.cleaned_data["new_password"])
        except ResidentError as error:
            form.add_error("new_password", error.message)
        else:
            messages.success(request, "Пароль сохранён. Теперь можно входить по адресу (телефону) и паролю.")
            return redirect("residents:account")
    return render(request, "residents/password.html", {"form": form}, status=400)

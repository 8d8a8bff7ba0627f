"""Sign-up, log-in (by password or by a code), a new password, log-out. Thin: the verbs are in `signin`."""

import time

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from portal.throttle import too_many

from . import limits, signin
from .codes import CODE_MINUTES
from .errors import ResidentError
from .forms import CodeForm, IdentifierForm, PasswordLogInForm, ResetForm, SignUpForm
from .models import OneTimeCode
from .session import StaffSession, current_resident, log_in, log_out

PENDING_KEY = "residents:pending"
Purpose = OneTimeCode.Purpose
WRONG_LOGIN = "Неверная электронная почта (телефон) или пароль. Если пароля нет или вы его забыли, войдите по коду."


def _posted(request):
    return request.POST if request.method == "POST" else None


def _next(request, default: str = "/account/") -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = wanted.startswith("/") and url_has_allowed_host_and_scheme(wanted, {request.get_host()})
    return wanted if safe else default


def _remember_pending(request, resident, purpose: str, shown: str) -> None:
    request.session[PENDING_KEY] = {"resident": resident.pk if resident else None, "purpose": purpose,
                                    "shown": shown, "at": time.time(), "next": _next(request)}


def _pending(request) -> dict | None:
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > CODE_MINUTES * 60:
        return None
    return pending


def _enter(request, resident, form, default: str = "/account/"):
    """Log the resident in and go on; over a staff session, the form says why not."""
    try:
        log_in(request, resident)
    except StaffSession as refusal:
        form.add_error(None, str(refusal))
        return None
    return redirect(_next(request, default))


def _form_error(form, error: ResidentError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@require_http_methods(["GET", "POST"])
def sign_up(request):
    form = SignUpForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        identifier = form.cleaned_data["identifier"]
        seconds = limits.refused(request, "signup", identifier.value, limits.CODES_PER_ADDRESS)
        if seconds:
            return too_many(request, seconds)
        try:
            resident, purpose = signin.sign_up(identifier, form.cleaned_data["display_name"])
        except ResidentError as error:
            _form_error(form, error)
        else:
            _remember_pending(request, resident, purpose, identifier.shown)
            return redirect("residents:code")
    return render(request, "residents/sign_up.html", {"form": form})


@require_http_methods(["GET", "POST"])
def log_in_view(request):
    if current_resident(request) is not None:
        return redirect(_next(request))
    form = PasswordLogInForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        identifier = form.cleaned_data["identifier"]
        seconds = limits.refused(request, "login", identifier.value)
        if seconds:
            return too_many(request, seconds)
        resident = signin.password_log_in(identifier, form.cleaned_data["password"])
        if resident is None:
            form.add_error(None, WRONG_LOGIN)
        elif (response := _enter(request, resident, form)) is not None:
            return response
    return render(request, "residents/log_in.html", {"form": form, "next": _next(request, "")})


def _ask_code(request, purpose: str, template: str, then: str):
    form = IdentifierForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        identifier = form.cleaned_data["identifier"]
        seconds = limits.refused(request, "code", identifier.value, limits.CODES_PER_ADDRESS)
        if seconds:
            return too_many(request, seconds)
        resident = signin.send_code(identifier, purpose)
        _remember_pending(request, resident, purpose, identifier.shown)
        return redirect(then)
    return render(request, template, {"form": form, "next": _next(request, "")})


@require_http_methods(["GET", "POST"])
def log_in_by_code(request):
    return _ask_code(request, Purpose.LOGIN, "residents/ask_code.html", "residents:code")


@require_http_methods(["GET", "POST"])
def reset(request):
    return _ask_code(request, Purpose.RESET, "residents/reset.html", "residents:reset_code")


def _use_code(request, form_class, purpose_ok, template: str):
    pending = _pending(request)
    if pending is None or not purpose_ok(pending["purpose"]):
        messages.info(request, "Код устарел или не запрошен. Запросите новый код.")
        return redirect("residents:log_in_by_code")
    form = form_class(_posted(request))
    if request.method == "POST" and form.is_valid():
        seconds = limits.refused(request, "code-try")
        if seconds:
            return too_many(request, seconds)
        try:
            resident = signin.complete(pending["resident"], pending["purpose"], form.cleaned_data["code"],
                                       form.cleaned_data.get("new_password", ""))
        except ResidentError as error:
            _form_error(form, error)
        else:
            request.session.pop(PENDING_KEY, None)
            if pending["purpose"] == Purpose.CONFIRM:
                messages.success(request, "Адрес подтверждён, личный кабинет открыт. Чтобы входить без кода, "
                                          "задайте пароль ниже.")
            if (response := _enter(request, resident, form, pending.get("next") or "/account/")) is not None:
                return response
    return render(request, template, {"form": form, "pending": pending, "minutes": CODE_MINUTES})


@require_http_methods(["GET", "POST"])
def enter_code(request):
    return _use_code(request, CodeForm, lambda purpose: purpose != Purpose.RESET, "residents/enter_code.html")


@require_http_methods(["GET", "POST"])
def reset_code(request):
    return _use_code(request, ResetForm, lambda purpose: purpose == Purpose.RESET, "residents/reset_code.html")


@require_POST
def log_out_view(request):
    log_out(request)
    return redirect("portal:landing")

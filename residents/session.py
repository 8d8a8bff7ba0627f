"""Who the resident of a request is: the one place the resident area and the staff side are kept apart.

A resident is held in the session under a key of its own, never as Django's logged-in user, so the staff
side (`login_required`, the admin's `has_permission`, the API's tokens) never sees one. A session holds one
kind of person: while a staff member is logged in it has no resident (`current_resident`), a resident
cannot log in over a staff session (`log_in`), and a staff log-in drops the resident (`receivers`).
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone

from .models import Resident

SESSION_KEY = "residents:resident"
STAFF_SESSION = ("Вы вошли в рабочее место сотрудника. Личный кабинет жителя открывается отдельно: "
                 "выйдите из рабочего места и войдите снова как житель.")


class StaffSession(Exception):
    """A resident may not log in while the same browser holds a staff session."""


def _is_staff_session(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def current_resident(request) -> Resident | None:
    """The logged-in resident, or None (also for a staff session and for a disabled account)."""
    if _is_staff_session(request):
        return None
    if not hasattr(request, "_resident"):
        pk = request.session.get(SESSION_KEY)
        found = Resident.objects.filter(pk=pk, is_active=True, confirmed_at__isnull=False).first() \
            if isinstance(pk, int) else None
        request._resident = found
    return request._resident


def is_signed_in(request) -> bool:
    """Without a query, for the site's header: whether the session holds a resident."""
    return not _is_staff_session(request) and SESSION_KEY in request.session


def log_in(request, resident: Resident) -> None:
    if _is_staff_session(request):
        raise StaffSession(STAFF_SESSION)
    request.session.cycle_key()  # a new session id at log-in: a planted one is worth nothing
    request.session[SESSION_KEY] = resident.pk
    request._resident = resident
    Resident.objects.filter(pk=resident.pk).update(last_login=timezone.now())


def log_out(request) -> None:
    if SESSION_KEY in request.session:
        request.session.flush()
    request._resident = None


def resident_required(view):
    """The resident area: a visitor (or a staff session) is sent to the residents' log-in."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        resident = current_resident(request)
        if resident is None:
            if _is_staff_session(request):
                messages.warning(request, STAFF_SESSION)
            return redirect(f"/account/login/?{urlencode({'next': request.get_full_path()})}")
        request.resident = resident
        return view(request, *args, **kwargs)

    return guarded

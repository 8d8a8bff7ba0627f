from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from .accessibility import COOKIE, COOKIE_AGE, from_cookie


@require_GET
def accessibility(request):
    """Switch the version for the visually impaired on, off or to other settings, and go back to the page."""
    choice = from_cookie(request.COOKIES.get(COOKIE)).changed(**request.GET.dict())
    back = request.GET.get("next", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "/"
    response = HttpResponseRedirect(back)
    response.status_code = 303
    response["Cache-Control"] = "no-store"
    if choice.on:
        response.set_cookie(COOKIE, choice.cookie_value(), max_age=COOKIE_AGE, samesite="Lax", httponly=True,
                            secure=settings.SESSION_COOKIE_SECURE)
    else:
        response.delete_cookie(COOKIE, samesite="Lax")
    return response

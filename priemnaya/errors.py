"""Error pages: Russian, in the look of the part of the site where they happen; JSON under /api/.

Pages under /staff/ and /admin/ look like the back office, everything else like the public site.
The 500 page is rendered without the request's context processors and without the database:
whatever broke the page may be what they need.
"""

import logging
import re

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme

from api.errors import INTERNAL_ERROR, UNKNOWN_ADDRESS, json_error

from .limits import too_large

logger = logging.getLogger(__name__)

STAFF_PREFIXES = ("/staff/", "/admin/")
API_PREFIX = "/api/"

API_MESSAGES = {
    400: "Неправильный запрос.",
    403: "Недостаточно прав.",
    404: UNKNOWN_ADDRESS,
    500: INTERNAL_ERROR,
}
API_CSRF_MESSAGE = ("Запрос отклонён защитой от подделки запросов (CSRF). "
                    "API не нужны cookie: передайте заголовок Authorization: Bearer <токен>.")

# Last resort when even the 500 template cannot be rendered.
PLAIN_500 = ('<!doctype html><html lang="ru"><meta charset="utf-8"><title>Ошибка на сайте</title>'
             "<h1>Ошибка на сайте</h1><p>Попробуйте обновить страницу через несколько минут.</p>"
             '<p><a href="/">На главную</a></p><p>Код ошибки: 500</p></html>')

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def is_staff_area(request) -> bool:
    return request.path.startswith(STAFF_PREFIXES)


def people_message(exception) -> str:
    """The exception's own message when it was written for people (in Russian), else nothing.

    Messages of Django and libraries are technical and in English; they never reach the page.
    """
    args = getattr(exception, "args", ())
    message = args[0] if len(args) == 1 and isinstance(args[0], str) else ""
    return message if CYRILLIC.search(message) else ""


def error_page(request, status: int, template: str, context: dict | None = None, *, api_message: str = ""):
    if is_api(request):
        return json_error(status, api_message or API_MESSAGES[status])
    staff = is_staff_area(request)
    layout = "errors/layout_staff.html" if staff else "errors/layout_public.html"
    context = {"layout": layout, "staff": staff, "status": status, **(context or {})}
    return render(request, template, context, status=status)


def bad_request(request, exception=None):
    """Handler400; a request Django would not read for its size is 413 saying what was too big."""
    what = too_large(exception)
    if what:
        return error_page(request, 413, "errors/413.html", {"what": what}, api_message=what)
    return error_page(request, 400, "errors/400.html")


def permission_denied(request, exception=None):
    reason = people_message(exception)
    return error_page(request, 403, "errors/403.html", {"reason": reason}, api_message=reason)


def page_not_found(request, exception=None):
    return error_page(request, 404, "errors/404.html")


def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: the form's token is stale or the browser keeps no cookies."""
    if is_api(request):
        return json_error(403, API_CSRF_MESSAGE)
    referer = request.META.get("HTTP_REFERER", "")
    safe = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure())
    return error_page(request, 403, "errors/csrf.html", {"back": referer if safe else ""})


def server_error(request):
    """Handler500: no database, no context processors; a plain page if even the template fails."""
    if is_api(request):
        return json_error(500, INTERNAL_ERROR)
    try:
        html = loader.render_to_string("errors/500.html", {"staff": is_staff_area(request), "status": 500})
    except Exception:
        logger.exception("The 500 page could not be rendered")
        html = PLAIN_500
    return HttpResponseServerError(html)

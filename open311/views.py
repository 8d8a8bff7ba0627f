"""The Open311 GeoReport v2 endpoints under /open311/: plain views, each answering in the format its address
ends with, errors included (the specification's list, with the right HTTP status).

Reads need no key and are limited per IP; `POST requests` takes the integration's `api_key` (in the form, as
FixMyStreet sends it, or in the query string), limited per key; wrong keys are counted per IP as the API's
bearer tokens are.
"""

import functools

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.views.decorators.csrf import csrf_exempt

from accounts.models import Company
from appeals.tracking import normalize_number
from priemnaya import ratelimit
from priemnaya.limits import too_large
from priemnaya.methods import any_method

from . import intake, public, query
from .formats import FORMATS, JSON, XML, Open311Error, answer, error_answer, format_of
from .models import Integration, Submission

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-12-03T00:00:00+03:00"  # when the service discovery last changed
READS = "open311-read"
READS_PER_IP = 600  # in the window of PUBLIC_RATE_WINDOW: one a second on average
FILED = "open311-key"  # requests filed, counted per integration
WRONG_KEYS = "open311-wrong-key"  # wrong keys, counted per IP
_UNREADABLE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent, MultiPartParserError)


def _allowed(methods: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({*methods, "HEAD"} if "GET" in methods else set(methods)))


def endpoint(*methods: str):
    """A view answering `methods` in the format of its address; other methods are 405 with `Allow`, in the
    specification's error format (not the site's page); refusals are `Open311Error`."""

    def wrap(view):
        @any_method
        @csrf_exempt  # a client system posts with its key, never with a browser's cookie
        @functools.wraps(view)
        def handle(request, fmt: str = XML, **kwargs):
            allowed = _allowed(methods)
            try:
                if request.method == "OPTIONS":
                    response = HttpResponse(status=200)
                elif request.method not in allowed:
                    raise Open311Error(405, f"Метод не поддерживается: {request.method}. "
                                            f"Допустимо: {', '.join(allowed)}.")
                elif fmt not in FORMATS:
                    raise Open311Error(404, f"Формат «.{fmt[:20]}» не поддерживается: только .xml и .json.")
                else:
                    response = view(request, fmt, **kwargs)
            except Open311Error as error:
                response = error_answer(format_of(fmt), error)
            if response.status_code in (200, 405):
                response["Allow"] = ", ".join(allowed)
            return response

        return handle

    return wrap


def _params(request):
    """The request's parameters (the form's for a POST); 413 for what Django will not read for its size, 400 for
    a form that cannot be read at all."""
    try:
        return request.POST if request.method == "POST" else request.GET
    except _UNREADABLE as error:
        too_big = too_large(error)
        raise Open311Error(413 if too_big else 400, too_big or "Тело запроса не читается как форма.") from error


def _limit_reads(request) -> None:
    seconds = ratelimit.refused(request, READS, READS_PER_IP)
    if seconds is not None:
        raise Open311Error(429, "Слишком много запросов с этого адреса: повторите позже.", retry_after=seconds)


@endpoint("GET")
def discovery(request, fmt: str):
    company = Company.current()
    contacts = ", ".join(c for c in (company.phone, company.email) if c)
    key_service = "Ключ API для подачи заявок выдаёт управляющая компания" + (
        f": напишите на {company.email}." if company.email else ".")
    document = {
        "changeset": CHANGESET,
        "contact": f"{company.name}" + (f": {contacts}" if contacts else ""),
        "key_service": key_service,
        "endpoints": [{
            "specification": SPECIFICATION, "url": f"{settings.SITE_URL.rstrip('/')}/open311/v2",
            "changeset": CHANGESET, "type": "production",
            "formats": ["text/xml", "application/json"],
        }],
    }
    return answer(fmt, "discovery", document)


@endpoint("GET")
def services(request, fmt: str):
    _limit_reads(request)
    return answer(fmt, "services", public.services(), "service")


@endpoint("GET")
def service_definition(request, fmt: str, code: str):
    _limit_reads(request)
    reason = public.active_reasons().filter(code=code[:60]).first()
    if reason is None:
        raise Open311Error(404, f"service_code: Нет такой услуги «{code[:60]}».")
    return answer(fmt, "service_definition", public.service_definition(reason))


def _integration(request, params) -> Integration:
    """The integration whose key came; 403 for none or a wrong one, 429 once an IP has guessed too often."""
    seconds = ratelimit.waiting(request, WRONG_KEYS)
    if seconds is not None:
        raise Open311Error(429, "Слишком много неверных ключей с этого адреса: повторите позже.",
                           retry_after=seconds)
    key = (params.get("api_key") or request.GET.get("api_key") or "").strip()
    integration = Integration.with_key(key) if key and len(key) <= 200 else None
    if integration is None:
        ratelimit.count_failure(request, WRONG_KEYS, settings.API_TOKEN_FAILURE_LIMIT)
        raise Open311Error(403, "api_key: Ключ не передан или недействителен.")
    return integration


def _file(request, fmt: str):
    params = _params(request)
    integration = _integration(request, params)
    scope_key = str(integration.pk)
    if not ratelimit.hit(scope_key, FILED, integration.rate_limit):
        raise Open311Error(429, f"Превышен предел заявок для «{integration.name}»: повторите позже.",
                           retry_after=ratelimit.seconds_left(scope_key, FILED))
    submission = intake.file_request(integration, params)
    appeal = submission.appeal
    filed = {"token": submission.token} if integration.answer_with == Integration.Answer.TOKEN else \
        {"service_request_id": appeal.number}
    notice = public.service_notice(public.outages_by_building([appeal]).get(appeal.building_id, []))
    # No accounts here, so no `account_id`; the notice only when an outage covers the building.
    return answer(fmt, "service_requests", [{**filed, **({"service_notice": notice} if notice else {})}], "request")


@endpoint("GET", "POST")
def requests(request, fmt: str):
    if request.method == "POST":
        return _file(request, fmt)
    _limit_reads(request)
    found = query.filtered(public.open311_appeals(), _params(request))
    return answer(fmt, "service_requests", public.requests(found), "request")


@endpoint("GET")
def request_detail(request, fmt: str, number: str):
    _limit_reads(request)
    appeal = public.open311_appeals().filter(number=normalize_number(number[:30])).first()
    if appeal is None:
        raise Open311Error(404, f"service_request_id: Нет заявки № {number[:30]}.")
    return answer(fmt, "service_requests", public.requests([appeal]), "request")


@endpoint("GET")
def token(request, fmt: str, token: str):
    _limit_reads(request)
    submission = Submission.objects.select_related("appeal").filter(token=token[:64]).first()
    if submission is None:
        raise Open311Error(404, "token: Такого токена нет.")
    found = [{"service_request_id": submission.appeal.number, "token": submission.token}]
    return answer(fmt, "service_requests", found, "request")


@any_method
@csrf_exempt
def not_found(request, *args, **kwargs):
    """Any other address under /open311/: 404 in the format its ending names (XML unless `.json`)."""
    fmt = JSON if request.path.endswith(".json") else XML
    return error_answer(fmt, Open311Error(404, f"Адреса {request.path[:200]} в Open311 нет."))

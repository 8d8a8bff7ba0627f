"""Staff log-in lock-outs (counted by django-axes): when one ends, and the page saying so.

Failures are counted per user name and IP, and per IP over all user names (one password tried against many
names). Attempts during a lock-out are not counted (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT), so it
ends at a fixed time: the cool-off after the failure that reached the limit.
"""

import datetime as dt
import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def lockout_ends(request: HttpRequest, credentials: dict | None) -> dt.datetime:
    """When the last of the lock-outs this request falls under ends (each counted group of attempts ends
    once its newest failures no longer reach the limit)."""
    limit, cool_off = get_failure_limit(request, credentials), get_cool_off(request)
    ends = timezone.now() + cool_off
    found = []
    for attempts in AxesDatabaseHandler().get_user_attempts(request, credentials):
        counted = 0
        for attempt_time, failures in attempts.order_by("-attempt_time").values_list("attempt_time",
                                                                                    "failures_since_start"):
            counted += failures
            if counted >= limit:
                found.append(attempt_time + cool_off)
                break
    return max(found) if found else ends


def locked_out(request: HttpRequest, original_response: HttpResponse | None = None,
               credentials: dict | None = None) -> HttpResponse:
    """The Russian 429 page (AXES_LOCKOUT_CALLABLE), with Retry-After for programs."""
    ends = lockout_ends(request, credentials)
    seconds = max(1, math.ceil((ends - timezone.now()).total_seconds()))
    response = render(request, "registration/locked_out.html", {
        "username": get_client_username(request, credentials) or "", "cooloff_timedelta": get_cool_off(request),
        "until": ends, "minutes": math.ceil(seconds / 60)}, status=429)
    response["Retry-After"] = str(seconds)
    return response

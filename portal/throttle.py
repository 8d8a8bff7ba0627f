"""The public site's answer over a rate limit (priemnaya.ratelimit), and the limit on typing helpers."""

import datetime as dt
import math
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from priemnaya import ratelimit


def too_many(request, seconds: int):
    """429 in the public site's look (a small note inside the form for htmx), saying how long to wait;
    Retry-After for programs."""
    template = "portal/_too_many.html" if getattr(request, "htmx", False) else "portal/too_many.html"
    until = timezone.now() + dt.timedelta(seconds=seconds)
    response = render(request, template, {"status": 429, "minutes": math.ceil(seconds / 60), "until": until},
                      status=429)
    response["Retry-After"] = str(seconds)
    return response


def typing_help(scope: str):
    """Each request of the view counts against TYPING_HELP_LIMIT per IP and TYPING_HELP_OVERALL for everyone:
    these answer every few key presses, and some of them run the classifier."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            seconds = ratelimit.refused(request, scope, settings.TYPING_HELP_LIMIT, settings.TYPING_HELP_OVERALL)
            if seconds is not None:
                return too_many(request, seconds)
            return view(request, *args, **kwargs)

        return limited

    return decorator

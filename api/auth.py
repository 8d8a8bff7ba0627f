"""Staff authenticate to the API with `Authorization: Bearer <token>` (tokens: accounts.ApiToken)."""

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from ninja.security import HttpBearer

from accounts.models import ApiToken
from priemnaya import ratelimit

FAILURES = "api-token"  # the rate-limit scope of wrong tokens

# last_used_at is for people reviewing tokens; one write a minute per token is enough.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


def touch(key: str) -> None:
    now = timezone.now()
    ApiToken.objects.filter(key_hash=ApiToken.hash(key)).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
    ).update(last_used_at=now)


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        """Wrong tokens are counted per IP; over the limit no token is even looked at until the window
        closes, so guessing cannot go on, nor learn that a guess was right."""
        seconds = ratelimit.waiting(request, FAILURES, settings.API_TOKEN_FAILURE_LIMIT)
        if seconds is not None:
            raise ratelimit.Refused(seconds)
        token = token.strip()
        user = ApiToken.user_for(token) if token and len(token) <= 200 else None
        if user is None:
            ratelimit.hit(request, FAILURES, settings.API_TOKEN_FAILURE_LIMIT)
            return None
        touch(token)
        request.user = user
        return user

"""Staff authenticate to the API with `Authorization: Bearer <token>` (tokens: accounts.ApiToken)."""

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from ninja.security import HttpBearer

from accounts.models import ApiToken

# last_used_at is for people reviewing tokens; one write a minute per token is enough.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


def touch(key: str) -> None:
    now = timezone.now()
    ApiToken.objects.filter(key_hash=ApiToken.hash(key)).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
    ).update(last_used_at=now)


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        token = token.strip()
        if not token or len(token) > 200:
            return None
        user = ApiToken.user_for(token)
        if user is None:
            return None
        touch(token)
        request.user = user
        return user

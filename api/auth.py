"""Staff authenticate to the API with `Authorization: Bearer <token>` (tokens: accounts.ApiToken)."""

from django.conf import settings
from ninja.security import HttpBearer

from accounts.models import ApiToken
from priemnaya import ratelimit

FAILURES = "api-token"  # the rate-limit scope of wrong tokens


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        """Wrong tokens are counted per IP; over the limit no token is even looked at until the window
        closes, so guessing cannot go on, nor learn that a guess was right."""
        seconds = ratelimit.waiting(request, FAILURES)
        if seconds is not None:
            raise ratelimit.Refused(seconds)
        token = token.strip()
        user = ApiToken.user_for(token) if token and len(token) <= 200 else None
        if user is None:
            ratelimit.count_failure(request, FAILURES, settings.API_TOKEN_FAILURE_LIMIT)
            return None
        request.user = user
        return user

"""Which staff member an API key stands for, kept in the shared cache: looking the key and its user up in the
database was half of what the API's machinery cost per request before any rule ran. Any change of a token
or of a user moves the version on (`accounts.versioned`), so a revoked key or a deactivated person is refused
at the next request of every process."""

import datetime as dt

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from priemnaya import versioned

from .models import ApiToken

VERSION_KEY = "accounts:api-tokens-version"
# The use is noted to the minute: a token used all day is written once a minute, not at every request.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


def _load(key_hash: str):
    token = ApiToken.objects.select_related("user").filter(key_hash=key_hash, is_active=True).first()
    if token is None or not token.user.is_active:
        return None
    return token.pk, token.last_used_at, token.user


def user_for(key: str):
    """The active user of an active token, or None; notes the use (`last_used_at`)."""
    cache_key = f"accounts:api-token:{ApiToken.hash(key)}"
    found = versioned.read(VERSION_KEY, cache_key, lambda: _load(ApiToken.hash(key)))
    if found is None:
        return None
    token_pk, last_used_at, user = found  # last_used_at is for people reviewing tokens
    now = timezone.now()
    if last_used_at is None or last_used_at < now - LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token_pk).update(last_used_at=now)  # no signal: the token itself is unchanged
        versioned.keep(VERSION_KEY, cache_key, (token_pk, now, user))
    return user


@receiver(post_save, sender=ApiToken)
@receiver(post_delete, sender=ApiToken)
@receiver(post_save, sender=settings.AUTH_USER_MODEL)
@receiver(post_delete, sender=settings.AUTH_USER_MODEL)
def _tokens_changed(**_signal) -> None:
    versioned.forget(VERSION_KEY)

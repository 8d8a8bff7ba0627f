"""The applicants' satisfaction survey (A6): after an answer, a one-click link — no login, one use, a random
token of 256 bits of which only the SHA-256 is kept, expired after SURVEY_DAYS — to a page that shows the
appeal's number and reason only, never the applicant's name, address or phone."""

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from appeals.models import Appeal, AppealEvent

from .errors import QualityError
from .models import Survey


class Unknown(QualityError):
    """No survey has this link (404)."""


class Gone(QualityError):
    """The link was used or has expired (410)."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _actor(appeal: Appeal, actions: tuple[str, ...], newest: bool) -> int | None:
    order = ("-at", "-id") if newest else ("at", "id")
    return (AppealEvent.objects.filter(appeal=appeal, action__in=actions, field="status").order_by(*order)
            .values_list("actor", flat=True).first())


@dataclass(frozen=True)
class Issued:
    survey: Survey
    url: str


def issue(appeal: Appeal, now: dt.datetime | None = None) -> Issued:
    """Make the appeal's survey and its link (the token exists only in the link)."""
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    survey = Survey.objects.create(
        appeal=appeal, token_hash=_hash(token), sent_at=now,
        expires_at=now + dt.timedelta(days=settings.SURVEY_DAYS),
        registered_by_id=_actor(appeal, ("register",), newest=False),
        answered_by_id=_actor(appeal, ("answer", "refuse"), newest=True))
    url = settings.SITE_URL.rstrip("/") + reverse("quality-public:survey", args=[token])
    return Issued(survey, url)


def find(token: str, now: dt.datetime | None = None) -> Survey:
    """The open survey of the link; Unknown or Gone otherwise."""
    survey = Survey.objects.select_related("appeal__reason").filter(token_hash=_hash(token or "")).first()
    if survey is None:
        raise Unknown("Такой ссылки на опрос нет. Проверьте, что она скопирована из письма полностью.")
    if survey.rated_at is not None:
        raise Gone("Вы уже ответили на этот опрос. Спасибо!")
    if (now or timezone.now()) >= survey.expires_at:
        raise Gone("Срок действия ссылки на опрос истёк.")
    return survey


@transaction.atomic
def answer(token: str, rating: int, comment: str = "", now: dt.datetime | None = None) -> Survey:
    """Record the applicant's rating (1–5) and comment; the link is used up."""
    now = now or timezone.now()
    found = find(token, now)
    survey = Survey.objects.select_for_update().get(pk=found.pk)
    if survey.rated_at is not None:  # a second click raced the first
        raise Gone("Вы уже ответили на этот опрос. Спасибо!")
    if rating not in range(1, 6):
        raise QualityError("Выберите оценку от 1 до 5.", "rating")
    survey.rating, survey.comment, survey.rated_at = rating, comment.strip()[:2000], now
    survey.save(update_fields=["rating", "comment", "rated_at"])
    return survey

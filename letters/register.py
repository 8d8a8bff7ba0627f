"""The register of outgoing letters: the letters of the appeals a person sees, the newest first."""

import datetime as dt

from django.db.models import QuerySet

from appeals import access

from .models import Letter


def register(user, kind: str = "", day_from: dt.date | None = None, day_to: dt.date | None = None) -> QuerySet:
    letters = Letter.objects.select_related("appeal__applicant", "issued_by").order_by("-date", "-id")
    if not access.sees_all_appeals(user):
        letters = letters.filter(appeal__in=access.visible_appeals(user).values("pk"))
    if kind:
        letters = letters.filter(kind=kind)
    if day_from:
        letters = letters.filter(date__gte=day_from)
    if day_to:
        letters = letters.filter(date__lte=day_to)
    return letters

"""The register of outgoing letters: the letters of the appeals a person sees, the newest first."""

import datetime as dt

from django.db.models import Q, QuerySet

from appeals import access

from .choices import Delivery
from .models import Letter

# How a letter went, as the register filters it: the post ones waiting to be printed are what clerks look for.
DELIVERIES = {
    "email": ("По e-mail", Q(delivery=Delivery.EMAIL)),
    "post_waiting": ("К отправке почтой", Q(delivery=Delivery.POST, sent_at__isnull=True)),
    "posted": ("Отправлено почтой", Q(delivery=Delivery.POST, sent_at__isnull=False)),
    "none": ("Не отправлено", Q(delivery=Delivery.NONE)),
}


def register(user, kind: str = "", day_from: dt.date | None = None, day_to: dt.date | None = None,
             delivery: str = "") -> QuerySet:
    letters = Letter.objects.select_related("appeal__applicant", "issued_by").order_by("-date", "-id")
    if not access.sees_all_appeals(user):
        letters = letters.filter(appeal__in=access.visible_appeals(user).values("pk"))
    if kind:
        letters = letters.filter(kind=kind)
    if delivery:
        letters = letters.filter(DELIVERIES[delivery][1])
    if day_from:
        letters = letters.filter(date__gte=day_from)
    if day_to:
        letters = letters.filter(date__lte=day_to)
    return letters

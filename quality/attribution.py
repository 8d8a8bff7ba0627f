"""Who did an appeal's work, read from its history (appeals.AppealEvent): the registrar is whoever took the
«register» step, the answerer whoever last gave the answer or the refusal. What registration must fill in and
which later changes count as corrections of it are defined here once."""

import datetime as dt

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from appeals.models import Appeal, AppealEvent
from calls.stats import Seconds

# Every appeal registered must have these (label, condition on the appeal).
REQUIRED_AT_REGISTRATION: list[tuple[str, Q]] = [
    ("ФИО заявителя", Q(applicant__isnull=False) & ~Q(applicant__full_name="")),
    ("контакт (телефон, e-mail или почтовый адрес)",
     Q(applicant__isnull=False) & (~Q(applicant__phone="") | ~Q(applicant__email="")
                                   | ~Q(applicant__postal_address=""))),
    ("адрес или дом", Q(building__isnull=False) | ~Q(address_text="")),
    ("причина", Q(reason__isnull=False)),
    ("текст обращения", ~Q(text="")),
]
COMPLETE = Q()
for _label, _condition in REQUIRED_AT_REGISTRATION:
    COMPLETE &= _condition

# A change of these after registration means the registration was wrong (the history's field names).
CORRECTED_FIELDS = ("reason", "complexity", "building", "address_text", "flat")
FIELD_LABELS = {"reason": "причина", "complexity": "сложность", "building": "дом", "address_text": "адрес",
                "flat": "квартира"}


def corrections(appeal: Appeal) -> list[dict]:
    """The appeal's registered fields changed after registration, oldest first, as the review page lists them."""
    if appeal.registered_at is None:
        return []
    events = appeal.events.filter(field__in=CORRECTED_FIELDS, at__gt=appeal.registered_at).select_related("actor")
    return [{"at": e.at, "label": FIELD_LABELS[e.field], "old": e.old_value, "new": e.new_value, "actor": e.actor}
            for e in events]


def registrar_of() -> Subquery:
    """The user id of whoever registered the appeal (the «register» step's status row)."""
    return Subquery(AppealEvent.objects.filter(appeal=OuterRef("pk"), action="register", field="status")
                    .order_by("at", "id").values("actor")[:1])


def answerer_of() -> Subquery:
    """The user id of whoever gave the latest answer or refusal."""
    return Subquery(AppealEvent.objects.filter(appeal=OuterRef("pk"), action__in=("answer", "refuse"),
                                               field="status").order_by("-at", "-id").values("actor")[:1])


def corrections_of() -> Coalesce:
    """How many of the appeal's registered fields were changed after it was registered."""
    later = (AppealEvent.objects.filter(appeal=OuterRef("pk"), field__in=CORRECTED_FIELDS,
                                        at__gt=OuterRef("registered_at"))
             .order_by().values("appeal").annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(later), Value(0))


def registered_between(since: dt.datetime, until: dt.datetime, operator_id: int | None = None) -> QuerySet:
    """Appeals registered in [since, until), each with its `registrar` (the user id)."""
    appeals = (Appeal.objects.order_by().filter(registered_at__gte=since, registered_at__lt=until)
               .annotate(registrar=registrar_of()).filter(registrar__isnull=False))
    return appeals.filter(registrar=operator_id) if operator_id else appeals


def registration_seconds() -> Seconds:
    """Receipt to registration, in seconds (the same measure as the call centre's)."""
    return Seconds(F("registered_at"), F("received_at"))

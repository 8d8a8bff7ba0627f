"""Staff views of applicants' personal data, each written to the 152-ФЗ access log (`PersonalDataAccess`).

An answer to a staff member that was built from an applicant's record (name, phone, e-mail, address,
care flags) showed that person's data. `watching()` notes every applicant record read while an answer is
made; the edges' middleware (`priemnaya.access_log`) then writes one row per answer shown. No page has
to remember to log: a new page that reads applicants is logged as it is. A page may say what it showed
(`describe`): the row then carries its action, its appeal or applicant and the filters in force.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db.models.signals import post_init
from django.dispatch import receiver

from .models import Appeal, Applicant, PersonalDataAccess

KEPT = 1000  # distinct applicants counted per answer (an export reads many more; the row says «более»)
ACTION_LENGTH = PersonalDataAccess._meta.get_field("action").max_length
DETAIL_LENGTH = PersonalDataAccess._meta.get_field("detail").max_length


@dataclass
class Seen:
    """What one answer read: the applicants, and what the page said it showed."""

    applicants: set[int] = field(default_factory=set)
    more: bool = False
    action: str = ""
    detail: str = ""
    applicant: Applicant | None = None
    appeal: Appeal | None = None

    def __bool__(self) -> bool:
        return bool(self.applicants)


_seen: ContextVar[Seen | None] = ContextVar("personal_data_seen", default=None)


@receiver(post_init, sender=Applicant)
def _applicant_read(sender, instance: Applicant, **kwargs) -> None:
    _note(instance)


def _note(instance: Applicant) -> None:
    seen = _seen.get()
    if seen is None or instance.pk is None:
        return
    if len(seen.applicants) < KEPT:
        seen.applicants.add(instance.pk)
    elif instance.pk not in seen.applicants:
        seen.more = True


@contextmanager
def watching() -> Iterator[Seen]:
    """Note the applicant records read inside the block (one staff request's answer)."""
    seen = Seen()
    token = _seen.set(seen)
    try:
        yield seen
    finally:
        _seen.reset(token)


def describe(*, action: str = "", detail: str = "", applicant: Applicant | None = None,
             appeal: Appeal | None = None) -> None:
    """What the page being answered shows, for its access-log row (nothing outside a watched answer)."""
    seen = _seen.get()
    if seen is None:
        return
    seen.action = action or seen.action
    seen.detail = detail or seen.detail
    seen.applicant = applicant or seen.applicant
    if applicant is not None:  # shown although made in this answer, not read: it counts as read
        _note(applicant)
    seen.appeal = appeal or seen.appeal


def record(user, seen: Seen, *, action: str, ip: str | None) -> PersonalDataAccess | None:
    """The access-log row for an answer shown to `user`: none when no applicant's record was read."""
    if not seen:
        return None
    applicant_id = seen.applicant.pk if seen.applicant is not None else None
    if applicant_id is None and seen.appeal is not None and seen.appeal.applicant_id in seen.applicants:
        applicant_id = seen.appeal.applicant_id
    if applicant_id is None and len(seen.applicants) == 1:
        applicant_id = next(iter(seen.applicants))
    detail = seen.detail
    if not detail and applicant_id is None:
        detail = f"заявителей: {'более ' if seen.more else ''}{len(seen.applicants)}"
    return PersonalDataAccess.objects.create(user=user, action=(seen.action or action)[:ACTION_LENGTH],
                                             applicant_id=applicant_id, appeal=seen.appeal,
                                             detail=detail[:DETAIL_LENGTH], ip=ip or None)

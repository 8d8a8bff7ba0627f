"""Supervisors' reviews (A7): the queue of the sample not yet reviewed, complaints about an operator, and the
scoring form's result. Every verb checks the reviewer's right itself."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from appeals.models import Appeal

from .defaults import load_criteria
from .errors import QualityError
from .models import Criterion, OperatorComplaint, Review, ReviewScore, SampleItem
from .rights import may_review
from .sampling import week_of


def _check(user) -> None:
    if not may_review(user):
        raise PermissionDenied("Проверять работу операторов могут руководители.")


def queue() -> QuerySet:
    """The sample not yet reviewed: complaints first, then the oldest weeks."""
    return (SampleItem.objects.filter(review__isnull=True)
            .select_related("appeal", "appeal__reason", "call", "operator")
            .order_by("why", "week", "operator__last_name", "appeal__registered_at", "call__ringing_at"))


@transaction.atomic
def flag_complaint(appeal: Appeal, operator, actor, note: str = "") -> OperatorComplaint:
    """Mark the appeal as a complaint about the operator; it joins the operator's sample at once."""
    _check(actor)
    if operator is None or not operator.is_active:
        raise QualityError("Выберите оператора, на которого жалоба.", "operator")
    try:
        with transaction.atomic():
            complaint = OperatorComplaint.objects.create(appeal=appeal, operator=operator, note=note.strip(),
                                                         flagged_by=actor, flagged_at=timezone.now())
    except IntegrityError:
        raise QualityError(f"Жалоба на этого оператора по обращению № {appeal.number} уже отмечена.",
                           "number") from None
    SampleItem.objects.update_or_create(appeal=appeal, operator=operator, defaults={
        "why": SampleItem.Why.COMPLAINT, "week": week_of(timezone.localdate()), "added_at": timezone.now()})
    return complaint


def active_criteria() -> list[Criterion]:
    """The scoring form's lines; with every row gone (never merely switched off), the shipped ones again."""
    if not Criterion.objects.exists():
        load_criteria(Criterion)
    return list(Criterion.objects.filter(is_active=True))


@transaction.atomic
def submit_review(item: SampleItem, actor, scores: dict[int, int], comment: str = "") -> Review:
    """Score the item on every active criterion (1–5); a reviewed item cannot be reviewed again."""
    _check(actor)
    item = SampleItem.objects.select_for_update().get(pk=item.pk)
    if Review.objects.filter(item=item).exists():
        raise QualityError("Это обращение уже проверено.")
    criteria = active_criteria()
    if not criteria:
        raise QualityError("Нет ни одного критерия оценки: включите их в администрировании («Критерии оценки»).")
    missing = [c.name for c in criteria if scores.get(c.pk) not in range(1, 6)]
    if missing:
        raise QualityError("Поставьте балл от 1 до 5 по каждому критерию: " + ", ".join(missing) + ".")
    review = Review.objects.create(item=item, reviewer=actor, comment=comment.strip(), reviewed_at=timezone.now())
    ReviewScore.objects.bulk_create([ReviewScore(review=review, criterion=c, score=scores[c.pk], weight=c.weight)
                                     for c in criteria])
    return review


def comments_for(operator_id: int, since, until) -> QuerySet:
    """The reviews of the period with a comment, newest first (what the operator learns from)."""
    return (Review.objects.filter(item__operator_id=operator_id, reviewed_at__gte=since, reviewed_at__lt=until)
            .exclude(comment="").select_related("item__appeal", "item__call", "reviewer")
            .prefetch_related("scores__criterion")
            .order_by("-reviewed_at"))

"""Residents' reviews: received from anyone, shown only once a moderator has published them.

What the site shows is the text and the signature with personal data hidden (`appeals.masking`), fixed at
publication, after the moderator has read that very masked text. The moderation steps are one table.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Avg, Count, QuerySet
from django.utils import timezone

from appeals import access
from appeals.masking import HIDDEN, People, hide_personal_data

from .errors import FeedbackError
from .models import Review

RATINGS = (1, 2, 3, 4, 5)
TEXT_MAX = 2000
NAME_MAX = 80
REASON_MAX = 300
ANONYMOUS = "Житель района"
S = Review.State

# step → (states it may start from, the state it leads to)
STEPS: dict[str, tuple[frozenset[str], str]] = {
    "publish": (frozenset({S.PENDING, S.HIDDEN}), S.PUBLISHED),
    "reject": (frozenset({S.PENDING}), S.REJECTED),
    "hide": (frozenset({S.PUBLISHED}), S.HIDDEN),
}
STEP_LABELS = {"publish": "Опубликовать", "reject": "Отклонить", "hide": "Снять с сайта"}


def submit_review(*, rating: int, text: str, author_name: str = "") -> Review:
    """Receive a review; nobody sees it on the site until a moderator publishes it."""
    if rating not in RATINGS:
        raise FeedbackError("Поставьте оценку от 1 до 5.", "rating")
    text = (text or "").strip()
    if not text:
        raise FeedbackError("Напишите, пожалуйста, текст отзыва.", "text")
    if len(text) > TEXT_MAX:
        raise FeedbackError(f"Отзыв не должен быть длиннее {TEXT_MAX} знаков.", "text")
    name = " ".join((author_name or "").split())
    if len(name) > NAME_MAX:
        raise FeedbackError(f"Подпись не должна быть длиннее {NAME_MAX} знаков.", "author_name")
    return Review.objects.create(rating=rating, text=text, author_name=name)


def _signature_people(author_name: str) -> People:
    # A signature that carries a name is that person's: the same name in the text is hidden too, in any case.
    return People(names=(author_name,)) if HIDDEN in hide_personal_data(author_name) else People()


def masked_name(author_name: str) -> str:
    """The signature as the site shows it: one with a name, a phone or an address in it reads as «Житель района»."""
    shown = " ".join(author_name.split())
    return shown if shown and HIDDEN not in hide_personal_data(shown) else ANONYMOUS


@dataclass(frozen=True)
class Preview:
    """What the site would show of a review."""

    text: str
    name: str


def preview(review: Review) -> Preview:
    return Preview(hide_personal_data(review.text, _signature_people(review.author_name)),
                   masked_name(review.author_name))


@transaction.atomic
def moderate(review: Review, actor, step: str, reason: str = "") -> Review:
    """Publish, reject (with a reason) or take down a review; the text shown is masked anew when published."""
    access.check(actor, "moderate_reviews")
    review = Review.objects.select_for_update().get(pk=review.pk)
    sources, target = STEPS.get(step, (frozenset(), ""))
    if review.state not in sources:
        raise FeedbackError(f"Действие «{STEP_LABELS.get(step, step)}» невозможно: отзыв "
                            f"{review.get_state_display().lower()}.", "state")
    reason = " ".join((reason or "").split())
    if step == "reject" and not reason:
        raise FeedbackError("Укажите причину отклонения.", "reason")
    if len(reason) > REASON_MAX:
        raise FeedbackError(f"Причина не должна быть длиннее {REASON_MAX} знаков.", "reason")
    if step == "publish":
        shown = preview(review)
        review.shown_text, review.shown_name = shown.text, shown.name
    review.state, review.reject_reason = target, reason if step == "reject" else review.reject_reason
    review.moderated_at, review.moderated_by = timezone.now(), actor if getattr(actor, "pk", None) else None
    review.save()
    return review


def published_reviews() -> QuerySet:
    return Review.objects.filter(state=S.PUBLISHED).order_by("-created_at", "-id")


def rating_summary() -> dict:
    """The average rating and the number of published reviews, counted by the database."""
    found = Review.objects.filter(state=S.PUBLISHED).aggregate(average=Avg("rating"), count=Count("id"))
    return {"average": found["average"], "count": found["count"]}


def waiting_count() -> int:
    """Reviews waiting for a moderator (the staff navigation shows it)."""
    return Review.objects.filter(state=S.PENDING).count()


def moderation_queue(state: str = S.PENDING) -> QuerySet:
    """Reviews in one state for the moderator: the waiting ones oldest first (first come, first read)."""
    order = ("created_at", "id") if state == S.PENDING else ("-moderated_at", "-id")
    return Review.objects.filter(state=state).select_related("moderated_by").order_by(*order)

"""Anonymised summaries of answers to appeals, published by staff on the public site.

The question (the appeal's short content) and the answer are masked with the appeal's own people
(`tracking.people_of`) when the form is prefilled, and masked again when published: an edit by staff must
not bring a name back. The public sees the month, the topic (the category) and the street, never the house.
"""

import re
from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Company
from appeals import access, services
from appeals.answer_rules import letter_parts
from appeals.masking import STREET_WORDS, People, hide_personal_data
from appeals.models import Appeal, Category
from appeals.tracking import people_of

from .errors import FeedbackError
from .models import AnswerSummary

QUESTION_MAX = 1000
ANSWER_MAX = 5000


def has_answer(appeal: Appeal) -> bool:
    """The appeal was answered and its consideration is over (not reopened, not withdrawn)."""
    return appeal.answered_at is not None and not appeal.is_open


@dataclass(frozen=True)
class Draft:
    question: str
    answer: str


_HOUSE_WORDS = ("дом", "дома", "дому", "домом", "доме")


def _address_forms(building) -> tuple[str, ...]:
    """How people write the appeal's house: «улица Марата, д. 12», «Марата, 12», «д. 12». The street is shown
    on the site; the house with it would point at the people who live there."""
    if building is None:
        return ()
    short = re.sub(rf"(?i)(?<!\w)(?:{STREET_WORDS})(?!\w)", "", building.street).strip(" ,")
    house = building.house
    forms = [building.address, f"д. {house}"]
    forms += [f"{word}{sign} {house}" for word in _HOUSE_WORDS for sign in (" №", "")]
    for street in {building.street, short} - {""}:
        forms += [f"{street}, {sep}{house}" for sep in ("д. ", "дом ", "")] + [f"{street} {house}"]
    return tuple(forms)


def _people(appeal: Appeal) -> People:
    """The appeal's own people, and beyond them its house and its number (a published summary names neither)."""
    people = people_of(appeal)
    return replace(people, written=(*people.written, *_address_forms(appeal.building), appeal.number))


def mask(appeal: Appeal, text: str) -> str:
    return hide_personal_data((text or "").strip(), _people(appeal))


def _answer_without_notice(appeal: Appeal) -> str:
    """The answer as a summary tells it: what was decided, without the greeting, the signature and the Regional
    HQ notice every such letter carries."""
    text, notice = appeal.answer_text.strip(), Company.current().hq_notice()
    text = text[: -len(notice)].rstrip() if notice and text.endswith(notice) else text
    return letter_parts(text)[1]


def draft_for(appeal: Appeal) -> Draft:
    """The summary as first offered to staff: the published one, else the appeal's own texts masked."""
    summary = AnswerSummary.objects.filter(appeal=appeal).first()
    if summary is not None:
        return Draft(summary.question, summary.answer)
    return Draft(mask(appeal, appeal.short_content), mask(appeal, _answer_without_notice(appeal)))


def _checked(text: str, limit: int, what: str, field: str) -> str:
    text = (text or "").strip()
    if not text:
        raise FeedbackError(f"Введите {what}.", field)
    if len(text) > limit:
        raise FeedbackError(f"Текст не должен быть длиннее {limit} знаков (сейчас {len(text)}).", field)
    return text


def check_publishable(appeal: Appeal) -> None:
    if not has_answer(appeal):
        raise FeedbackError("Опубликовать можно только ответ по рассмотренному обращению.", "appeal")


@transaction.atomic
def publish_summary(appeal: Appeal, actor, *, question: str, answer: str) -> AnswerSummary:
    """Publish (or correct) the summary of the appeal's answer; the texts are masked once more."""
    access.check(actor, "publish_answer", appeal)
    check_publishable(appeal)
    question = mask(appeal, _checked(question, QUESTION_MAX, "вопрос", "question"))
    answer = mask(appeal, _checked(answer, ANSWER_MAX, "ответ", "answer"))
    summary, created = AnswerSummary.objects.update_or_create(appeal=appeal, defaults={
        "question": question, "answer": answer, "category": appeal.category,
        "street": appeal.building.street if appeal.building_id else "",
        "answered_on": timezone.localdate(appeal.answered_at), "is_published": True,
        "published_at": timezone.now(), "published_by": actor if getattr(actor, "pk", None) else None})
    services.note(appeal, actor, "answer_published",
                  "Ответ опубликован в интернет-приёмной." if created else "Опубликованный ответ изменён.")
    return summary


@transaction.atomic
def unpublish_summary(appeal: Appeal, actor) -> None:
    """Take the summary off the public site (it stays for staff, and may be published again)."""
    access.check(actor, "publish_answer", appeal)
    if not AnswerSummary.objects.filter(appeal=appeal, is_published=True).update(is_published=False):
        raise FeedbackError("Ответ по этому обращению не опубликован.", "appeal")
    services.note(appeal, actor, "answer_unpublished", "Ответ снят с публикации в интернет-приёмной.")


def is_published(appeal: Appeal) -> bool:
    return AnswerSummary.objects.filter(appeal=appeal, is_published=True).exists()


def public_summaries(topic: Category | None = None, street: str = "") -> QuerySet:
    """Published summaries grouped by topic (in the classification's order), newest first within each."""
    found = AnswerSummary.objects.filter(is_published=True).select_related("category")
    if topic is not None:
        found = found.filter(category=topic)
    if street:
        found = found.filter(street=street)
    return found.order_by("category__order", "category__name", "-answered_on", "-id")


def topics() -> QuerySet:
    """The topics that have published summaries."""
    return Category.objects.filter(answersummary__is_published=True).distinct().order_by("order", "name")


def streets() -> list[str]:
    """The streets that have published summaries (a summary of an address outside the registry has none)."""
    return list(AnswerSummary.objects.filter(is_published=True).exclude(street="").order_by("street")
                .values_list("street", flat=True).distinct())

"""The demo's feedback section: residents' reviews and a dozen answers published from the demo's appeals.

Idempotent: a review already there (by its text) is not added again; summaries are added up to a dozen, through
the same masking path staff use (`summaries.draft_for`, then `publish_summary`).
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from appeals.models import Appeal

from . import reviews, summaries
from .models import AnswerSummary, Review

SUMMARIES_WANTED = 12
P, PENDING, R = "publish", "", "reject"
# (days ago, rating, text, signature, what the moderator did)
REVIEWS = [
    (3, 5, "Вечером в субботу потекла батарея в комнате. Аварийная служба приехала через сорок минут, перекрыли "
           "стояк и на следующий день заменили кран. Спасибо за быструю работу.", "жительница улицы Марата", P),
    (6, 4, "Двор стали убирать заметно лучше, снег с дорожек счищают с утра. Хотелось бы, чтобы и крыльцо "
           "посыпали, а то скользко.", "", P),
    (9, 2, "Третий раз пишу про неработающий свет на лестнице в парадной. Обещали заменить лампы за неделю, "
           "прошёл месяц.", "житель Литейного проспекта", P),
    (14, 5, "В офисе на приёме всё объяснили про перерасчёт и помогли заполнить заявление. Вежливо и без очереди.",
     "пенсионерка", P),
    (19, 3, "Ответ на обращение пришёл в срок, но по существу вопрос с подвалом так и не решён — там по-прежнему "
            "стоит вода.", "", P),
    (25, 1, "Подрядчик оставил после ремонта кровли мусор во дворе, две недели никто не убирает. Очень недовольна.",
     "", P),
    (33, 4, "Удобно, что статус обращения можно проверить на сайте по номеру. Видно, на каком этапе работа.",
     "жилец с Невского", P),
    (41, 5, "Спасибо за ремонт парадной: покрасили стены, поставили новые почтовые ящики.", "", P),
    (1, 4, "Хорошо, что появилась возможность подать обращение ночью через сайт — днём дозвониться трудно.", "",
     PENDING),
    (12, 1, "Купите рекламу у нас! Лучшие окна в городе, звоните.", "", R),
]


def _moderator():
    return get_user_model().objects.filter(username="supervisor", is_active=True).first()


def _load_reviews(moderator) -> int:
    added, now = 0, timezone.now()
    for days, rating, text, name, step in REVIEWS:
        if Review.objects.filter(text=text).exists():
            continue
        review = reviews.submit_review(rating=rating, text=text, author_name=name)
        Review.objects.filter(pk=review.pk).update(created_at=now - dt.timedelta(days=days, hours=days % 5))
        if step:
            reviews.moderate(review, moderator, step, "Реклама, не отзыв о работе компании" if step == R else "")
        added += 1
    return added


def _answered_candidates() -> list[Appeal]:
    """Answered appeals with a topic and no summary yet, one topic after another for variety."""
    found = list(Appeal.objects.filter(answered_at__isnull=False, category__isnull=False, published_summary=None,
                                       is_refusal=False).select_related("applicant", "assignee", "building")
                 .order_by("-answered_at")[:300])
    found = [appeal for appeal in found if summaries.has_answer(appeal)]
    by_topic: dict[int, list[Appeal]] = {}
    for appeal in found:
        by_topic.setdefault(appeal.category_id, []).append(appeal)
    mixed = []
    while any(by_topic.values()):
        mixed += [group.pop(0) for group in by_topic.values() if group]
    return mixed


def _load_summaries(moderator) -> int:
    wanted = SUMMARIES_WANTED - AnswerSummary.objects.count()
    added = 0
    for appeal in _answered_candidates()[:max(0, wanted)]:
        draft = summaries.draft_for(appeal)
        summaries.publish_summary(appeal, moderator, question=draft.question, answer=draft.answer)
        added += 1
    return added


@transaction.atomic
def load() -> str:
    moderator = _moderator()
    new_reviews, new_summaries = _load_reviews(moderator), _load_summaries(moderator)
    waiting = Review.objects.filter(state=Review.State.PENDING).count()
    return (f"Обратная связь: отзывов добавлено {new_reviews} (ждут проверки: {waiting}), опубликованных ответов "
            f"добавлено {new_summaries}, всего {AnswerSummary.objects.filter(is_published=True).count()}.")

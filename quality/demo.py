"""The demo's operator quality: the ended weeks' sample drawn, part of it reviewed by the supervisor with
comments, a complaint about an operator waiting in the queue, and some applicants' survey answers. Added once."""

import datetime as dt
import random

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from appeals import services
from appeals.models import Appeal

from . import reviews, sampling, surveys
from .models import Review, SampleItem

COMMENTS = [
    "Регистрация аккуратная, причина выбрана верно. Уточняйте подъезд и этаж — исполнителю так проще.",
    "Заявителю не назвали номер обращения в конце разговора: назовите номер и срок ответа.",
    "Хорошо выяснили суть, но адрес записан без номера квартиры. Проверяйте адрес перед регистрацией.",
    "Вежливо и по делу. Образцовый разговор — можно разобрать на занятии с новыми операторами.",
]
SURVEY_DAYS_BACK = 40
SURVEY_COMMENTS = ["", "Спасибо, всё быстро.", "Ответ пришёл, но проблема решена не полностью.", "",
                   "Оператор очень вежливая.", ""]


@transaction.atomic
def load() -> str:
    if Review.objects.exists():
        return ""
    supervisor = User.objects.filter(username="supervisor").first()
    if supervisor is None:
        return ""
    rng = random.Random(61)
    sampling.draw_ended_weeks()
    criteria = reviews.active_criteria()
    items = list(SampleItem.objects.filter(review__isnull=True).order_by("-week", "operator_id", "appeal_id"))
    reviewed = 0
    for index, item in enumerate(items[: max(0, len(items) - 6)]):  # leave some for the queue
        scores = {c.pk: rng.choice([3, 4, 4, 5, 5]) for c in criteria}
        review = reviews.submit_review(item, supervisor, scores, COMMENTS[index // 2 % len(COMMENTS)]
                                       if index % 2 == 0 else "")
        Review.objects.filter(pk=review.pk).update(
            reviewed_at=min(timezone.now(), timezone.make_aware(
                dt.datetime.combine(item.week_end + dt.timedelta(days=2), dt.time(11)))))
        reviewed += 1
    operator = User.objects.filter(username="operator").first()
    complaint = Appeal.objects.filter(reason__code="service-staff").order_by("-received_at").first()
    if operator and complaint:
        reviews.flag_complaint(complaint, operator, supervisor, "Заявитель пишет, что оператор прервал разговор.")
    corrected = _corrections(supervisor)
    rated, link = _surveys(rng)
    return (f"Контроль качества: проверено обращений {reviewed}, исправлено после регистрации {corrected},"
            f" ответов на опросы {rated}; открытый опрос"
            f" для примера: {link}")


def _corrections(supervisor) -> int:
    """A few open appeals registered lately whose category of complexity the supervisor put right (by the verb,
    so the history has the correction)."""
    since = timezone.now() - dt.timedelta(days=21)
    found = Appeal.objects.filter(registered_at__gte=since, status__in=["registered", "assigned", "in_progress"],
                                  complexity="A").order_by("registered_at")[:4]
    for appeal in found:
        services.classify(appeal, supervisor, reason=appeal.reason, complexity="B")
    return len(found)


def _surveys(rng: random.Random) -> tuple[int, str]:
    """Surveys of the latest answers as if sent then (the demo writes to no resident), two in three answered;
    the link of one left open."""
    now = timezone.now()
    answered = Appeal.objects.filter(answered_at__gte=now - dt.timedelta(days=SURVEY_DAYS_BACK),
                                     applicant__isnull=False).order_by("-answered_at")[:45]
    rated, link = 0, ""
    for index, appeal in enumerate(answered):
        issued = surveys.issue(appeal, now=appeal.answered_at)
        if index % 3 == 2:
            link = link or issued.url
            continue
        when = min(now, appeal.answered_at + dt.timedelta(hours=rng.randint(2, 72)))
        surveys.answer(issued.url.rstrip("/").rsplit("/", 1)[-1], rng.choice([2, 3, 4, 4, 5, 5, 5]),
                       SURVEY_COMMENTS[index % len(SURVEY_COMMENTS)], now=when)
        rated += 1
    return rated, link

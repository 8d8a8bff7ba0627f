"""The demo's operator quality: the ended weeks' sample drawn, part of it reviewed by the supervisor with
comments, a complaint about an operator waiting in the queue, and some applicants' survey answers. Added once."""

import datetime as dt
import random

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from appeals.models import Appeal

from . import reviews, sampling
from .models import Review, SampleItem, Survey

COMMENTS = [
    "Регистрация аккуратная, причина выбрана верно. Уточняйте подъезд и этаж — исполнителю так проще.",
    "Заявителю не назвали номер обращения в конце разговора: назовите номер и срок ответа.",
    "Хорошо выяснили суть, но адрес записан без номера квартиры. Проверяйте адрес перед регистрацией.",
    "Вежливо и по делу. Образцовый разговор — можно разобрать на занятии с новыми операторами.",
]
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
        review = reviews.submit_review(item, supervisor, scores, COMMENTS[index % len(COMMENTS)] if index % 2 == 0
                                       else "")
        Review.objects.filter(pk=review.pk).update(
            reviewed_at=min(timezone.now(), timezone.make_aware(
                dt.datetime.combine(item.week_end + dt.timedelta(days=2), dt.time(11)))))
        reviewed += 1
    operator = User.objects.filter(username="operator").first()
    complaint = Appeal.objects.filter(reason__code="service-staff").order_by("-received_at").first()
    if operator and complaint:
        reviews.flag_complaint(complaint, operator, supervisor, "Заявитель пишет, что оператор прервал разговор.")
    rated = 0
    for index, survey in enumerate(Survey.objects.filter(rated_at__isnull=True).order_by("pk")[:40]):
        if index % 3 == 2:
            continue  # not every applicant answers
        survey.rating = rng.choice([3, 4, 5, 5, 5, 2])
        survey.comment = SURVEY_COMMENTS[index % len(SURVEY_COMMENTS)]
        survey.rated_at = timezone.now() - dt.timedelta(days=rng.randint(0, 20))
        survey.save(update_fields=["rating", "comment", "rated_at"])
        rated += 1
    return f"Контроль качества: проверено {reviewed} обращений, ответов на опросы {rated}."

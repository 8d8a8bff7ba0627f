"""The public site's feedback: residents' reviews, published answer summaries, appeals to the Regional HQ."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Review(models.Model):
    """A resident's review of the service; shown only after a moderator publishes it (premoderation)."""

    class State(models.TextChoices):
        PENDING = "pending", "Ждёт модерации"
        PUBLISHED = "published", "Опубликован"
        REJECTED = "rejected", "Отклонён"
        HIDDEN = "hidden", "Скрыт"

    rating = models.PositiveSmallIntegerField("оценка")
    text = models.TextField("текст отзыва")
    author_name = models.CharField("подпись", max_length=80, blank=True)
    state = models.CharField("состояние", max_length=20, choices=State.choices, default=State.PENDING)
    # What the site shows: the text and the signature with personal data hidden, fixed when published.
    shown_text = models.TextField("текст на сайте", blank=True)
    shown_name = models.CharField("подпись на сайте", max_length=120, blank=True)
    created_at = models.DateTimeField("получен", default=timezone.now)
    moderated_at = models.DateTimeField("проверен", null=True, blank=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name="модератор")
    reject_reason = models.CharField("причина отклонения", max_length=300, blank=True)

    class Meta:
        verbose_name = "отзыв"
        verbose_name_plural = "отзывы"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "-created_at", "-id"], name="review_state_idx")]
        constraints = [models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5),
                                              name="review_rating_1_to_5")]
        permissions = [("moderate_review", "Модерировать отзывы")]

    def __str__(self) -> str:
        return f"Отзыв от {self.created_at:%d.%m.%Y} ({self.rating})"


class AnswerSummary(models.Model):
    """The anonymised question and answer of one answered appeal, published in the internet reception."""

    appeal = models.OneToOneField("appeals.Appeal", on_delete=models.CASCADE, related_name="published_summary",
                                  verbose_name="обращение")
    question = models.TextField("вопрос")
    answer = models.TextField("ответ")
    # Copied from the appeal when published: the public list filters by them (the street, never the house).
    category = models.ForeignKey("appeals.Category", null=True, blank=True, on_delete=models.SET_NULL,
                                 verbose_name="тема")
    street = models.CharField("улица", max_length=200, blank=True)
    answered_on = models.DateField("дата ответа")
    is_published = models.BooleanField("опубликован", default=True)
    published_at = models.DateTimeField("опубликован", default=timezone.now)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name="кто опубликовал")

    class Meta:
        verbose_name = "опубликованный ответ"
        verbose_name_plural = "опубликованные ответы"
        ordering = ["-answered_on", "-id"]
        indexes = [
            models.Index(fields=["is_published", "category", "-answered_on"], name="summary_topic_idx"),
            models.Index(fields=["is_published", "street", "-answered_on"], name="summary_street_idx"),
        ]
        permissions = [("publish_answer", "Публиковать ответы в интернет-приёмной")]

    def __str__(self) -> str:
        return f"Ответ по обращению № {self.appeal.number}"


class HqRequest(models.Model):
    """A resident's appeal to the Regional HQ against the company's answer (or its silence), W7."""

    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="hq_requests",
                               verbose_name="обращение")
    text = models.TextField("с чем не согласен заявитель")
    created_at = models.DateTimeField("направлено", default=timezone.now)
    hq_email = models.EmailField("куда направлено письмо", blank=True)
    letter_sent_at = models.DateTimeField("письмо отправлено", null=True, blank=True)

    class Meta:
        verbose_name = "обращение в Штаб"
        verbose_name_plural = "обращения в Штаб"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Обращение в Штаб по № {self.appeal.number}"

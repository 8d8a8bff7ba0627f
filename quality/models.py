"""Operator quality control (A6, A7): the scoring form's criteria, the weekly sample supervisors review, their
reviews, complaints about an operator, and the applicants' satisfaction surveys."""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

SCORES = [(n, str(n)) for n in range(1, 6)]


class Criterion(models.Model):
    """One line of the scoring form (politeness, competence, correct information…), edited in the admin."""

    code = models.SlugField("код", max_length=40, unique=True)
    name = models.CharField("название", max_length=200)
    hint = models.CharField("подсказка проверяющему", max_length=300, blank=True)
    weight = models.PositiveSmallIntegerField("вес", default=1, validators=[MinValueValidator(1)],
                                              help_text="Во сколько раз этот критерий весомее критерия с весом 1.")
    order = models.PositiveSmallIntegerField("порядок", default=0)
    is_active = models.BooleanField("используется", default=True)

    class Meta:
        verbose_name = "критерий оценки"
        verbose_name_plural = "критерии оценки"
        ordering = ["order", "name"]
        permissions = [
            ("review_operators", "Проверять работу операторов и видеть оценки всех"),
            ("view_own_scorecard", "Видеть свою карточку качества"),
        ]

    def __str__(self) -> str:
        return self.name


class WeekDraw(models.Model):
    """An ISO week whose random sample has been drawn (each week once, after it ended)."""

    week = models.DateField("неделя (понедельник)", unique=True)
    drawn_at = models.DateTimeField("выборка сделана", default=timezone.now)

    class Meta:
        verbose_name = "выборка недели"
        verbose_name_plural = "выборки недель"
        ordering = ["-week"]


class SampleItem(models.Model):
    """An appeal or a call a supervisor is to review for an operator: drawn at random for its week, or
    complained of."""

    class Why(models.TextChoices):
        RANDOM = "random", "Случайная выборка"
        COMPLAINT = "complaint", "Жалоба на оператора"

    appeal = models.ForeignKey("appeals.Appeal", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="quality_samples", verbose_name="обращение")
    call = models.ForeignKey("calls.Call", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="quality_samples", verbose_name="звонок")
    operator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quality_samples",
                                 verbose_name="оператор")
    week = models.DateField("неделя (понедельник)")
    why = models.CharField("почему в выборке", max_length=20, choices=Why.choices)
    added_at = models.DateTimeField("добавлено", default=timezone.now)

    class Meta:
        verbose_name = "обращение или звонок на проверку"
        verbose_name_plural = "обращения и звонки на проверку"
        ordering = ["-week", "operator_id", "appeal_id"]
        constraints = [
            models.UniqueConstraint(fields=["appeal", "operator"], name="quality_sample_once"),
            models.UniqueConstraint(fields=["call", "operator"], name="quality_sample_call_once"),
            models.CheckConstraint(name="quality_sample_one_thing",
                                   condition=models.Q(appeal__isnull=True, call__isnull=False)
                                   | models.Q(appeal__isnull=False, call__isnull=True)),
        ]
        indexes = [models.Index(fields=["operator", "week"], name="quality_sample_op_week_idx")]

    def __str__(self) -> str:
        return f"{self.appeal or self.call} — {self.operator}"

    @property
    def subject(self) -> str:
        """What is reviewed, as the pages name it: «обращение № 26-000123» or «звонок 03.03.2026 10:15»."""
        if self.appeal_id:
            return f"обращение № {self.appeal.number}"
        return f"звонок {timezone.localtime(self.call.ringing_at):%d.%m.%Y %H:%M}"

    @property
    def week_end(self):
        return self.week + dt.timedelta(days=6)


class OperatorComplaint(models.Model):
    """«Жалоба на оператора»: a supervisor's mark that an appeal complains about this operator's work."""

    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="operator_complaints",
                               verbose_name="обращение")
    operator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="complaints_about", verbose_name="оператор")
    note = models.TextField("суть жалобы", blank=True)
    flagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="кто отметил")
    flagged_at = models.DateTimeField("отмечено", default=timezone.now)

    class Meta:
        verbose_name = "жалоба на оператора"
        verbose_name_plural = "жалобы на операторов"
        ordering = ["-flagged_at"]
        constraints = [models.UniqueConstraint(fields=["appeal", "operator"], name="quality_complaint_once")]


class Review(models.Model):
    """A supervisor's scoring of one sample item; its comment is shown to the operator (training)."""

    item = models.OneToOneField(SampleItem, on_delete=models.CASCADE, related_name="review",
                                verbose_name="обращение на проверку")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 verbose_name="проверяющий")
    reviewed_at = models.DateTimeField("проверено", default=timezone.now, db_index=True)
    comment = models.TextField("комментарий для оператора", blank=True)

    class Meta:
        verbose_name = "оценка работы"
        verbose_name_plural = "оценки работы"
        ordering = ["-reviewed_at"]


class ReviewScore(models.Model):
    """One criterion's score in a review, with the criterion's weight as it was then."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores", verbose_name="оценка")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, verbose_name="критерий")
    score = models.PositiveSmallIntegerField("балл", choices=SCORES,
                                             validators=[MinValueValidator(1), MaxValueValidator(5)])
    weight = models.PositiveSmallIntegerField("вес")

    class Meta:
        verbose_name = "балл по критерию"
        verbose_name_plural = "баллы по критериям"
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="quality_score_once")]


class Survey(models.Model):
    """An applicant's satisfaction survey after an answer: reached by a one-use link whose token is kept
    only as its hash; who registered and who answered are kept so results count per person."""

    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="surveys",
                               verbose_name="обращение")
    token_hash = models.CharField("хеш ссылки", max_length=64, unique=True, editable=False)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+", verbose_name="зарегистрировал")
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="ответил")
    sent_at = models.DateTimeField("отправлен", default=timezone.now)
    expires_at = models.DateTimeField("ссылка действует до")
    rated_at = models.DateTimeField("ответ заявителя", null=True, blank=True)
    rating = models.PositiveSmallIntegerField("оценка", null=True, blank=True, choices=SCORES)
    comment = models.TextField("комментарий заявителя", blank=True)

    class Meta:
        verbose_name = "опрос удовлетворённости"
        verbose_name_plural = "опросы удовлетворённости"
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["rated_at"], name="quality_survey_rated_idx")]

    def __str__(self) -> str:
        return f"Опрос по {self.appeal}"

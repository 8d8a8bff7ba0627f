"""What triage keeps: its settings, every automatic decision, operators' corrections (training data),
routing rules, mass incidents and the FAQ."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from priemnaya.request_memo import forget, once_per_request

SETTINGS_KEY = "triage:settings"


class TriageSettings(models.Model):
    """One row: the confidence thresholds and switches the admin may change."""

    auto_apply_threshold = models.FloatField(
        "порог автоматического применения", default=0.85,
        help_text="Если уверенность модели не ниже порога, причина ставится и обращение направляется сразу.")
    suggest_threshold = models.FloatField(
        "порог подсказки", default=0.35,
        help_text="Между порогами оператор видит подсказку с тремя вариантами; ниже — ручной разбор.")
    auto_assign = models.BooleanField("назначать ответственного автоматически", default=True)
    incident_window_days = models.PositiveIntegerField(
        "окно группировки, дней", default=14,
        help_text="Обращения об одной проблеме в одном доме за столько дней собираются в инцидент.")

    class Meta:
        verbose_name = "настройки автоматического разбора"
        verbose_name_plural = "настройки автоматического разбора"

    def __str__(self) -> str:
        return "Настройки автоматического разбора"

    def clean(self) -> None:
        if not 0 <= self.suggest_threshold <= self.auto_apply_threshold <= 1:
            raise ValidationError("Пороги должны быть между 0 и 1, и порог подсказки — не выше порога применения.")

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        forget(SETTINGS_KEY)

    @classmethod
    def current(cls) -> "TriageSettings":
        """The row, read once per request (intake asks for it at each step of triage)."""
        return once_per_request(SETTINGS_KEY, lambda: cls.objects.order_by("pk").first() or cls.objects.create())


class Decision(models.Model):
    """An automatic classification of one appeal: what the model said and what was done with it."""

    class Outcome(models.TextChoices):
        APPLIED = "applied", "Применено автоматически"
        SUGGESTED = "suggested", "Подсказка оператору"
        MANUAL = "manual", "Ручной разбор"

    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="triage_decisions",
                               verbose_name="обращение")
    created_at = models.DateTimeField("когда", default=timezone.now)
    model_version = models.CharField("версия модели", max_length=80)
    reason = models.ForeignKey("appeals.Reason", null=True, blank=True, on_delete=models.SET_NULL,
                               verbose_name="предложенная причина")
    score = models.FloatField("уверенность", default=0.0)
    top3 = models.JSONField("три варианта", default=list)  # [{"reason": code, "name": …, "score": 0.61}, …]
    priority = models.CharField("приоритет", max_length=20, blank=True)
    complexity = models.CharField("сложность", max_length=1, blank=True)
    emergency_rule = models.CharField("аварийное правило", max_length=80, blank=True)
    outcome = models.CharField("решение", max_length=20, choices=Outcome.choices)

    class Meta:
        verbose_name = "автоматическое решение"
        verbose_name_plural = "автоматические решения"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["appeal", "-created_at"], name="decision_appeal_idx")]

    def __str__(self) -> str:
        return f"{self.appeal_id}: {self.get_outcome_display()} ({self.score:.2f})"


class Correction(models.Model):
    """An operator's label that differs from the model's: kept as training data."""

    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="triage_corrections",
                               verbose_name="обращение")
    text = models.TextField("текст обращения")
    predicted = models.ForeignKey("appeals.Reason", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name="предсказано")
    corrected = models.ForeignKey("appeals.Reason", on_delete=models.PROTECT, related_name="+",
                                  verbose_name="исправлено на")
    model_version = models.CharField("версия модели", max_length=80, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           verbose_name="кто исправил")
    at = models.DateTimeField("когда", default=timezone.now)

    class Meta:
        verbose_name = "исправление классификации"
        verbose_name_plural = "исправления классификации"
        ordering = ["-at", "-id"]


class RoutingRule(models.Model):
    """Reason or category → department. Ordered; the first active rule that matches wins, and with no
    match the reason's own default department applies."""

    order = models.PositiveIntegerField("порядок", default=100)
    category = models.ForeignKey("appeals.Category", null=True, blank=True, on_delete=models.CASCADE,
                                 verbose_name="категория")
    reason = models.ForeignKey("appeals.Reason", null=True, blank=True, on_delete=models.CASCADE,
                               verbose_name="причина")
    channel = models.CharField("канал", max_length=20, blank=True, help_text="Пусто — любой канал.")
    department = models.ForeignKey("accounts.Department", on_delete=models.CASCADE, verbose_name="подразделение")
    is_active = models.BooleanField("действует", default=True)

    class Meta:
        verbose_name = "правило маршрутизации"
        verbose_name_plural = "правила маршрутизации"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        what = self.reason or self.category or "любое обращение"
        return f"{what} → {self.department}"

    def clean(self) -> None:
        if self.reason_id is None and self.category_id is None:
            raise ValidationError("Укажите причину или категорию.")
        if self.reason_id and self.category_id and self.reason.category_id != self.category_id:
            raise ValidationError("Причина не относится к выбранной категории.")


class Incident(models.Model):
    """One problem at one place that many residents report (a leaking roof, an outage): answered once."""

    class Status(models.TextChoices):
        OPEN = "open", "Открыт"
        ANSWERED = "answered", "Дан ответ"

    title = models.CharField("что случилось", max_length=300)
    reason = models.ForeignKey("appeals.Reason", null=True, blank=True, on_delete=models.SET_NULL,
                               verbose_name="причина")
    building = models.ForeignKey("housing.Building", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="incidents", verbose_name="дом")
    status = models.CharField("статус", max_length=20, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField("открыт", default=timezone.now)
    last_appeal_at = models.DateTimeField("последнее обращение", default=timezone.now)
    answered_at = models.DateTimeField("дан ответ", null=True, blank=True)
    answer_text = models.TextField("ответ", blank=True)
    public_note = models.CharField(
        "сообщение жителям", max_length=500, blank=True,
        help_text="Показывается на сайте жителям этого дома, пока инцидент открыт.")

    class Meta:
        verbose_name = "инцидент"
        verbose_name_plural = "инциденты"
        ordering = ["-last_appeal_at", "-id"]
        indexes = [models.Index(fields=["status", "building", "-last_appeal_at"], name="incident_open_idx")]

    def __str__(self) -> str:
        return f"Инцидент № {self.pk}: {self.title}"

    def get_absolute_url(self) -> str:
        return f"/staff/incidents/{self.pk}/"


class IncidentAppeal(models.Model):
    """An appeal's membership in an incident (at most one incident per appeal)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="memberships",
                                 verbose_name="инцидент")
    appeal = models.OneToOneField("appeals.Appeal", on_delete=models.CASCADE, related_name="incident_link",
                                  verbose_name="обращение")
    linked_at = models.DateTimeField("добавлено", default=timezone.now)
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  verbose_name="кто добавил")
    score = models.FloatField("сходство", default=1.0)

    class Meta:
        verbose_name = "обращение инцидента"
        verbose_name_plural = "обращения инцидента"
        ordering = ["linked_at", "id"]


class FaqEntry(models.Model):
    """A typical question with its answer, for residents and operators (A3)."""

    question = models.CharField("вопрос", max_length=500)
    answer = models.TextField("ответ")
    category = models.ForeignKey("appeals.Category", null=True, blank=True, on_delete=models.SET_NULL,
                                 verbose_name="категория")
    keywords = models.CharField("другие формулировки", max_length=1000, blank=True,
                                help_text="Как ещё спрашивают об этом, через точку с запятой.")
    is_published = models.BooleanField("показывать на сайте", default=True)
    order = models.PositiveIntegerField("порядок", default=100)
    updated_at = models.DateTimeField("изменён", auto_now=True)

    class Meta:
        verbose_name = "частый вопрос"
        verbose_name_plural = "частые вопросы"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.question

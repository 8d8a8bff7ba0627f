"""Practice calls: scenarios an operator registers in a sandbox, and the scored attempts.

Nothing here points at a live appeal: a scenario made from the archive keeps only masked words, and an
attempt keeps what the operator entered beside the appeals, never in them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from appeals.choices import Priority

from .scoring import minutes

# Table 5.3.1: post-processing of a call, 5 minutes; a scenario may set its own.
DEFAULT_TIME_TARGET = 300


class Scenario(models.Model):
    class Source(models.TextChoices):
        WRITTEN = "written", "Написан руководителем"
        ARCHIVE = "archive", "Из архива обращений"
        SHIPPED = "shipped", "Из учебного набора"

    code = models.SlugField("код учебного набора", max_length=60, unique=True, null=True, blank=True,
                            editable=False)  # the shipped set's own, so loading twice adds nothing
    title = models.CharField("название", max_length=200)
    caller_words = models.TextField("что говорит заявитель")
    # [{"question": …, "answer": …, "required": bool}]: what the caller says when asked, and what must be.
    facts = models.JSONField("сведения, которые заявитель сообщит по вопросу", default=list, blank=True)
    expected_reason = models.ForeignKey("appeals.Reason", on_delete=models.PROTECT, related_name="+",
                                        verbose_name="ожидаемая причина")
    expected_priority = models.CharField("ожидаемый приоритет", max_length=20, choices=Priority.choices,
                                         default=Priority.NORMAL)
    expected_building = models.ForeignKey("housing.Building", null=True, blank=True, on_delete=models.SET_NULL,
                                          related_name="+", verbose_name="дом из реестра")
    expected_address = models.CharField("адрес", max_length=400, blank=True)
    expected_flat = models.CharField("квартира", max_length=20, blank=True)
    caller_name = models.CharField("ФИО заявителя", max_length=300, blank=True)
    caller_phone = models.CharField("телефон заявителя", max_length=20, blank=True)
    lesson = models.TextField("на что обратить внимание (показывается после попытки)", blank=True)
    time_target = models.PositiveIntegerField("норматив времени, с", default=DEFAULT_TIME_TARGET)
    is_published = models.BooleanField("доступен операторам", default=True)
    source = models.CharField("откуда", max_length=20, choices=Source.choices, default=Source.WRITTEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="автор")
    created_at = models.DateTimeField("создан", default=timezone.now)
    updated_at = models.DateTimeField("изменён", auto_now=True)

    class Meta:
        verbose_name = "учебный сценарий"
        verbose_name_plural = "учебные сценарии"
        ordering = ["title", "id"]
        permissions = [
            ("practise", "Проходить учебные звонки"),
            ("manage_scenarios", "Вести учебные сценарии и видеть результаты всех"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def required_facts(self) -> list[int]:
        return [i for i, fact in enumerate(self.facts) if fact.get("required")]


class Attempt(models.Model):
    """One practice call: started when the scenario was shown, scored when submitted."""

    scenario = models.ForeignKey(Scenario, on_delete=models.PROTECT, related_name="attempts",
                                 verbose_name="сценарий")
    operator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                 verbose_name="оператор")
    started_at = models.DateTimeField("показан", default=timezone.now)
    submitted_at = models.DateTimeField("отправлен", null=True, blank=True)
    asked = models.JSONField("заданные вопросы", default=list, blank=True)  # indices into scenario.facts
    entered = models.JSONField("что указал оператор", default=dict, blank=True)
    score = models.PositiveSmallIntegerField("баллы", null=True, blank=True)
    lines = models.JSONField("сравнение", default=list, blank=True)  # kept: the scenario may be edited later

    class Meta:
        verbose_name = "учебная попытка"
        verbose_name_plural = "учебные попытки"
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["operator", "submitted_at"], name="practice_attempt_operator_idx")]

    def __str__(self) -> str:
        return f"{self.scenario} — {self.operator}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def seconds_taken(self) -> int | None:
        if self.submitted_at is None:
            return None
        return max(0, int((self.submitted_at - self.started_at).total_seconds()))

    @property
    def time_taken(self) -> str:
        """«4 мин 05 с», as the result shows it."""
        seconds = self.seconds_taken
        return minutes(seconds) if seconds is not None else ""

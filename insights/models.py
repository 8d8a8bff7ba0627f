from django.conf import settings
from django.db import models
from django.utils import timezone


class MonthlyReport(models.Model):
    """The monthly report for management, built by a background task and kept for download."""

    class Status(models.TextChoices):
        WAITING = "waiting", "В очереди"
        RUNNING = "running", "Формируется"
        DONE = "done", "Готов"
        FAILED = "failed", "Ошибка"

    month = models.DateField("месяц", help_text="Первое число месяца.")
    status = models.CharField("состояние", max_length=20, choices=Status.choices, default=Status.WAITING)
    percent = models.PositiveSmallIntegerField("готово, %", default=0)
    step = models.CharField("этап", max_length=200, blank=True)
    error = models.TextField("ошибка", blank=True)
    xlsx = models.FileField("XLSX", upload_to="reports/monthly/", blank=True)
    pdf = models.FileField("PDF", upload_to="reports/monthly/", blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   verbose_name="кто заказал")
    created_at = models.DateTimeField("заказан", default=timezone.now)
    finished_at = models.DateTimeField("готов", null=True, blank=True)

    class Meta:
        verbose_name = "ежемесячный отчёт"
        verbose_name_plural = "ежемесячные отчёты"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Отчёт за {self.month:%m.%Y}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

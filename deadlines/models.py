from django.db import models


class CalendarOverride(models.Model):
    """An admin's correction of the production calendar (a decree published after a release)."""

    date = models.DateField("дата", unique=True)
    is_working = models.BooleanField("рабочий день")
    note = models.CharField("основание", max_length=200, blank=True)

    class Meta:
        verbose_name = "поправка производственного календаря"
        verbose_name_plural = "поправки производственного календаря"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y}: {'рабочий' if self.is_working else 'выходной'}"


class NormKind(models.TextChoices):
    REGISTRATION = "registration", "Регистрация и назначение ответственного"
    ANSWER = "answer", "Ответ или обоснованный отказ"
    EXTENSION = "extension", "Продление"
    TOTAL = "total", "Предельный общий срок"
    PROPOSAL = "proposal", "Системное предложение: внедрение меры"


class DeadlineNorm(models.Model):
    """A norm: the most specific row (reason > complexity > channel > default) wins."""

    kind = models.CharField("этап", max_length=20, choices=NormKind.choices)
    reason = models.ForeignKey("appeals.Reason", null=True, blank=True, on_delete=models.CASCADE,
                               verbose_name="причина")
    complexity = models.CharField("сложность", max_length=1, blank=True,
                                  choices=[("A", "А"), ("B", "Б"), ("V", "В")])
    channel = models.CharField("канал", max_length=20, blank=True)
    working_days = models.PositiveIntegerField("рабочих дней", null=True, blank=True)
    minutes = models.PositiveIntegerField("минут (аварийные)", null=True, blank=True,
                                          help_text="Если задано, срок считается по часам, а не в рабочих днях.")
    note = models.CharField("основание", max_length=200, blank=True)

    class Meta:
        verbose_name = "норматив срока"
        verbose_name_plural = "нормативы сроков"
        ordering = ["kind", "reason", "complexity", "channel"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(working_days__isnull=False) | models.Q(minutes__isnull=False),
                name="norm_has_duration",
            )
        ]

    def __str__(self) -> str:
        span = f"{self.minutes} мин" if self.minutes else f"{self.working_days} раб. дн."
        return f"{self.get_kind_display()}: {span}"

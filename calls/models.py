"""The call centre and the office (CH1, CH2, A5): a record of every call and every visit with the moments of
table 5.3.1, so that waiting and handling are measured, never typed; and the norms they are measured against."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone


class Outcome(models.TextChoices):
    NEW_APPEAL = "new_appeal", "Принято новое обращение"
    INFORMATION = "information", "Дана информация"
    STATUS = "status", "Сообщён статус обращения"
    TRANSFERRED = "transferred", "Переведён на специалиста"
    MISSED = "missed", "Пропущен"


class Call(models.Model):
    """One telephone call: the moments it passed through (table 5.3.1), who took it, what came of it.

    The measures: waiting = answered − ringing; finding the client's information = found − answered;
    giving information = ended (or transferred) − found; post-processing = wrapped up − ended;
    connecting to a specialist = connected − transferred; the specialist's information = specialist
    ended − connected. A call never answered is missed."""

    class Source(models.TextChoices):
        OPERATOR = "operator", "Отмечен оператором"
        PBX = "pbx", "Из АТС (CDR)"

    caller_number = models.CharField("номер звонящего", max_length=40, blank=True)
    applicant = models.ForeignKey("appeals.Applicant", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="calls", verbose_name="заявитель")
    operator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="calls_taken", verbose_name="оператор")
    ringing_at = models.DateTimeField("поступил", default=timezone.now, db_index=True)
    answered_at = models.DateTimeField("ответ оператора", null=True, blank=True)
    found_at = models.DateTimeField("найдена информация о клиенте", null=True, blank=True)
    transferred_at = models.DateTimeField("перевод на специалиста", null=True, blank=True)
    connected_at = models.DateTimeField("соединён со специалистом", null=True, blank=True)
    specialist_ended_at = models.DateTimeField("специалист закончил", null=True, blank=True)
    ended_at = models.DateTimeField("завершён", null=True, blank=True)
    wrapped_up_at = models.DateTimeField("постобработка завершена", null=True, blank=True)
    outcome = models.CharField("итог", max_length=20, choices=Outcome.choices, blank=True)
    appeal = models.ForeignKey("appeals.Appeal", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="calls", verbose_name="обращение")
    source = models.CharField("источник", max_length=10, choices=Source.choices, default=Source.OPERATOR)
    pbx_id = models.CharField("идентификатор в АТС", max_length=150, null=True, blank=True, unique=True,
                              help_text="uniqueid из CDR: по нему повторный импорт ничего не добавляет.")
    recording = models.FileField("запись разговора", upload_to="calls/%Y/%m/", blank=True)
    note = models.TextField("заметка", blank=True)

    class Meta:
        verbose_name = "звонок"
        verbose_name_plural = "звонки"
        ordering = ["-ringing_at", "-id"]
        indexes = [models.Index(fields=["operator", "ringing_at"], name="call_operator_time_idx")]
        constraints = [models.CheckConstraint(
            condition=Q(answered_at__isnull=True) | Q(answered_at__gte=models.F("ringing_at")),
            name="call_answered_after_ringing")]

    def __str__(self) -> str:
        return f"Звонок {self.caller_number or 'без номера'} {timezone.localtime(self.ringing_at):%d.%m.%Y %H:%M}"

    @property
    def is_missed(self) -> bool:
        return self.answered_at is None and self.ended_at is not None

    def save(self, *args, **kwargs):
        """Saved with its summary cells (`calls.summary`): the one it was in, if moved, and the one it is in."""
        from . import summary

        update_fields = kwargs.get("update_fields")
        with transaction.atomic():
            cells = set()
            if self.pk and (update_fields is None or {"ringing_at", "operator", "operator_id"} & set(update_fields)):
                before = Call.objects.filter(pk=self.pk).values_list("ringing_at", "operator_id").first()
                if before:
                    cells.add(summary.cell_of(*before))
            super().save(*args, **kwargs)
            cells.add(summary.cell_of(self.ringing_at, self.operator_id))
            summary.refresh(cells)


class Visit(models.Model):
    """One visit to the office (CH1): arrival, start and end of service; waiting = started − arrived."""

    centre = models.ForeignKey("appointments.Centre", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="visits", verbose_name="центр")
    appointment = models.OneToOneField("appointments.Appointment", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="visit", verbose_name="запись на приём")
    applicant = models.ForeignKey("appeals.Applicant", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="visits", verbose_name="заявитель")
    visitor_name = models.CharField("посетитель", max_length=200, blank=True)
    operator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="visits_served", verbose_name="сотрудник")
    arrived_at = models.DateTimeField("пришёл", default=timezone.now, db_index=True)
    started_at = models.DateTimeField("начало приёма", null=True, blank=True)
    ended_at = models.DateTimeField("конец приёма", null=True, blank=True)
    outcome = models.CharField("итог", max_length=20, choices=Outcome.choices, blank=True)
    appeal = models.ForeignKey("appeals.Appeal", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="visits", verbose_name="обращение")

    class Meta:
        verbose_name = "посещение офиса"
        verbose_name_plural = "посещения офиса"
        ordering = ["-arrived_at", "-id"]

    def __str__(self) -> str:
        return f"Посещение {timezone.localtime(self.arrived_at):%d.%m.%Y %H:%M}"


class CallCentreNorms(models.Model):
    """Table 5.3.1 as configuration (one row): the limits, in seconds, and the service level to staff for."""

    waiting = models.PositiveIntegerField("ожидание ответа оператора, с", default=40)
    finding = models.PositiveIntegerField("поиск информации о клиенте, с", default=45)
    informing = models.PositiveIntegerField("предоставление информации, с", default=300)
    wrap_up = models.PositiveIntegerField("постобработка звонка, с", default=300)
    connecting = models.PositiveIntegerField("соединение со специалистом, с", default=40)
    specialist = models.PositiveIntegerField("информация специалиста, с", default=300)
    service_level = models.PositiveSmallIntegerField(
        "доля звонков, принятых в норму ожидания, %", default=80,
        help_text="Для расчёта нужного числа операторов (модель Эрланга C).")

    class Meta:
        verbose_name = "нормы колл-центра"
        verbose_name_plural = "нормы колл-центра"

    def __str__(self) -> str:
        return "Нормы колл-центра (таблица 5.3.1)"

    @classmethod
    def current(cls) -> "CallCentreNorms":
        return cls.objects.order_by("pk").first() or cls()


class OperatorExtension(models.Model):
    """Which operator sits at which PBX extension (or SIP login): how a CDR row finds who took the call."""

    extension = models.CharField("добавочный номер или логин в АТС", max_length=40, unique=True)
    operator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pbx_extensions",
                                 verbose_name="оператор")

    class Meta:
        verbose_name = "добавочный номер оператора"
        verbose_name_plural = "добавочные номера операторов"
        ordering = ["extension"]

    def __str__(self) -> str:
        return f"{self.extension} — {self.operator}"


class CdrImport(models.Model):
    """One import of a PBX's call-detail file: where it stopped (a byte offset, so a long file is read in
    steps and never whole), how many rows are done, and the rows it could not take, with their numbers."""

    name = models.CharField("файл", max_length=255)
    file = models.FileField("загруженный файл", upload_to="calls/cdr/%Y/%m/", blank=True)
    size = models.PositiveBigIntegerField("размер, байт", default=0)
    in_utc = models.BooleanField("время в файле — UTC", default=False)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="загрузил")
    created_at = models.DateTimeField("начат", default=timezone.now)
    finished_at = models.DateTimeField("закончен", null=True, blank=True)
    offset = models.PositiveBigIntegerField("прочитано, байт", default=0)
    rows_done = models.PositiveIntegerField("строк обработано", default=0)
    rows_added = models.PositiveIntegerField("звонков добавлено", default=0)
    rows_known = models.PositiveIntegerField("уже были загружены", default=0)
    error_count = models.PositiveIntegerField("строк с ошибками", default=0)
    errors = models.JSONField("ошибки по строкам", default=list, blank=True)

    class Meta:
        verbose_name = "импорт CDR"
        verbose_name_plural = "импорты CDR"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Импорт {self.name} от {timezone.localtime(self.created_at):%d.%m.%Y %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def percent(self) -> int:
        if self.is_finished or not self.size:
            return 100 if self.is_finished else 0
        return min(99, self.offset * 100 // self.size)


class SummedCalls(models.Model):
    """What a row of the statistics' summary holds for its calls: how many, how many missed, talk time, each
    measure's sum of seconds and a histogram of each measure's seconds (see `calls.summary`)."""

    calls = models.PositiveIntegerField("звонков", default=0)
    missed = models.PositiveIntegerField("пропущено", default=0)
    talk_count = models.PositiveIntegerField("с разговором", default=0)
    talk_sum = models.FloatField("разговор, с", default=0)
    waiting_sum = models.FloatField(default=0)
    finding_sum = models.FloatField(default=0)
    informing_sum = models.FloatField(default=0)
    wrap_up_sum = models.FloatField(default=0)
    connecting_sum = models.FloatField(default=0)
    specialist_sum = models.FloatField(default=0)
    histogram = models.BinaryField("гистограмма секунд", default=bytes)

    class Meta:
        abstract = True


class CallSummary(SummedCalls):
    """The calls of one hour of one day taken by one operator (`operator_key` 0: no operator — missed or an
    unknown extension), summed up for the statistics page so that a year is read without reading its calls.
    Kept by `calls.summary.refresh` in the transaction that changes a call."""

    day = models.DateField("день")
    hour = models.PositiveSmallIntegerField("час")
    operator_key = models.PositiveIntegerField("оператор (0 — не определён)", default=0)

    class Meta:
        verbose_name = "сводка звонков за час"
        verbose_name_plural = "сводки звонков за час"
        constraints = [models.UniqueConstraint(fields=["day", "hour", "operator_key"], name="call_summary_cell")]
        indexes = [models.Index(fields=["operator_key", "day"], name="call_summary_operator_idx")]

    def __str__(self) -> str:
        return f"Сводка {self.day:%d.%m.%Y} {self.hour:02d}:00, оператор {self.operator_key or '—'}"


class CallRollup(SummedCalls):
    """The summary's cells added up over a day or a month (`calls.rollup`): per hour of the day, per operator,
    or the whole day, so that a long period reads whole months and its odd days, not every cell. Kept with
    the cells, in the same transaction."""

    class Span(models.TextChoices):
        DAY_HOUR = "day-hour", "час одного дня"
        DAY_OPERATOR = "day-operator", "оператор за день"
        DAY = "day", "день"
        MONTH_HOUR = "month-hour", "час за месяц"
        MONTH_OPERATOR = "month-operator", "оператор за месяц"

    span = models.CharField("что сложено", max_length=16, choices=Span.choices)
    start = models.DateField("день (у месяца — его первый день)")
    key = models.PositiveIntegerField("час или оператор (0 — не определён)", default=0)
    operators = models.PositiveIntegerField("ячеек с оператором", default=0,
                                            help_text="Сколько (день, час, оператор) с оператором сложено: "
                                                      "по ним считаются операторы на линии.")

    class Meta:
        verbose_name = "сводка звонков за день или месяц"
        verbose_name_plural = "сводки звонков за день или месяц"
        constraints = [models.UniqueConstraint(fields=["span", "start", "key"], name="call_rollup_row")]

    def __str__(self) -> str:
        return f"Сводка ({self.get_span_display()}) {self.start:%d.%m.%Y}, {self.key}"


@receiver(post_delete, sender=Call, dispatch_uid="calls-summary-on-delete")
def _call_deleted(sender, instance: Call, **kwargs) -> None:
    """A deleted call leaves its cell (also a queryset's delete, as the admin's: it sends this per call)."""
    from . import summary

    summary.refresh_calls([instance])

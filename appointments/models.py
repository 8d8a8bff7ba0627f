"""In-person service centres: where they are, what one can come for, when, and the appointments made."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

WEEKDAYS = [(0, "понедельник"), (1, "вторник"), (2, "среда"), (3, "четверг"), (4, "пятница"), (5, "суббота"),
            (6, "воскресенье")]


# Addresses under /centres/ that are pages of their own, not centres.
RESERVED_SLUGS = {"booking"}


def _not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError("Этот адрес занят страницей сайта, выберите другой.")


class Centre(models.Model):
    """A centre of in-person service (абонентский пункт): its card on the public site and its booking rules."""

    name = models.CharField("название", max_length=200)
    slug = models.SlugField("адрес страницы", unique=True, validators=[_not_reserved],
                            help_text="Латинскими буквами, например: marata.")
    address = models.CharField("адрес", max_length=300)
    phone = models.CharField("телефон", max_length=100, blank=True)
    how_to_get = models.TextField("как добраться", blank=True)
    note = models.TextField("о центре", blank=True, help_text="Что ещё нужно знать посетителю.")
    booking_days = models.PositiveSmallIntegerField(
        "запись на дней вперёд", default=14, help_text="На сколько календарных дней вперёд открыта запись.")
    order = models.PositiveSmallIntegerField("порядок", default=0)
    is_active = models.BooleanField("показывать на сайте", default=True)

    class Meta:
        verbose_name = "центр обслуживания"
        verbose_name_plural = "центры обслуживания"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("appointments:centre", args=[self.slug])


class Service(models.Model):
    """What one can come to a centre for; each has its own slots and seats in them."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="services", verbose_name="центр")
    title = models.CharField("услуга", max_length=200)
    description = models.TextField("что взять с собой и что сделают", blank=True)
    slot_minutes = models.PositiveSmallIntegerField("длительность приёма, мин", default=30)
    seats = models.PositiveSmallIntegerField("мест на одно время", default=1,
                                             help_text="Сколько посетителей принимают одновременно (окна, сотрудники).")
    own_hours = models.BooleanField("свои часы приёма", default=False,
                                    help_text="Принимают только в часы, заданные для этой услуги, а не в часы центра.")
    order = models.PositiveSmallIntegerField("порядок", default=0)
    is_active = models.BooleanField("принимать запись", default=True)

    class Meta:
        verbose_name = "услуга центра"
        verbose_name_plural = "услуги центров"
        ordering = ["centre", "order", "title"]
        constraints = [models.CheckConstraint(condition=Q(seats__gte=1) & Q(slot_minutes__gte=5),
                                              name="service_has_seats_and_time")]

    def __str__(self) -> str:
        return self.title


class WeeklyHours(models.Model):
    """One day of the week's hours: of the whole centre, or of one service that keeps its own hours."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="hours", verbose_name="центр")
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="hours",
                                verbose_name="только для услуги")
    weekday = models.PositiveSmallIntegerField("день недели", choices=WEEKDAYS)
    opens = models.TimeField("с")
    closes = models.TimeField("до")
    break_starts = models.TimeField("перерыв с", null=True, blank=True)
    break_ends = models.TimeField("перерыв до", null=True, blank=True)

    class Meta:
        verbose_name = "часы приёма"
        verbose_name_plural = "часы приёма"
        ordering = ["centre", "service", "weekday"]
        constraints = [
            models.CheckConstraint(condition=Q(opens__lt=models.F("closes")), name="hours_open_before_close"),
            models.UniqueConstraint(fields=["centre", "weekday"], condition=Q(service__isnull=True),
                                    name="hours_centre_one_row_a_day"),
            models.UniqueConstraint(fields=["service", "weekday"], condition=Q(service__isnull=False),
                                    name="hours_service_one_row_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()}: {self.opens:%H:%M}–{self.closes:%H:%M}"


class Question(models.Model):
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="questions", verbose_name="центр")
    question = models.CharField("вопрос", max_length=300)
    answer = models.TextField("ответ")
    order = models.PositiveSmallIntegerField("порядок", default=0)

    class Meta:
        verbose_name = "вопрос о центре"
        verbose_name_plural = "вопросы о центре"
        ordering = ["centre", "order", "id"]

    def __str__(self) -> str:
        return self.question


class Publication(models.Model):
    """A notice or document posted at the centre (on its stand), repeated on its page."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="publications", verbose_name="центр")
    title = models.CharField("заголовок", max_length=300)
    published_on = models.DateField("дата", default=timezone.localdate)
    text = models.TextField("текст")
    is_published = models.BooleanField("опубликовано", default=True)

    class Meta:
        verbose_name = "публикация о центре"
        verbose_name_plural = "публикации о центре"
        ordering = ["centre", "-published_on", "-id"]
        indexes = [models.Index(fields=["centre", "is_published", "-published_on"], name="publication_list_idx")]

    def __str__(self) -> str:
        return self.title


class Status(models.TextChoices):
    BOOKED = "booked", "Записан"
    ATTENDED = "attended", "Пришёл"
    NO_SHOW = "no_show", "Не пришёл"
    CANCELLED = "cancelled", "Отменена"


class Appointment(models.Model):
    """One seat of one slot taken by one visitor. A seat is held by at most one live appointment: the
    database refuses a second one (of two simultaneous bookings exactly one is saved); a cancelled one
    lets the seat go."""

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="appointments", verbose_name="центр")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="appointments",
                                verbose_name="услуга")
    starts_at = models.DateTimeField("время приёма")
    seat = models.PositiveSmallIntegerField("место")
    full_name = models.CharField("ФИО", max_length=300)
    phone = models.CharField("телефон", max_length=20, help_text="Хранится в виде +7XXXXXXXXXX.")
    email = models.EmailField("e-mail", blank=True)
    code = models.CharField("код подтверждения", max_length=20, unique=True)
    status = models.CharField("состояние", max_length=20, choices=Status.choices, default=Status.BOOKED)
    created_at = models.DateTimeField("записан", default=timezone.now)
    changed_at = models.DateTimeField("изменено", null=True, blank=True)

    class Meta:
        verbose_name = "запись на приём"
        verbose_name_plural = "записи на приём"
        ordering = ["starts_at", "seat"]
        permissions = [("manage_appointments", "Вести запись на приём в центрах обслуживания")]
        constraints = [
            models.UniqueConstraint(fields=["service", "starts_at", "seat"], condition=~Q(status=Status.CANCELLED),
                                    name="appointment_one_per_seat"),
            models.CheckConstraint(condition=Q(seat__gte=1), name="appointment_seat_positive"),
        ]
        indexes = [models.Index(fields=["centre", "starts_at"], name="appointment_day_idx")]

    def __str__(self) -> str:
        return f"{self.service} — {timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}"

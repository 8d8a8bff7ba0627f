import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .events import EVENT_CHOICES, EVENTS


class Channel(models.TextChoices):
    EMAIL = "email", "Электронная почта"
    SMS = "sms", "SMS"


class Template(models.Model):
    """The words of one event's message in one channel, as staff edit them (defaults come with a migration)."""

    event = models.CharField("событие", max_length=30, choices=EVENT_CHOICES)
    channel = models.CharField("канал", max_length=10, choices=Channel.choices)
    subject = models.CharField("тема", max_length=200, blank=True, help_text="Для SMS не используется.")
    body = models.TextField("текст", help_text="Подстановки в двойных фигурных скобках: {{ number }}.")
    updated_at = models.DateTimeField("изменён", auto_now=True)

    class Meta:
        verbose_name = "шаблон сообщения"
        verbose_name_plural = "шаблоны сообщений"
        ordering = ["event", "channel"]
        constraints = [models.UniqueConstraint(fields=["event", "channel"], name="notification_template_once")]

    def __str__(self) -> str:
        return f"{self.get_event_display()} — {self.get_channel_display()}"

    def clean(self) -> None:
        from .rendering import TemplateProblem, check

        allowed = EVENTS[self.event].placeholders if self.event in EVENTS else ()
        errors = {}
        for field in ("subject", "body"):
            try:
                check(getattr(self, field), allowed)
            except TemplateProblem as problem:
                errors[field] = str(problem)
        if errors:
            raise ValidationError(errors)


class Message(models.Model):
    """One message to one recipient by one channel, and how its delivery goes."""

    class Status(models.TextChoices):
        QUEUED = "queued", "в очереди"
        SENT = "sent", "отправлено"
        ERROR = "error", "ошибка"
        FAILED = "failed", "не доставлено"

    event = models.CharField("событие", max_length=30, choices=EVENT_CHOICES)
    channel = models.CharField("канал", max_length=10, choices=Channel.choices)
    recipient = models.CharField("получатель", max_length=254, help_text="Адрес e-mail или номер телефона.")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+", verbose_name="сотрудник")
    appeal = models.ForeignKey("appeals.Appeal", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+", verbose_name="обращение")
    subject = models.CharField("тема", max_length=300, blank=True)
    body = models.TextField("текст")
    # Files to attach, read from the default storage when sent: [{"name": ..., "filename": ..., "mime": ...}].
    attachments = models.JSONField("вложения", default=list, blank=True)
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField("попыток", default=0)
    next_attempt_at = models.DateTimeField("следующая попытка", null=True, blank=True)
    last_error = models.CharField("последняя ошибка", max_length=500, blank=True)
    # Once per key: the digest of one person for one day.
    once_key = models.CharField("ключ", max_length=100, null=True, blank=True, unique=True)
    created_at = models.DateTimeField("создано", default=timezone.now)
    sent_at = models.DateTimeField("отправлено", null=True, blank=True)
    # «Отправить ещё раз» in the back office: who and when; the attempts before it do not count against the limit.
    resent_at = models.DateTimeField("отправлено ещё раз", null=True, blank=True)
    resent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name="кто отправил ещё раз")
    attempts_before_resend = models.PositiveSmallIntegerField("попыток до повторной отправки", default=0)

    class Meta:
        verbose_name = "исходящее сообщение"
        verbose_name_plural = "исходящие сообщения"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="message_retry_idx")]

    def __str__(self) -> str:
        return f"{self.get_event_display()} → {self.recipient}"


class Attempt(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attempt_log",
                                verbose_name="сообщение")
    at = models.DateTimeField("когда", default=timezone.now)
    ok = models.BooleanField("успешно", default=False)
    error = models.CharField("ошибка", max_length=500, blank=True)

    class Meta:
        verbose_name = "попытка отправки"
        verbose_name_plural = "попытки отправки"
        ordering = ["at", "id"]


def _token() -> str:
    return secrets.token_urlsafe(24)


class Subscription(models.Model):
    """One address (e-mail or phone) and whether it still takes non-essential messages; the token is the
    unguessable key of the opt-out link in those messages."""

    address = models.CharField("адрес", max_length=254, unique=True)
    token = models.CharField("ключ ссылки", max_length=64, unique=True, default=_token, editable=False)
    opted_out_at = models.DateTimeField("отказался от рассылки", null=True, blank=True)

    class Meta:
        verbose_name = "подписка"
        verbose_name_plural = "подписки"

    def __str__(self) -> str:
        return self.address

    @classmethod
    def of(cls, address: str) -> "Subscription":
        return cls.objects.get_or_create(address=address.strip().lower())[0]

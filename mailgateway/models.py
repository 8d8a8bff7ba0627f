"""Every incoming letter, as it came: what became of it and why (the raw copy is the proof)."""

from django.db import models


class Outcome(models.TextChoices):
    APPEAL = "appeal", "Новое обращение"
    JOINED = "joined", "Добавлено к обращению"
    IGNORED = "ignored", "Пропущено"


class Source(models.TextChoices):
    SMTP = "smtp", "Почтовый шлюз (SMTP)"
    IMAP = "imap", "Почтовый ящик (IMAP)"


class InboundMessage(models.Model):
    # The Message-ID, or a digest of the raw letter when it has none: one letter is filed once however often
    # the sending server retries it.
    message_key = models.CharField("ключ письма", max_length=300, unique=True)
    source = models.CharField("откуда", max_length=10, choices=Source.choices)
    received_at = models.DateTimeField("получено", auto_now_add=True)
    envelope_from = models.CharField("отправитель конверта", max_length=300, blank=True)
    from_address = models.CharField("от кого", max_length=300, blank=True)
    subject = models.CharField("тема", max_length=500, blank=True)
    outcome = models.CharField("итог", max_length=10, choices=Outcome.choices)
    note = models.TextField("пояснение", blank=True, help_text="Почему письмо пропущено, какие вложения не приняты.")
    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="inbound_messages", verbose_name="обращение")
    raw = models.BinaryField("письмо целиком")

    class Meta:
        verbose_name = "входящее письмо"
        verbose_name_plural = "входящие письма"
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.from_address}: {self.subject}"

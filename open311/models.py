"""Who may file service requests over Open311 (an integration and its key), and what each request brought
beside the appeal it became."""

import datetime as dt
import hashlib
import secrets

from django.db import models
from django.utils import timezone

# A key used all day is noted once a minute, not at every request.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


class Integration(models.Model):
    """A client system (a FixMyStreet site, a city app) with its own API key, created by staff in the admin.
    Only the key's hash is kept: the key is shown once, when it is issued."""

    class Answer(models.TextChoices):
        NUMBER = "number", "Номером обращения сразу"
        TOKEN = "token", "Токеном (номер — по запросу tokens)"

    name = models.CharField("название", max_length=200, unique=True,
                            help_text="Так система названа в истории обращений, например «FixMyStreet Петербург».")
    contact = models.CharField("контакт разработчиков", max_length=300, blank=True)
    is_active = models.BooleanField("действует", default=True)
    rate_limit = models.PositiveIntegerField(
        "заявок за окно ограничения", default=60,
        help_text="Сколько заявок система может подать за окно ограничения (PUBLIC_RATE_WINDOW, по умолчанию "
                  "10 минут); сверх того — ответ 429.")
    answer_with = models.CharField("на заявку отвечать", max_length=10, choices=Answer.choices,
                                   default=Answer.NUMBER,
                                   help_text="Токеном — для клиентов, написанных для серверов, которые "
                                             "регистрируют заявки не сразу.")
    key_hash = models.CharField("хеш ключа", max_length=64, unique=True, editable=False)
    key_prefix = models.CharField("начало ключа", max_length=8, editable=False)
    created_at = models.DateTimeField("создана", auto_now_add=True)
    last_used_at = models.DateTimeField("последняя заявка", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "интеграция Open311"
        verbose_name_plural = "интеграции Open311"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    def new_key(self) -> str:
        """A fresh key for this integration (the old one stops working once saved); returns the key itself."""
        key = secrets.token_urlsafe(32)
        self.key_hash, self.key_prefix = self.hash(key), key[:8]
        return key

    @classmethod
    def with_key(cls, key: str) -> "Integration | None":
        """The active integration holding this key, or None; notes the use."""
        found = cls.objects.filter(key_hash=cls.hash(key), is_active=True).first()
        if found is not None:
            now = timezone.now()
            if found.last_used_at is None or found.last_used_at < now - LAST_USED_PRECISION:
                cls.objects.filter(pk=found.pk).update(last_used_at=now)
        return found


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Submission(models.Model):
    """One service request accepted over Open311: the appeal it became and what the appeal has no field for.
    The token answers `GET tokens/{token}`; the point and the link are the client's, stored as given."""

    integration = models.ForeignKey(Integration, on_delete=models.PROTECT, related_name="submissions",
                                    verbose_name="интеграция")
    appeal = models.OneToOneField("appeals.Appeal", on_delete=models.CASCADE, related_name="open311",
                                  verbose_name="обращение")
    token = models.CharField("токен", max_length=64, unique=True, default=new_token, editable=False)
    service_code = models.CharField("код услуги, как прислан", max_length=60)
    latitude = models.FloatField("широта, как прислана", null=True, blank=True)
    longitude = models.FloatField("долгота, как прислана", null=True, blank=True)
    media_url = models.URLField("ссылка на фото", max_length=2000, blank=True,
                                help_text="Хранится ссылкой; сервер её не открывает.")
    received_at = models.DateTimeField("принята", default=timezone.now)

    class Meta:
        verbose_name = "заявка Open311"
        verbose_name_plural = "заявки Open311"
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.integration}: № {self.appeal.number}"

from django.conf import settings
from django.db import models


class IdempotencyKey(models.Model):
    """The first answer to a request sent with an Idempotency-Key, or to a form sent with its one-time
    token (priemnaya.form_once), replayed on retries. Public forms have no user."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name="пользователь", null=True, blank=True)
    key = models.CharField("ключ", max_length=200)
    request_hash = models.CharField("хеш запроса", max_length=64)
    response_status = models.PositiveSmallIntegerField("код ответа")
    response_body = models.JSONField("тело ответа")
    created_at = models.DateTimeField("получен", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "ключ идемпотентности"
        verbose_name_plural = "ключи идемпотентности"
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_per_user"),
            # NULLs are distinct in the index above: keys of anonymous forms need their own
            models.UniqueConstraint(fields=["key"], condition=models.Q(user__isnull=True),
                                    name="idempotency_key_anonymous"),
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.user_id})"

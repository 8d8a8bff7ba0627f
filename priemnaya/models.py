from django.db import models


class RateCount(models.Model):
    """Attempts counted by priemnaya.ratelimit in the current window of one scope and client."""

    key = models.CharField("ключ", max_length=200, primary_key=True)
    hits = models.PositiveIntegerField("попыток")
    window_ends = models.FloatField("окно закрывается (Unix-время)", db_index=True)

    class Meta:
        verbose_name = "счётчик попыток"
        verbose_name_plural = "счётчики попыток"

    def __str__(self) -> str:
        return f"{self.key}: {self.hits}"

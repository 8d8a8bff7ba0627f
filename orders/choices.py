"""Enumerations of paid orders: codes in English, labels in Russian."""

from decimal import Decimal

from django.db import models


class VatRate(models.TextChoices):
    """The VAT of a service, included in its price; «без НДС» under the simplified tax system (УСН)."""

    NONE = "none", "Без НДС"
    VAT_10 = "10", "НДС 10 %"
    VAT_20 = "20", "НДС 20 %"
    VAT_22 = "22", "НДС 22 %"

    @property
    def percent(self) -> Decimal | None:
        return None if self == VatRate.NONE else Decimal(self.value)


class OrderStatus(models.TextChoices):
    NEW = "new", "Новый"
    CONFIRMED = "confirmed", "Подтверждён"
    DONE = "done", "Выполнен"
    PAID = "paid", "Оплачен"
    CANCELLED = "cancelled", "Отменён"

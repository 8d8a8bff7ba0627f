from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from .choices import OrderStatus, VatRate
from .money import MAX_PRICE, vat_included


class PaidService(models.Model):
    """An additional (paid) service residents may order on the site (table 5.3.4, «Дополнительные услуги»)."""

    name = models.CharField("название", max_length=200, unique=True)
    description = models.TextField("описание", blank=True)
    price = models.DecimalField("цена, ₽", max_digits=12, decimal_places=2,
                                validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_PRICE)])
    unit = models.CharField("единица", max_length=20, default="шт.",
                            help_text="За что назначена цена: шт., услуга, час, м.")
    vat_rate = models.CharField("НДС", max_length=4, choices=VatRate.choices, default=VatRate.NONE,
                                help_text="НДС входит в цену; «Без НДС» — при упрощённой системе налогообложения.")
    is_active = models.BooleanField("предлагается на сайте", default=True)
    order = models.PositiveIntegerField("порядок", default=0)

    class Meta:
        verbose_name = "платная услуга"
        verbose_name_plural = "платные услуги"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Order(models.Model):
    """A paid service ordered by a resident: the appeal of kind «заявка» it came as, and its own life cycle
    (`orders.workflow`) on top of the appeal's."""

    appeal = models.OneToOneField("appeals.Appeal", on_delete=models.CASCADE, related_name="order",
                                  verbose_name="заявка")
    service = models.ForeignKey(PaidService, on_delete=models.PROTECT, related_name="orders", verbose_name="услуга")
    status = models.CharField("статус заказа", max_length=20, choices=OrderStatus.choices, default=OrderStatus.NEW)
    quantity = models.DecimalField("количество", max_digits=8, decimal_places=2, default=Decimal(1))
    price = models.DecimalField("цена за единицу, ₽", max_digits=12, decimal_places=2)
    preferred_date = models.DateField("желаемая дата", null=True, blank=True)
    work_date = models.DateField("дата работ", null=True, blank=True)
    comment = models.TextField("комментарий заявителя", blank=True)
    created_at = models.DateTimeField("заказ сделан", default=timezone.now)
    confirmed_at = models.DateTimeField("подтверждён", null=True, blank=True)
    done_at = models.DateTimeField("выполнен", null=True, blank=True)
    paid_at = models.DateTimeField("оплачен", null=True, blank=True)
    cancelled_at = models.DateTimeField("отменён", null=True, blank=True)

    class Meta:
        verbose_name = "заказ платной услуги"
        verbose_name_plural = "заказы платных услуг"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="order_list_idx"),
            models.Index(fields=["status", "-created_at"], name="order_status_idx"),
        ]
        permissions = [
            ("view_orders", "Видеть список заказов платных услуг"),
            ("confirm_order", "Подтверждать и отменять заказы платных услуг"),
            ("complete_order", "Отмечать выполнение платных работ"),
            ("accept_payment", "Отмечать оплату заказов"),
            ("issue_invoice", "Выставлять счета на оплату"),
        ]

    def __str__(self) -> str:
        return f"Заказ по заявке № {self.appeal.number}"

    @property
    def total(self) -> Decimal:
        return (self.price * self.quantity).quantize(Decimal("0.01"))

    @property
    def vat_amount(self) -> Decimal | None:
        return vat_included(self.total, VatRate(self.service.vat_rate))


class InvoiceSequence(models.Model):
    """Per-year counter of invoice numbers (С-2026-000123)."""

    year = models.PositiveIntegerField("год", primary_key=True)
    last = models.PositiveIntegerField("последний номер", default=0)

    class Meta:
        verbose_name = "счётчик номеров счетов"
        verbose_name_plural = "счётчики номеров счетов"


def invoice_path(instance: "Invoice", filename: str) -> str:
    return f"invoices/{instance.year}/{filename}"


class Invoice(models.Model):
    """An invoice for a confirmed order: what it said is kept as it was issued, whatever changes later."""

    order = models.OneToOneField(Order, on_delete=models.PROTECT, related_name="invoice", verbose_name="заказ")
    number = models.CharField("номер", max_length=20, unique=True)
    year = models.PositiveIntegerField("год")
    issued_on = models.DateField("дата")
    payer = models.CharField("плательщик", max_length=500)
    supplier = models.JSONField("реквизиты поставщика", default=dict)
    total = models.DecimalField("сумма, ₽", max_digits=12, decimal_places=2)
    vat_rate = models.CharField("НДС", max_length=4, choices=VatRate.choices)
    vat_amount = models.DecimalField("в том числе НДС, ₽", max_digits=12, decimal_places=2, null=True, blank=True)
    pdf = models.FileField("файл PDF", upload_to=invoice_path)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  verbose_name="кто выставил")
    created_at = models.DateTimeField("создан", default=timezone.now)

    class Meta:
        verbose_name = "счёт на оплату"
        verbose_name_plural = "счета на оплату"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Счёт № {self.number}"


class InvoiceLine(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines", verbose_name="счёт")
    position = models.PositiveIntegerField("№")
    name = models.CharField("наименование", max_length=300)
    quantity = models.DecimalField("количество", max_digits=8, decimal_places=2)
    unit = models.CharField("единица", max_length=20)
    price = models.DecimalField("цена, ₽", max_digits=12, decimal_places=2)
    amount = models.DecimalField("сумма, ₽", max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = "строка счёта"
        verbose_name_plural = "строки счёта"
        ordering = ["invoice", "position"]

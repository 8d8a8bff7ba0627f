"""Outgoing letters to applicants: the answer, the refusal or the extension notice as a signed PDF with its
number in the company's register of outgoing letters, kept as it was issued."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .choices import Delivery, LetterKind


class LetterSequence(models.Model):
    """Per-year counter of outgoing letter numbers (исх. № 26-0001)."""

    year = models.PositiveIntegerField("год", primary_key=True)
    last = models.PositiveIntegerField("последний номер", default=0)

    class Meta:
        verbose_name = "счётчик исходящих номеров"
        verbose_name_plural = "счётчики исходящих номеров"


def letter_path(instance: "Letter", filename: str) -> str:
    return f"letters/{instance.date:%Y/%m}/{filename}"


class Letter(models.Model):
    """An issued letter is a document: what it said, to whom and under whose signature stays as it was."""

    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.PROTECT, related_name="letters",
                               verbose_name="обращение")
    kind = models.CharField("вид", max_length=20, choices=LetterKind.choices)
    number = models.CharField("исходящий номер", max_length=20, unique=True)
    date = models.DateField("дата")
    addressee_name = models.CharField("адресат", max_length=300)
    addressee_address = models.CharField("почтовый адрес", max_length=400, blank=True)
    addressee_email = models.EmailField("e-mail адресата", blank=True)
    salutation = models.CharField("обращение к адресату", max_length=200, blank=True)
    body = models.TextField("текст (HTML)")
    signatory_name = models.CharField("подписал", max_length=120)
    signatory_post = models.CharField("должность подписавшего", max_length=200)
    pdf = models.FileField("файл PDF", upload_to=letter_path)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  verbose_name="кто сформировал")
    issued_at = models.DateTimeField("сформировано", default=timezone.now)
    delivery = models.CharField("как отправлено", max_length=10, choices=Delivery.choices)
    sent_at = models.DateTimeField("когда отправлено", null=True, blank=True)

    class Meta:
        verbose_name = "исходящее письмо"
        verbose_name_plural = "исходящие письма"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["-date", "-id"], name="letter_register_idx"),
                   models.Index(fields=["kind", "-date"], name="letter_kind_idx")]

    def __str__(self) -> str:
        return f"Исх. № {self.number}"

    @property
    def file_name(self) -> str:
        return f"Письмо исх. {self.number}.pdf"

    @property
    def delivery_state(self) -> str:
        """How the letter went, as the register says it: «по e-mail 12.03.2026», «к отправке почтой»…"""
        when = f" {timezone.localtime(self.sent_at):%d.%m.%Y}" if self.sent_at else ""
        if self.delivery == Delivery.EMAIL:
            return f"по e-mail{when}"
        if self.delivery == Delivery.POST:
            return f"отправлено почтой{when}" if self.sent_at else "к отправке почтой"
        return "не отправлено: адреса нет"

    @property
    def awaits_post(self) -> bool:
        return self.delivery == Delivery.POST and self.sent_at is None


class LetterTemplate(models.Model):
    """The body of one kind of letter as staff edit it; the letterhead, the numbers, the addressee and the
    signature around it are the letter's own. Without a row the shipped words are used (letters.defaults)."""

    kind = models.CharField("вид письма", max_length=20, choices=LetterKind.choices, unique=True)
    body = models.TextField("текст письма (HTML)",
                            help_text="Подстановки в двойных фигурных скобках: {{ applicant }}, {{ number }}.")
    signatory_name = models.CharField("подписывает (Фамилия И. О.)", max_length=120, blank=True,
                                      help_text="Пусто — руководитель из карточки управляющей компании.")
    signatory_post = models.CharField("должность подписывающего", max_length=200, blank=True,
                                      help_text="Пусто — «Генеральный директор».")
    updated_at = models.DateTimeField("изменён", auto_now=True)

    class Meta:
        verbose_name = "шаблон письма"
        verbose_name_plural = "шаблоны писем"
        ordering = ["kind"]

    def __str__(self) -> str:
        return f"Письмо: {self.get_kind_display().lower()}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from .rendering import TemplateProblem, check

        try:
            check(self.body)
        except TemplateProblem as problem:
            raise ValidationError({"body": str(problem)}) from None

"""What the public «Услуги» and «Клиентам» sections show: services and their tariffs, the normative acts
behind them, benefits, document templates and articles. Staff edit all of it in the admin."""

import datetime as dt
from pathlib import PurePosixPath

from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from portal.drafts import may_preview


class PublishedQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PublishedQuerySet":
        """Published items for everyone; who may edit them also sees drafts, to preview them before publishing."""
        if may_preview(user, self.model):
            return self
        return self.filter(is_published=True)


class Publishable(models.Model):
    is_published = models.BooleanField("опубликовано", default=False,
                                       help_text="Неопубликованное видят только сотрудники — для предпросмотра.")
    order = models.PositiveIntegerField("порядок", default=0)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True


class ActKind(models.TextChoices):
    CODE = "code", "Кодекс"
    LAW = "law", "Федеральный закон"
    GOVERNMENT = "government", "Постановление Правительства РФ"
    CITY = "city", "Акт Санкт-Петербурга"
    TARIFF = "tariff", "Тарифное решение"
    MEETING = "meeting", "Решение общего собрания собственников"
    COMPANY = "company", "Документ компании"


class NormativeAct(Publishable):
    """A normative act: a tariff decision, a law, a government decree, a general meeting's decision."""

    kind = models.CharField("вид", max_length=20, choices=ActKind.choices)
    issuer = models.CharField("кем принят", max_length=300)
    doc_type = models.CharField("тип документа", max_length=100, help_text="«распоряжение», «постановление», …")
    number = models.CharField("номер", max_length=60, blank=True)
    adopted_on = models.DateField("дата принятия")
    title = models.CharField("название", max_length=500)
    url = models.URLField("ссылка на текст", max_length=500, blank=True)

    class Meta:
        verbose_name = "нормативный акт"
        verbose_name_plural = "нормативные акты"
        ordering = ["order", "-adopted_on", "id"]

    def __str__(self) -> str:
        return self.citation

    @property
    def citation(self) -> str:
        """«Распоряжение от 18.12.2024 № 241-р» (who issued it is shown beside)."""
        number = f"\u00a0№\u00a0{self.number}" if self.number else ""
        return f"{self.doc_type[:1].upper()}{self.doc_type[1:]} от {self.adopted_on:%d.%m.%Y}{number}"


class ServiceGroup(models.TextChoices):
    HOUSING = "housing", "Жилищные услуги"
    COMMUNAL = "communal", "Коммунальные услуги"
    PAID = "paid", "Дополнительные платные услуги"


class PriceSetter(models.TextChoices):
    TARIFF_COMMITTEE = "tariff_committee", "Комитет по тарифам Санкт-Петербурга"
    GENERAL_MEETING = "general_meeting", "Общее собрание собственников помещений"
    CITY_GOVERNMENT = "city_government", "Правительство Санкт-Петербурга"
    COMPANY = "company", "Управляющая компания (прейскурант)"


class Service(Publishable):
    slug = models.SlugField("адрес страницы", max_length=80, unique=True)
    group = models.CharField("группа", max_length=20, choices=ServiceGroup.choices)
    name = models.CharField("название", max_length=200)
    summary = models.TextField("что входит в услугу")
    unit = models.CharField("единица", max_length=60,
                            help_text="За что платят: «м² общей площади в месяц», «м³», «Гкал».")
    price_setter = models.CharField("кто устанавливает цену", max_length=30, choices=PriceSetter.choices)
    price_basis = models.TextField("как определяется цена", blank=True)
    how_to_get = models.TextField("как получить услугу: шаги", blank=True, help_text="Каждый шаг с новой строки.")
    documents_needed = models.TextField("какие документы нужны", blank=True,
                                        help_text="Каждый документ с новой строки.")
    where = models.TextField("куда обращаться", blank=True)
    benefits = models.ManyToManyField("Benefit", blank=True, related_name="services", verbose_name="льготы и субсидии")

    class Meta:
        verbose_name = "услуга"
        verbose_name_plural = "услуги"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("services:detail", args=[self.slug])

    def _tariffs_by_variant(self) -> dict[str, list["Tariff"]]:
        # Reads `tariffs` through the prefetch cache when a list page prefetched them.
        by_variant: dict[str, list[Tariff]] = {}
        for tariff in sorted(self.tariffs.all(), key=lambda t: (t.variant_order, t.valid_from)):
            by_variant.setdefault(tariff.variant, []).append(tariff)
        return by_variant

    def tariff_periods(self, today: dt.date | None = None) -> tuple[list["Tariff"], list["Tariff"], list["Tariff"]]:
        """(current, upcoming, past) tariffs: for each variant (day, night …) the one in force today,
        those announced from a later date, and those that no longer apply, newest first."""
        today = today or timezone.localdate()
        current, upcoming, past = [], [], []
        for variant_tariffs in self._tariffs_by_variant().values():
            started = [t for t in variant_tariffs if t.valid_from <= today]
            upcoming += [t for t in variant_tariffs if t.valid_from > today]
            in_force = started[-1] if started and started[-1].applies_on(today) else None
            if in_force:
                current.append(in_force)
            past += [t for t in started if t is not in_force]
        past.sort(key=lambda t: (t.valid_from, -t.variant_order), reverse=True)
        return current, upcoming, past

    def current_tariffs(self, today: dt.date | None = None) -> list["Tariff"]:
        return self.tariff_periods(today)[0]

    def steps(self) -> list[str]:
        return [line.strip() for line in self.how_to_get.splitlines() if line.strip()]

    def documents_list(self) -> list[str]:
        return [line.strip() for line in self.documents_needed.splitlines() if line.strip()]


class Tariff(models.Model):
    """A price of a service over a period, set by a normative act; older rows are the history."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="tariffs", verbose_name="услуга")
    variant = models.CharField("вариант", max_length=120, blank=True,
                               help_text="Если цен несколько: «дневная зона», «ночная зона». Иначе пусто.")
    variant_order = models.PositiveSmallIntegerField("порядок варианта", default=0)
    price = models.DecimalField("цена, ₽", max_digits=12, decimal_places=2)
    valid_from = models.DateField("действует с")
    valid_to = models.DateField("действует по", null=True, blank=True)
    act = models.ForeignKey(NormativeAct, null=True, blank=True, on_delete=models.PROTECT, related_name="tariffs",
                            verbose_name="основание")

    class Meta:
        verbose_name = "тариф"
        verbose_name_plural = "тарифы"
        ordering = ["service", "variant_order", "-valid_from"]
        indexes = [models.Index(fields=["service", "valid_from"], name="tariff_service_from_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="tariff_period_ordered"),
        ]

    def __str__(self) -> str:
        variant = f" ({self.variant})" if self.variant else ""
        return f"{self.service}{variant} с {self.valid_from:%d.%m.%Y}: {self.price}"

    def applies_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class Benefit(Publishable):
    """A benefit or subsidy: who qualifies, with which documents, where to apply."""

    slug = models.SlugField("якорь на странице", max_length=80, unique=True)
    title = models.CharField("название", max_length=200)
    summary = models.TextField("в чём состоит")
    who_qualifies = models.TextField("кто имеет право")
    documents_needed = models.TextField("документы", help_text="Каждый документ с новой строки.")
    where_to_apply = models.TextField("куда обращаться")
    act = models.ForeignKey(NormativeAct, null=True, blank=True, on_delete=models.PROTECT, related_name="benefits",
                            verbose_name="основание")

    class Meta:
        verbose_name = "льгота или субсидия"
        verbose_name_plural = "льготы и субсидии"
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("services:benefits") + f"#{self.slug}"

    def documents_list(self) -> list[str]:
        return [line.strip() for line in self.documents_needed.splitlines() if line.strip()]


class DocumentKind(models.TextChoices):
    APPLICATION = "application", "Заявления и заявки"
    CONTRACT = "contract", "Договоры"
    RECEIPT = "receipt", "Квитанции"
    ACT = "act", "Акты"


DOCUMENT_TYPES = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  ".pdf": "application/pdf"}


class DocumentTemplate(Publishable):
    slug = models.SlugField("адрес", max_length=80, unique=True)
    kind = models.CharField("вид", max_length=20, choices=DocumentKind.choices)
    title = models.CharField("название", max_length=300)
    description = models.TextField("когда нужен", blank=True)
    file = models.FileField("файл (DOCX или PDF)", upload_to="services/documents/",
                            validators=[FileExtensionValidator(["docx", "pdf"], "Загрузите файл DOCX или PDF.")])
    download_name = models.CharField("имя файла при скачивании", max_length=150,
                                     help_text="Без расширения: «Заявление о перерасчёте».")

    class Meta:
        verbose_name = "форма документа"
        verbose_name_plural = "формы документов"
        ordering = ["kind", "order", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("services:document", args=[self.slug])

    @property
    def extension(self) -> str:
        return PurePosixPath(self.file.name).suffix.lower()

    @property
    def content_type(self) -> str:
        return DOCUMENT_TYPES.get(self.extension, "application/octet-stream")

    @property
    def format_label(self) -> str:
        return self.extension.lstrip(".").upper()


class ArticleTopic(models.TextChoices):
    ENERGY = "energy", "Энергосбережение"
    SAFETY = "safety", "Безопасность"
    USEFUL = "useful", "Полезно знать"


class Article(Publishable):
    slug = models.SlugField("адрес страницы", max_length=80, unique=True)
    topic = models.CharField("рубрика", max_length=20, choices=ArticleTopic.choices)
    title = models.CharField("заголовок", max_length=300)
    lead = models.TextField("кратко")
    body = models.TextField("текст", help_text="Абзацы разделяйте пустой строкой.")
    published_on = models.DateField("дата", default=timezone.localdate)

    class Meta:
        verbose_name = "статья"
        verbose_name_plural = "полезная информация"
        ordering = ["topic", "order", "-published_on"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("services:article", args=[self.slug])

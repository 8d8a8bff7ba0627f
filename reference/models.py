"""What the «Справочная информация» section of the public site shows; staff edit all of it in the admin."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Published(models.QuerySet):
    def published(self):
        """What the public sees."""
        return self.filter(is_published=True)


class NewsQuerySet(Published):
    def published(self):
        """Switched on, and its publication time has come."""
        return self.filter(is_published=True, published_at__lte=timezone.now())


class NewsItem(models.Model):
    class Category(models.TextChoices):
        TARIFFS = "tariffs", "Изменение тарифов"
        PLANNED = "planned", "Плановые отключения"
        EMERGENCY = "emergency", "Аварийные отключения"
        SERVICE = "service", "Новые формы обслуживания"

    title = models.CharField("заголовок", max_length=200)
    slug = models.SlugField("адрес страницы", max_length=100, unique=True,
                            help_text="Латинские буквы, цифры и дефисы: он станет частью адреса /news/…/.")
    category = models.CharField("рубрика", max_length=20, choices=Category.choices)
    lead = models.CharField("кратко", max_length=400, help_text="Одно-два предложения для списка новостей.")
    body = models.TextField("текст", help_text="Абзацы разделяйте пустой строкой.")
    published_at = models.DateTimeField("дата публикации", default=timezone.now,
                                        help_text="Новость с датой в будущем появится на сайте в этот момент.")
    is_published = models.BooleanField("опубликована", default=False)

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = "новость"
        verbose_name_plural = "новости"
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["is_published", "-published_at"], name="news_public_idx"),
                   models.Index(fields=["category", "is_published", "-published_at"], name="news_category_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reference:news_detail", args=[self.slug])


class Outage(models.Model):
    """A known interruption of a supply to buildings of the registry, for a period."""

    class Resource(models.TextChoices):
        HEATING = "heating", "Отопление"
        HOT_WATER = "hot_water", "Горячая вода"
        COLD_WATER = "cold_water", "Холодная вода"
        ELECTRICITY = "electricity", "Электроэнергия"
        GAS = "gas", "Газ"
        LIFT = "lift", "Лифт"
        SEWERAGE = "sewerage", "Канализация"

    class Kind(models.TextChoices):
        PLANNED = "planned", "Плановое"
        EMERGENCY = "emergency", "Аварийное"

    resource = models.CharField("что отключено", max_length=20, choices=Resource.choices)
    kind = models.CharField("вид", max_length=20, choices=Kind.choices, default=Kind.PLANNED)
    buildings = models.ManyToManyField("housing.Building", related_name="outages", verbose_name="дома")
    starts_at = models.DateTimeField("начало")
    ends_at = models.DateTimeField("ожидаемое окончание", null=True, blank=True,
                                   help_text="Пусто — срок пока неизвестен.")
    note = models.CharField("пояснение жителям", max_length=400, blank=True,
                            help_text="Причина и что делать, например: «Гидравлические испытания ГУП «ТЭК СПб».")
    news = models.ForeignKey(NewsItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="outages",
                             verbose_name="новость")
    incident = models.ForeignKey("triage.Incident", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="outages", verbose_name="инцидент")
    is_published = models.BooleanField("опубликовано", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="кто опубликовал")
    created_at = models.DateTimeField("создано", default=timezone.now)

    class Meta:
        verbose_name = "отключение"
        verbose_name_plural = "отключения"
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["is_published", "starts_at", "ends_at"], name="outage_in_force_idx")]
        permissions = [("publish_outage", "Публиковать отключения на сайте")]

    def __str__(self) -> str:
        return f"{self.get_resource_display()}: {self.get_kind_display().lower()} отключение"

    @property
    def resource_genitive(self) -> str:
        """«об отключении горячей воды»."""
        return RESOURCE_GENITIVE[self.resource]


RESOURCE_GENITIVE = {
    Outage.Resource.HEATING: "отопления",
    Outage.Resource.HOT_WATER: "горячей воды",
    Outage.Resource.COLD_WATER: "холодной воды",
    Outage.Resource.ELECTRICITY: "электроэнергии",
    Outage.Resource.GAS: "газа",
    Outage.Resource.LIFT: "лифта",
    Outage.Resource.SEWERAGE: "канализации",
}


class Listed(models.Model):
    """A row of a list on the site: its place in the list and whether the public sees it."""

    order = models.PositiveIntegerField("порядок", default=100)
    is_published = models.BooleanField("показывать на сайте", default=True)

    objects = Published.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "id"]


class PaymentPoint(Listed):
    name = models.CharField("название", max_length=200)
    address = models.CharField("адрес", max_length=300)
    hours = models.CharField("часы работы", max_length=300)
    phone = models.CharField("телефон", max_length=60, blank=True)
    payments = models.CharField("что можно оплатить", max_length=400,
                                help_text="Например: квартплату и коммунальные услуги по единой квитанции.")
    fee = models.CharField("комиссия", max_length=200, blank=True, help_text="Например: без комиссии.")

    class Meta(Listed.Meta):
        verbose_name = "пункт оплаты"
        verbose_name_plural = "пункты оплаты"
        indexes = [models.Index(fields=["is_published", "order"], name="payment_point_list_idx")]

    def __str__(self) -> str:
        return f"{self.name}, {self.address}"


class ContactGroup(Listed):
    """A department as residents know it, heading its contacts."""

    title = models.CharField("подразделение", max_length=200)

    class Meta(Listed.Meta):
        verbose_name = "раздел контактов"
        verbose_name_plural = "разделы контактов"

    def __str__(self) -> str:
        return self.title


class Contact(Listed):
    """A post and how to reach it: no names, the site names no one."""

    group = models.ForeignKey(ContactGroup, on_delete=models.CASCADE, related_name="contacts",
                              verbose_name="подразделение")
    post = models.CharField("должность", max_length=200)
    phone = models.CharField("телефон", max_length=60, blank=True)
    email = models.EmailField("e-mail", blank=True, help_text="Адрес службы, а не личный.")
    hours = models.CharField("часы приёма", max_length=300, blank=True)

    class Meta(Listed.Meta):
        verbose_name = "контакт специалиста"
        verbose_name_plural = "контакты специалистов"
        indexes = [models.Index(fields=["group", "is_published", "order"], name="contact_list_idx")]

    def __str__(self) -> str:
        return f"{self.post} ({self.group})"


class UsefulLink(Listed):
    title = models.CharField("название", max_length=200)
    description = models.CharField("описание", max_length=400, blank=True)
    url = models.URLField("адрес сайта")

    class Meta(Listed.Meta):
        verbose_name = "полезная ссылка"
        verbose_name_plural = "полезные ссылки"

    def __str__(self) -> str:
        return self.title


class CompanyDetails(models.Model):
    """One row: the emergency dispatch service for the contacts page and the appeal form's emergency warning.
    The company's requisites are the company card's (accounts.Company): invoices name the same."""

    dispatch_name = models.CharField("аварийная служба", max_length=200, default="Аварийно-диспетчерская служба")
    dispatch_phone = models.CharField("телефон аварийной службы", max_length=60, blank=True)
    dispatch_hours = models.CharField("режим работы аварийной службы", max_length=200, default="круглосуточно")

    class Meta:
        verbose_name = "аварийная служба"
        verbose_name_plural = "аварийная служба"

    def __str__(self) -> str:
        return "Аварийная служба"

    @classmethod
    def current(cls) -> "CompanyDetails":
        return cls.objects.order_by("pk").first() or cls()

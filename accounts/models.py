import hashlib
import secrets

from django.conf import settings
from django.db import models

from priemnaya.request_memo import forget, once_per_request

from .requisites import validate_account, validate_bik, validate_inn, validate_kpp, validate_ogrn

COMPANY_KEY = "accounts:company"


class Company(models.Model):
    """The management company using the product, and the higher authority it names (W7)."""

    name = models.CharField("название", max_length=300)
    short_name = models.CharField("краткое название", max_length=120)
    address = models.CharField("адрес", max_length=300, blank=True)
    phone = models.CharField("телефон", max_length=60, blank=True)
    hotline = models.CharField("горячая линия", max_length=60, blank=True)
    email = models.EmailField("e-mail", blank=True)
    office_hours = models.CharField("часы приёма", max_length=200, blank=True)
    hq_name = models.CharField("вышестоящая организация", max_length=300)
    hq_address = models.CharField("адрес вышестоящей организации", max_length=300, blank=True)
    hq_phone = models.CharField("телефон вышестоящей организации", max_length=60, blank=True)
    hq_email = models.EmailField("e-mail вышестоящей организации", blank=True)
    hq_site = models.CharField("сайт вышестоящей организации", max_length=200, blank=True)
    # Requisites: what an invoice to a resident names (orders.invoices).
    inn = models.CharField("ИНН", max_length=10, blank=True, validators=[validate_inn])
    kpp = models.CharField("КПП", max_length=9, blank=True, validators=[validate_kpp])
    ogrn = models.CharField("ОГРН", max_length=13, blank=True, validators=[validate_ogrn])
    bank_name = models.CharField("банк", max_length=300, blank=True)
    bik = models.CharField("БИК", max_length=9, blank=True, validators=[validate_bik])
    settlement_account = models.CharField("расчётный счёт", max_length=20, blank=True, validators=[validate_account])
    correspondent_account = models.CharField("корреспондентский счёт", max_length=20, blank=True,
                                             validators=[validate_account])
    director = models.CharField("руководитель (Фамилия И. О.)", max_length=120, blank=True)
    accountant = models.CharField("главный бухгалтер (Фамилия И. О.)", max_length=120, blank=True)

    class Meta:
        verbose_name = "управляющая компания"
        verbose_name_plural = "управляющая компания"

    def __str__(self) -> str:
        return self.short_name

    @classmethod
    def current(cls) -> "Company":
        """The company, read once per request (a list of masked answers asks for it once a row)."""
        return once_per_request(COMPANY_KEY, cls._read)

    @classmethod
    def _read(cls) -> "Company":
        company = cls.objects.order_by("pk").first()
        if company is None:
            company = cls.objects.create(
                name="Управляющая компания",
                short_name="УК",
                hq_name="Региональный штаб по защите прав потребителей",
            )
        return company

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        forget(COMPANY_KEY)  # the request that saved it reads it anew

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from .requisites import account_matches_bik

        if self.bik and self.settlement_account and not account_matches_bik(self.settlement_account, self.bik):
            raise ValidationError({"settlement_account": "Расчётный счёт не сходится с БИК банка: проверьте цифры."})
        if self.bik and self.correspondent_account and not account_matches_bik(
                self.correspondent_account, self.bik, correspondent=True):
            raise ValidationError({"correspondent_account": "Корреспондентский счёт не сходится с БИК: проверьте."})

    @property
    def has_requisites(self) -> bool:
        """Whether an invoice can name the company: ИНН, bank and account filled in."""
        return all((self.inn, self.bank_name, self.bik, self.settlement_account))

    def hq_notice(self) -> str:
        """The W7 notice: the applicant may appeal to the higher organisation."""
        contacts = ", ".join(
            part
            for part in (self.hq_address, f"тел. {self.hq_phone}" if self.hq_phone else "",
                         self.hq_email, self.hq_site)
            if part
        )
        return (
            "Если вы не согласны с ответом, вы вправе обратиться в вышестоящую организацию: "
            f"{self.hq_name}" + (f" ({contacts})." if contacts else ".")
        )


class Department(models.Model):
    name = models.CharField("название", max_length=200, unique=True)
    code = models.SlugField("код", max_length=40, unique=True)
    phone = models.CharField("телефон", max_length=60, blank=True)

    class Meta:
        verbose_name = "подразделение"
        verbose_name_plural = "подразделения"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StaffProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile",
                                verbose_name="пользователь")
    department = models.ForeignKey(Department, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="staff", verbose_name="подразделение")
    position = models.CharField("должность", max_length=200, blank=True)
    phone = models.CharField("телефон", max_length=60, blank=True)
    is_available = models.BooleanField("доступен для назначения", default=True)

    class Meta:
        verbose_name = "профиль сотрудника"
        verbose_name_plural = "профили сотрудников"

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.username


class ApiToken(models.Model):
    """A bearer token for the staff API; only its hash is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name="сотрудник")
    key_hash = models.CharField("хеш ключа", max_length=64, unique=True)
    prefix = models.CharField("начало ключа", max_length=8)
    created_at = models.DateTimeField("выпущен", auto_now_add=True)
    last_used_at = models.DateTimeField("последнее использование", null=True, blank=True)
    is_active = models.BooleanField("действует", default=True)

    class Meta:
        verbose_name = "API-токен"
        verbose_name_plural = "API-токены"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user) -> tuple["ApiToken", str]:
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, key_hash=cls.hash(key), prefix=key[:8])
        return token, key

    @classmethod
    def user_for(cls, key: str):
        """The active user of an active token, or None (`accounts.tokens`: read from the shared cache)."""
        from .tokens import user_for

        return user_for(key)


class Absence(models.Model):
    """Leave, sick days, training: while absent a person gets no new appeals automatically."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="absences",
                             verbose_name="сотрудник")
    starts_on = models.DateField("с")
    ends_on = models.DateField("по (включительно)")
    note = models.CharField("причина", max_length=200, blank=True)

    class Meta:
        verbose_name = "отсутствие"
        verbose_name_plural = "отсутствия"
        ordering = ["-starts_on"]
        indexes = [models.Index(fields=["user", "ends_on"], name="absence_user_idx")]

    def __str__(self) -> str:
        return f"{self.user}: {self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError("Дата окончания раньше даты начала.")

"""Residents' own accounts, their one-time codes and linked appeals; the forum's topics, posts and reports.

A resident is not a `User`: staff log in through Django's auth and its one user table, residents through
their own table and their own session key (`residents.session`). Nothing a resident holds can carry staff
flags or permissions, and a staff password opens nothing here.
"""

from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.db.models import Q

from appeals.models import Appeal


class Resident(models.Model):
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("телефон", max_length=20, blank=True, help_text="Хранится в виде +7XXXXXXXXXX.")
    display_name = models.CharField("имя на форуме", max_length=60)
    password = models.CharField("пароль (хеш)", max_length=128, blank=True)
    confirmed_at = models.DateTimeField("адрес подтверждён", null=True, blank=True)
    created_at = models.DateTimeField("зарегистрирован", auto_now_add=True)
    last_login = models.DateTimeField("последний вход", null=True, blank=True)
    is_active = models.BooleanField("действует", default=True)
    forum_trusted = models.BooleanField("сообщения публикуются сразу", default=False,
                                        help_text="Ставится, когда модератор одобрил первое сообщение.")
    forum_restricted = models.BooleanField("сообщения только после проверки", default=False)

    class Meta:
        verbose_name = "житель"
        verbose_name_plural = "жители (личные кабинеты)"
        constraints = [
            models.UniqueConstraint(fields=["email"], condition=~Q(email=""), name="resident_email_unique"),
            models.UniqueConstraint(fields=["phone"], condition=~Q(phone=""), name="resident_phone_unique"),
            models.CheckConstraint(condition=~Q(email="", phone=""), name="resident_has_contact"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def has_password(self) -> bool:
        return bool(self.password)

    def set_password(self, raw: str) -> None:
        self.password = make_password(raw)

    def check_password(self, raw: str) -> bool:
        return bool(self.password) and check_password(raw, self.password)


class OneTimeCode(models.Model):
    """Six digits sent to the resident's e-mail or phone; only a keyed hash is stored, used once."""

    class Purpose(models.TextChoices):
        CONFIRM = "confirm", "подтверждение адреса"
        LOGIN = "login", "вход"
        RESET = "reset", "новый пароль"

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="codes", verbose_name="житель")
    purpose = models.CharField("для чего", max_length=10, choices=Purpose.choices)
    code_hash = models.CharField("хеш кода", max_length=64)
    salt = models.CharField("соль", max_length=32)
    created_at = models.DateTimeField("выдан", auto_now_add=True)
    expires_at = models.DateTimeField("действует до")
    attempts = models.PositiveSmallIntegerField("неверных попыток", default=0)
    used_at = models.DateTimeField("использован", null=True, blank=True)

    class Meta:
        verbose_name = "одноразовый код"
        verbose_name_plural = "одноразовые коды"
        indexes = [models.Index(fields=["resident", "purpose", "-created_at"], name="code_resident_idx")]


class AppealLink(models.Model):
    """An appeal the resident added to the account by its number and access code."""

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="appeal_links",
                                 verbose_name="житель")
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="resident_links",
                               verbose_name="обращение")
    linked_at = models.DateTimeField("добавлено", auto_now_add=True)

    class Meta:
        verbose_name = "обращение в личном кабинете"
        verbose_name_plural = "обращения в личных кабинетах"
        constraints = [models.UniqueConstraint(fields=["resident", "appeal"], name="appeal_link_unique")]


class Topic(models.Model):
    title = models.CharField("тема", max_length=150)
    author = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="topics", verbose_name="автор")
    created_at = models.DateTimeField("создана", auto_now_add=True)
    last_post_at = models.DateTimeField("последнее сообщение", db_index=True)
    is_locked = models.BooleanField("закрыта для ответов", default=False)
    is_pinned = models.BooleanField("закреплена", default=False)

    class Meta:
        verbose_name = "тема форума"
        verbose_name_plural = "темы форума"
        indexes = [models.Index(fields=["-is_pinned", "-last_post_at"], name="topic_order_idx")]

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "ждёт проверки"
        PUBLISHED = "published", "опубликовано"
        HIDDEN = "hidden", "скрыто модератором"

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts", verbose_name="тема")
    author = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="posts", verbose_name="автор")
    text = models.TextField("текст")
    is_opening = models.BooleanField("начинает тему", default=False)
    state = models.CharField("состояние", max_length=10, choices=State.choices)
    created_at = models.DateTimeField("написано", auto_now_add=True)
    moderated_at = models.DateTimeField("проверено", null=True, blank=True)
    moderated_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name="модератор")

    class Meta:
        verbose_name = "сообщение форума"
        verbose_name_plural = "сообщения форума"
        permissions = [("moderate_forum", "Модерировать форум")]
        indexes = [models.Index(fields=["topic", "state", "created_at"], name="post_topic_idx"),
                   models.Index(fields=["state", "created_at"], name="post_state_idx")]


class Report(models.Model):
    """Someone's complaint about a post; it waits in the moderators' queue until resolved."""

    class Reason(models.TextChoices):
        INSULT = "insult", "Оскорбления, грубость"
        PERSONAL = "personal", "Чужие персональные данные"
        SPAM = "spam", "Реклама, спам"
        OFF_TOPIC = "off_topic", "Не по теме"
        OTHER = "other", "Другое"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports", verbose_name="сообщение")
    reason = models.CharField("причина", max_length=10, choices=Reason.choices)
    comment = models.CharField("пояснение", max_length=500, blank=True)
    created_at = models.DateTimeField("поступила", auto_now_add=True)
    resolved_at = models.DateTimeField("рассмотрена", null=True, blank=True)
    resolved_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="модератор")

    class Meta:
        verbose_name = "жалоба на сообщение"
        verbose_name_plural = "жалобы на сообщения"
        indexes = [models.Index(fields=["resolved_at", "created_at"], name="report_queue_idx")]

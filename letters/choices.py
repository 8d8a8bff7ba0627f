from django.db import models


class LetterKind(models.TextChoices):
    ANSWER = "answer", "Ответ"
    REFUSAL = "refusal", "Отказ"
    EXTENSION = "extension", "Продление срока"


class Delivery(models.TextChoices):
    EMAIL = "email", "По e-mail"
    POST = "post", "К отправке почтой"
    NONE = "none", "Не отправлено"

"""Enumerations of the appeal domain: codes in English, labels in Russian."""

from django.db import models


class Kind(models.TextChoices):
    COMPLAINT = "complaint", "Жалоба"
    APPEAL = "appeal", "Обращение"
    REQUEST = "request", "Заявка"
    QUESTION = "question", "Вопрос"
    PROPOSAL = "proposal", "Предложение"


class Channel(models.TextChoices):
    PHONE = "phone", "Телефон"
    IN_PERSON = "in_person", "Личный приём"
    WEB = "web", "Интернет-приёмная"
    EMAIL = "email", "Электронная почта"
    POST = "post", "Почта"
    API = "api", "Внешняя система"
    OPEN311 = "open311", "Open311"


class Complexity(models.TextChoices):
    A = "A", "А — типовое"
    B = "B", "Б — требует анализа"
    V = "V", "В — сложное"


class Priority(models.TextChoices):
    EMERGENCY = "emergency", "Аварийное"
    HIGH = "high", "Высокий"
    NORMAL = "normal", "Обычный"


class Favour(models.TextChoices):
    APPLICANT = "applicant", "Заявителя"
    COMPANY = "company", "Компании"
    PARTLY = "partly", "Частично"


class Status(models.TextChoices):
    RECEIVED = "received", "Поступило"
    CLARIFICATION = "clarification", "Возвращено для уточнения"
    REGISTERED = "registered", "Зарегистрировано"
    ASSIGNED = "assigned", "Назначен ответственный"
    IN_PROGRESS = "in_progress", "В работе"
    WAITING_APPLICANT = "waiting_applicant", "Ожидает ответа заявителя"
    WAITING_EXTERNAL = "waiting_external", "Ожидает ответа организации"
    ANSWER_DRAFTED = "answer_drafted", "Подготовлен проект ответа"
    ANSWERED = "answered", "Дан ответ"
    ESCALATED = "escalated", "Передано в вышестоящую организацию"
    CLOSED = "closed", "Закрыто"
    WITHDRAWN = "withdrawn", "Отозвано заявителем"


# States in which the clock is stopped because we wait for the applicant.
PAUSED_STATUSES = frozenset({Status.CLARIFICATION, Status.WAITING_APPLICANT})
FINAL_STATUSES = frozenset({Status.ANSWERED, Status.ESCALATED, Status.CLOSED, Status.WITHDRAWN})
OPEN_STATUSES = frozenset(s for s in Status.values if s not in FINAL_STATUSES)
# Open and with the clock running: the appeals that can be overdue.
RUNNING_STATUSES = OPEN_STATUSES - PAUSED_STATUSES

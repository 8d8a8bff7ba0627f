from django.conf import settings
from django.db import models
from django.utils import timezone

from deadlines.models import NormKind
from deadlines.norms import find_norm
from priemnaya.matching import fold

from .choices import OPEN_STATUSES, RUNNING_STATUSES, Channel, Complexity, Favour, Kind, Priority, Status
from .workflow import TRANSITIONS


class Category(models.Model):
    code = models.SlugField("код", max_length=40, unique=True)
    name = models.CharField("название", max_length=200)
    order = models.PositiveIntegerField("порядок", default=0)

    class Meta:
        verbose_name = "категория"
        verbose_name_plural = "категории"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Reason(models.Model):
    """A leaf of the classification tree; carries its defaults (norms live in deadlines)."""

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="reasons", verbose_name="категория")
    code = models.SlugField("код", max_length=60, unique=True)
    name = models.CharField("название", max_length=300)
    is_emergency = models.BooleanField("аварийная", default=False)
    default_complexity = models.CharField("сложность по умолчанию", max_length=1, choices=Complexity.choices,
                                          default=Complexity.A)
    department = models.ForeignKey("accounts.Department", null=True, blank=True, on_delete=models.SET_NULL,
                                   verbose_name="подразделение по умолчанию")
    order = models.PositiveIntegerField("порядок", default=0)
    is_active = models.BooleanField("используется", default=True)

    class Meta:
        verbose_name = "причина"
        verbose_name_plural = "причины"
        ordering = ["category__order", "order", "name"]

    def __str__(self) -> str:
        return f"{self.category.name} → {self.name}"


class ResourceCompany(models.Model):
    name = models.CharField("название", max_length=300, unique=True)
    service = models.CharField("ресурс / услуга", max_length=200, blank=True)
    phone = models.CharField("телефон", max_length=60, blank=True)
    email = models.EmailField("e-mail", blank=True)

    class Meta:
        verbose_name = "ресурсоснабжающая организация"
        verbose_name_plural = "ресурсоснабжающие организации"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def name_key(full_name: str) -> str:
    """How a name is compared and searched: the matching form (`priemnaya.matching.fold`: lower case,
    ё as е, invisible characters and look-alike letters put right), one space between words."""
    return " ".join(fold(full_name).split())


class Applicant(models.Model):
    full_name = models.CharField("ФИО", max_length=300)
    phone = models.CharField("телефон", max_length=20, blank=True, db_index=True,
                             help_text="Хранится в виде +7XXXXXXXXXX.")
    email = models.EmailField("e-mail", blank=True)
    postal_address = models.CharField("почтовый адрес", max_length=400, blank=True)
    building = models.ForeignKey("housing.Building", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="applicants", verbose_name="дом")
    flat = models.CharField("квартира", max_length=20, blank=True)
    is_disabled = models.BooleanField("инвалидность", default=False)
    is_veteran = models.BooleanField("ветеран", default=False)
    is_elderly = models.BooleanField("пожилой возраст", default=False)
    is_low_income = models.BooleanField("малоимущий", default=False)
    name_key = models.CharField("ключ поиска по ФИО", max_length=300, db_index=True, editable=False)
    created_at = models.DateTimeField("добавлен", default=timezone.now)

    class Meta:
        verbose_name = "заявитель"
        verbose_name_plural = "заявители"
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.full_name)
        super().save(*args, **kwargs)

    @property
    def care_flags(self) -> list[str]:
        """Labels of the individual-approach flags that are set."""
        flags = [("is_disabled", "инвалидность"), ("is_veteran", "ветеран"),
                 ("is_elderly", "пожилой"), ("is_low_income", "малоимущий")]
        return [label for field, label in flags if getattr(self, field)]

    @property
    def address(self) -> str:
        if self.building_id:
            return f"{self.building.address}" + (f", кв. {self.flat}" if self.flat else "")
        return self.postal_address


class Appeal(models.Model):
    number = models.CharField("номер", max_length=20, unique=True)
    access_code = models.CharField("код доступа", max_length=20)
    kind = models.CharField("вид", max_length=20, choices=Kind.choices, default=Kind.APPEAL)
    channel = models.CharField("канал", max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField("дата поступления")
    registered_at = models.DateTimeField("дата регистрации", null=True, blank=True)
    applicant = models.ForeignKey(Applicant, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="appeals", verbose_name="заявитель")
    building = models.ForeignKey("housing.Building", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="appeals", verbose_name="дом")
    flat = models.CharField("квартира", max_length=20, blank=True)
    address_text = models.CharField("адрес (как указан)", max_length=400, blank=True)
    text = models.TextField("текст обращения")
    short_content = models.CharField("краткое содержание", max_length=300)
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.PROTECT, verbose_name="категория")
    reason = models.ForeignKey(Reason, null=True, blank=True, on_delete=models.PROTECT, verbose_name="причина")
    complexity = models.CharField("сложность", max_length=1, choices=Complexity.choices, default=Complexity.A)
    priority = models.CharField("приоритет", max_length=20, choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField("статус", max_length=30, choices=Status.choices, default=Status.RECEIVED)
    department = models.ForeignKey("accounts.Department", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="appeals", verbose_name="подразделение")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="assigned_appeals", verbose_name="ответственный")
    result = models.CharField("результат", max_length=500, blank=True)
    resolved_in_favour_of = models.CharField("в чью пользу", max_length=20, choices=Favour.choices, blank=True)
    answer_text = models.TextField("ответ", blank=True)
    is_refusal = models.BooleanField("обоснованный отказ", default=False)
    answered_at = models.DateTimeField("дата ответа", null=True, blank=True)
    registration_due = models.DateTimeField("срок регистрации", null=True, blank=True)
    answer_due = models.DateTimeField("срок ответа", null=True, blank=True)
    extended_at = models.DateTimeField("дата продления", null=True, blank=True)
    extension_reason = models.TextField("причина продления", blank=True)
    paused_at = models.DateTimeField("срок приостановлен с", null=True, blank=True)
    closed_at = models.DateTimeField("дата закрытия", null=True, blank=True)
    linked = models.ManyToManyField("self", blank=True, verbose_name="связанные обращения")
    search_lemmas = models.TextField("леммы для поиска", blank=True, editable=False)
    created_at = models.DateTimeField("создано", auto_now_add=True)
    updated_at = models.DateTimeField("изменено", auto_now=True)

    class Meta:
        verbose_name = "обращение"
        verbose_name_plural = "обращения"
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["-received_at", "-id"], name="appeal_journal_idx"),
            models.Index(fields=["status", "-received_at"], name="appeal_status_idx"),
            models.Index(fields=["department", "status", "-received_at"], name="appeal_dept_status_idx"),
            models.Index(fields=["assignee", "status", "answer_due"], name="appeal_assignee_idx"),
            # Each person's load (`appeals.load`), read at every routing: from the index alone on PostgreSQL.
            models.Index(fields=["assignee", "status", "answer_due"], include=["complexity", "priority"],
                         name="appeal_load_idx", condition=models.Q(status__in=sorted(OPEN_STATUSES))),
            models.Index(fields=["status", "answer_due"], name="appeal_due_idx"),
            # The due filters (`appeals.journal`): their matches counted from it alone, then read through it.
            models.Index(fields=["answer_due"], name="appeal_running_due_idx",
                         condition=models.Q(status__in=sorted(RUNNING_STATUSES))),
            models.Index(fields=["building", "-received_at"], name="appeal_building_idx"),
            models.Index(fields=["category", "-received_at"], name="appeal_category_idx"),
            models.Index(fields=["reason", "-received_at"], name="appeal_reason_idx"),
            models.Index(fields=["channel", "-received_at"], name="appeal_channel_idx"),
            # The overdue filter: newest first among the open appeals only, however old the backlog.
            models.Index(fields=["-received_at", "-id"], name="appeal_open_idx",
                         condition=models.Q(status__in=sorted(OPEN_STATUSES))),
            # The newest answers first: answer drafts ask for the latest one to learn whether any is new.
            models.Index(fields=["-answered_at", "-id"], name="appeal_answered_idx",
                         condition=models.Q(answered_at__isnull=False)),
            # The statistics (insights) group a period's appeals by these columns: read from the index alone
            # on PostgreSQL, not from the wide rows (SQLite has no INCLUDE and makes none of the three).
            models.Index(fields=["received_at"], name="appeal_stats_received_idx",
                         include=["category", "reason", "building", "channel", "kind", "department"]),
            models.Index(fields=["answered_at"], name="appeal_stats_answered_idx",
                         include=["received_at", "answer_due", "status", "resolved_in_favour_of", "is_refusal",
                                  "category", "building", "channel", "department"],
                         condition=models.Q(answered_at__isnull=False)),
            models.Index(fields=["answer_due"], name="appeal_stats_overdue_idx",
                         include=["category", "building", "channel", "department"],
                         condition=models.Q(status__in=sorted(RUNNING_STATUSES))),
            # Repeats at a building (the same reason again within N days): the statistics' window reads the
            # appeals in this order instead of sorting a year of them.
            models.Index(fields=["building", "reason", "received_at"], name="appeal_repeats_idx",
                         condition=models.Q(building__isnull=False, reason__isnull=False)),
            models.Index(fields=["extended_at"], name="appeal_extended_idx",
                         condition=models.Q(extended_at__isnull=False)),
        ]
        permissions = [
            ("register_appeal", "Принимать, регистрировать и направлять обращения"),
            ("view_all_appeals", "Видеть обращения всех подразделений"),
            ("work_appeal", "Работать с обращениями, за которые отвечает"),
            ("work_any_appeal", "Работать с любым обращением вместо ответственного"),
            ("assign_appeal", "Назначать и переназначать ответственных"),
            ("extend_appeal", "Продлевать срок рассмотрения"),
            ("escalate_appeal", "Передавать обращения в вышестоящую организацию"),
            ("reopen_appeal", "Возобновлять рассмотрение"),
            ("view_applicant", "Видеть персональные данные заявителей"),
            ("export_journal", "Выгружать журнал"),
            ("view_pd_access_log", "Читать журнал доступа к персональным данным"),
        ]

    def __str__(self) -> str:
        return f"№ {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def counted_in_hours(self) -> bool:
        """Emergency norms run in minutes (the deadline has a time that matters), the others in working days."""
        return find_norm(NormKind.ANSWER, reason_id=self.reason_id, complexity=self.complexity,
                         channel=self.channel).by_hours

    def due_state(self, now=None):
        """How the appeal stands against its answer deadline (`appeals.due`)."""
        from .due import due_state

        return due_state(self, now)

    def extension_refusal(self) -> str:
        """Why the answer deadline cannot be extended now; empty when it can (W4: categories Б and В, once)."""
        if self.complexity not in (Complexity.B, Complexity.V):
            return "Продлить срок можно только для обращений категории Б или В; это обращение — категории А."
        if self.extended_at is not None:
            return "Срок этого обращения уже продлевался; повторное продление не допускается."
        if self.status not in TRANSITIONS["extend"].sources:
            return f"В статусе «{self.get_status_display()}» срок не продлевают."
        return ""

    def escalation_refusal(self) -> str:
        """Why the appeal cannot go to the higher organisation; empty when it can (W4: category В)."""
        if self.complexity != Complexity.V:
            return "В вышестоящую организацию передаются только обращения категории В."
        return ""

    @property
    def needs_hq_notice(self) -> bool:
        """W7: a refusal, or a decision not (fully) in the applicant's favour, names the higher organisation."""
        return self.is_refusal or self.resolved_in_favour_of in (Favour.COMPANY, Favour.PARTLY)

    @property
    def problem_address(self) -> str:
        """Where the problem is: the registry's building (and flat), else the address as it was given.
        Not the applicant's home, which may be another building."""
        if self.building_id:
            return self.building.address + (f", кв. {self.flat}" if self.flat else "")
        return self.address_text

    @property
    def decided_result(self) -> str:
        """The journal's «Результат»: the decision's short result, nothing while the appeal is open
        (a reopened appeal's earlier result no longer stands)."""
        return "" if self.is_open else self.result

    @property
    def decided_in_favour_of(self) -> str:
        """The journal's «В чью пользу решено», as a label; nothing while the appeal is open."""
        return "" if self.is_open else self.get_resolved_in_favour_of_display()

    def get_absolute_url(self) -> str:
        return f"/staff/appeals/{self.number}/"

    def save(self, *args, **kwargs):
        from .search import appeal_index_text

        self.search_lemmas = appeal_index_text(self.text, self.short_content, self.address_text, self.number)
        super().save(*args, **kwargs)


class HistoryRow(models.Model):
    """One row of a history (an appeal's, a proposal's): who did what when, and which field went from what to
    what. Append-only."""

    at = models.DateTimeField("когда", default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              verbose_name="кто")
    action = models.CharField("действие", max_length=40)
    field = models.CharField("поле", max_length=40, blank=True)
    old_value = models.TextField("было", blank=True)
    new_value = models.TextField("стало", blank=True)
    note = models.TextField("примечание", blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]


class AppealEvent(HistoryRow):
    """One row of the appeal's history."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="events", verbose_name="обращение")
    is_public = models.BooleanField("видно заявителю", default=False)

    class Meta:
        verbose_name = "запись истории обращения"
        verbose_name_plural = "история обращений"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["appeal", "at"], name="event_appeal_at_idx"),
                   # The statistics count a period's escalations and other steps by name.
                   models.Index(fields=["action", "at"], name="event_action_at_idx")]

    def __str__(self) -> str:
        return f"{self.appeal_id} {self.action} {self.at:%Y-%m-%d %H:%M}"


class OutgoingRequest(models.Model):
    """A request for information sent to a resource company (W5), with its reply."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="outgoing_requests",
                               verbose_name="обращение")
    organization = models.ForeignKey(ResourceCompany, on_delete=models.PROTECT, verbose_name="организация")
    subject = models.TextField("содержание запроса")
    sent_at = models.DateField("отправлен")
    due_at = models.DateField("ожидаем ответ до")
    answered_at = models.DateField("ответ получен", null=True, blank=True)
    reply = models.TextField("ответ организации", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT,
                                   verbose_name="кто отправил")

    class Meta:
        verbose_name = "исходящий запрос"
        verbose_name_plural = "исходящие запросы"
        ordering = ["sent_at", "id"]


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"attachments/{instance.appeal.received_at:%Y/%m}/{instance.appeal.number}/{filename}"


class Attachment(models.Model):
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="attachments",
                               verbose_name="обращение")
    file = models.FileField("файл", upload_to=attachment_path)
    original_name = models.CharField("имя файла", max_length=255)
    content_type = models.CharField("тип файла", max_length=100)
    size = models.PositiveIntegerField("размер, байт")
    uploaded_at = models.DateTimeField("загружено", default=timezone.now)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    verbose_name="кто загрузил")

    class Meta:
        verbose_name = "вложение"
        verbose_name_plural = "вложения"
        ordering = ["uploaded_at", "id"]


class NumberSequence(models.Model):
    """Per-year counter behind the dictatable appeal numbers (26-004217)."""

    year = models.PositiveIntegerField("год", primary_key=True)
    last = models.PositiveIntegerField("последний номер", default=0)

    class Meta:
        verbose_name = "счётчик номеров"
        verbose_name_plural = "счётчики номеров"


class PersonalDataAccess(models.Model):
    """152-ФЗ: who looked at whose personal data, when and where."""

    at = models.DateTimeField("когда", default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name="сотрудник")
    action = models.CharField("действие", max_length=40)
    applicant = models.ForeignKey(Applicant, null=True, blank=True, on_delete=models.PROTECT, verbose_name="заявитель")
    appeal = models.ForeignKey(Appeal, null=True, blank=True, on_delete=models.PROTECT, verbose_name="обращение")
    detail = models.CharField("подробности", max_length=300, blank=True)
    ip = models.GenericIPAddressField("IP-адрес", null=True, blank=True)

    class Meta:
        verbose_name = "запись о доступе к персональным данным"
        verbose_name_plural = "журнал доступа к персональным данным"
        ordering = ["-at", "-id"]


class Notification(models.Model):
    """A message to a staff member: deadline warnings, new assignments, a resident's appeal to the HQ."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", "Назначено вам"
        DUE_SOON = "due_soon", "Срок истекает"
        OVERDUE = "overdue", "Срок нарушен"
        HQ_REQUEST = "hq_request", "Заявитель обратился в Региональный штаб"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
                             verbose_name="сотрудник")
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="notifications",
                               verbose_name="обращение")
    kind = models.CharField("вид", max_length=20, choices=Kind.choices)
    due = models.DateTimeField("срок", null=True, blank=True)
    created_at = models.DateTimeField("создано", default=timezone.now)
    read_at = models.DateTimeField("прочитано", null=True, blank=True)

    class Meta:
        verbose_name = "уведомление"
        verbose_name_plural = "уведомления"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "appeal", "kind", "due"], name="notification_once"),
        ]
        # Pruning finds the old ones by age (retention.pruning).
        indexes = [models.Index(fields=["created_at"], name="notification_created_idx")]

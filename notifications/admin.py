from django.contrib import admin
from django.utils.html import format_html

from appeals import personal_data

from .events import EVENTS
from .models import Attempt, Message, Subscription, Template
from .rendering import TemplateProblem, check, render

# What the preview fills the placeholders with.
SAMPLE = {
    "number": "2026-000123", "status": "зарегистрировано", "applicant_name": "Иванова Мария Петровна",
    "access_code": "K7Q2MX9R4T", "company_name": "УК «Пример»", "company_phone": "8 (812) 000-00-00",
    "answer_due": "15.12.2026", "extension_reason": "Нужна проверка подрядчика.",
    "answer_text": "Кровлю над вашей квартирой отремонтируют до пятницы.",
    "hq_notice": "Если вы не согласны с ответом, вы вправе обратиться в вышестоящую организацию: "
                 "Региональный штаб по защите прав потребителей.",
    "note": "", "unsubscribe_url": "https://example.ru/notifications/unsubscribe/…/",
    "invoice_number": "С-17", "invoice_date": "03.12.2026", "invoice_total": "1 234,56 ₽",
    "service_name": "Замена смесителя", "supplier_name": "УК «Пример»",
    "letter_number": "26-0017", "letter_date": "03.12.2026", "letter_kind": "ответ",
    "person_name": "Пётр Смирнов", "total": 2,
    "overdue": [{"number": "2026-000101", "due": "01.12.2026 18:00"}],
    "due_soon": [{"number": "2026-000120", "due": "04.12.2026 18:00"}],
    "hq_name": "Региональный штаб по защите прав потребителей", "request_date": "05.12.2026",
    "company_full_name": "ООО «Управляющая компания „Пример“»", "received": "01.12.2026", "answered": "04.12.2026",
    "applicant_contacts": "+79211234567, ivanova@example.ru", "address": "улица Марата, д. 7, кв. 12",
    "appeal_text": "Протекает крыша над квартирой.", "request_text": "Крыша по-прежнему течёт после ремонта.",
}


@admin.register(Template)
class TemplateAdmin(admin.ModelAdmin):
    list_display = ["event", "channel", "subject", "updated_at"]
    list_filter = ["event", "channel"]
    fields = ["event", "channel", "subject", "body", "placeholders", "preview"]
    readonly_fields = ["placeholders", "preview"]

    @admin.display(description="подстановки")
    def placeholders(self, obj):
        event = EVENTS.get(obj.event) if obj else None
        return ", ".join("{{ " + name + " }}" for name in event.placeholders) if event else "—"

    @admin.display(description="как выглядит (на примере)")
    def preview(self, obj):
        if obj is None or not obj.pk:
            return "Сохраните шаблон, чтобы увидеть пример."
        try:
            allowed = EVENTS[obj.event].placeholders
            check(obj.subject, allowed)
            check(obj.body, allowed)
        except TemplateProblem as problem:
            return str(problem)
        return format_html('<div class="notification-preview"><strong>{}</strong><pre>{}</pre></div>',
                           render(obj.subject, SAMPLE), render(obj.body, SAMPLE))


class AttemptInline(admin.TabularInline):
    model = Attempt
    extra = 0
    can_delete = False
    readonly_fields = ["at", "ok", "error"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "event", "channel", "recipient", "status", "attempts"]
    list_filter = ["status", "event", "channel"]
    search_fields = ["recipient"]
    readonly_fields = [f.name for f in Message._meta.fields]
    inlines = [AttemptInline]

    def get_queryset(self, request):
        # A message to an applicant carries their name and access code: loading the applicant with it puts
        # the view in the 152-ФЗ access log (appeals.personal_data), as every staff page that shows one.
        return super().get_queryset(request).select_related("appeal__applicant")

    def get_object(self, request, object_id, from_field=None):
        message = super().get_object(request, object_id, from_field)
        if message is not None and message.appeal is not None:
            personal_data.describe(detail="исходящее сообщение", appeal=message.appeal,
                                   applicant=message.appeal.applicant)
        return message

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["address", "opted_out_at"]
    search_fields = ["address"]
    readonly_fields = ["address", "opted_out_at"]

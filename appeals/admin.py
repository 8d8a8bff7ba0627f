from django.contrib import admin

from deadlines.admin import DeadlineNormForm
from deadlines.models import DeadlineNorm

from . import personal_data
from .models import Appeal, AppealEvent, Category, OutgoingRequest, PersonalDataAccess, Reason, ResourceCompany


class NoDeleteMixin:
    """Appeals and their reference data are never deleted: they are switched off or left as history."""

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyMixin(NoDeleteMixin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Category)
class CategoryAdmin(NoDeleteMixin, admin.ModelAdmin):
    list_display = ("name", "code", "order")
    list_editable = ("order",)
    search_fields = ("name", "code")


class DeadlineNormInline(admin.TabularInline):
    model = DeadlineNorm
    form = DeadlineNormForm
    extra = 0
    fields = ("kind", "complexity", "channel", "working_days", "minutes", "note")
    verbose_name_plural = "нормативы сроков для этой причины"


@admin.register(Reason)
class ReasonAdmin(NoDeleteMixin, admin.ModelAdmin):
    list_display = ("name", "category", "department", "default_complexity", "is_emergency", "is_active")
    list_filter = ("category", "department", "default_complexity", "is_emergency", "is_active")
    list_select_related = ("category", "department")
    search_fields = ("name", "code", "category__name")
    inlines = [DeadlineNormInline]


@admin.register(ResourceCompany)
class ResourceCompanyAdmin(NoDeleteMixin, admin.ModelAdmin):
    list_display = ("name", "service", "phone", "email")
    search_fields = ("name", "service")


class AppealEventInline(ReadOnlyMixin, admin.TabularInline):
    model = AppealEvent
    fields = ("at", "actor", "action", "field", "old_value", "new_value", "note", "is_public")
    readonly_fields = fields
    extra = 0
    verbose_name_plural = "история"


class OutgoingRequestInline(ReadOnlyMixin, admin.TabularInline):
    model = OutgoingRequest
    fields = ("organization", "subject", "sent_at", "due_at", "answered_at", "reply")
    readonly_fields = fields
    extra = 0


@admin.register(Appeal)
class AppealAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("number", "received_at", "channel", "kind", "category", "status", "priority", "department",
                    "assignee", "answer_due")
    list_filter = ("status", "channel", "kind", "priority", "complexity", "category", "department")
    list_select_related = ("category", "department", "assignee")
    search_fields = ("number",)
    date_hierarchy = "received_at"
    exclude = ("access_code", "search_lemmas")
    inlines = [OutgoingRequestInline, AppealEventInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("applicant", "building", "reason__category")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Every admin page that reads an applicant is logged (priemnaya.access_log); this one names its appeal.
        appeal = Appeal.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
        personal_data.describe(action="admin_view", appeal=appeal)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("at", "user", "action", "applicant", "appeal", "detail", "ip")
    list_filter = ("action",)
    list_select_related = ("user", "applicant", "appeal")
    search_fields = ("user__username", "user__last_name", "appeal__number", "applicant__full_name")
    date_hierarchy = "at"

    def _allowed(self, request) -> bool:
        return request.user.is_active and request.user.has_perm("appeals.view_pd_access_log")

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

from django.contrib import admin

from .models import Correction, Decision, FaqEntry, Incident, IncidentAppeal, RoutingRule, TriageSettings


@admin.register(TriageSettings)
class TriageSettingsAdmin(admin.ModelAdmin):
    list_display = ("__str__", "auto_apply_threshold", "suggest_threshold", "auto_assign", "incident_window_days")

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not TriageSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ("order", "category", "reason", "channel", "department", "is_active")
    list_display_links = ("category", "reason")
    list_editable = ("order", "is_active")
    list_filter = ("department", "is_active")
    autocomplete_fields = ("reason",)


class ReadOnlyAdmin(admin.ModelAdmin):
    """What the system recorded: for reading and auditing, never for editing."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("appeal", "created_at", "outcome", "reason", "score", "model_version", "emergency_rule")
    list_filter = ("outcome", "model_version")
    list_select_related = ("appeal", "reason")
    search_fields = ("appeal__number",)
    date_hierarchy = "created_at"


@admin.register(Correction)
class CorrectionAdmin(ReadOnlyAdmin):
    list_display = ("appeal", "at", "predicted", "corrected", "by", "model_version")
    list_filter = ("model_version",)
    list_select_related = ("appeal", "predicted", "corrected", "by")
    search_fields = ("appeal__number", "text")
    date_hierarchy = "at"


class IncidentAppealInline(admin.TabularInline):
    model = IncidentAppeal
    extra = 0
    fields = ("appeal", "linked_at", "linked_by", "score")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ("pk", "title", "building", "status", "opened_at", "last_appeal_at")
    list_filter = ("status",)
    list_select_related = ("building",)
    search_fields = ("title", "building__street")
    fields = ("title", "reason", "building", "status", "opened_at", "last_appeal_at", "answered_at", "answer_text",
              "public_note")
    readonly_fields = ("opened_at", "last_appeal_at", "answered_at", "answer_text")
    inlines = [IncidentAppealInline]
    autocomplete_fields = ("reason", "building")


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    list_display = ("question", "category", "is_published", "order", "updated_at")
    list_editable = ("is_published", "order")
    list_filter = ("is_published", "category")
    search_fields = ("question", "answer", "keywords")
    fields = ("question", "keywords", "answer", "category", "is_published", "order")

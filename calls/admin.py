from django.contrib import admin

from .models import Call, CallCentreNorms, CdrImport, OperatorExtension, Visit


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ("ringing_at", "caller_number", "operator", "outcome", "source")
    list_filter = ("outcome", "source")
    search_fields = ("caller_number", "pbx_id")
    raw_id_fields = ("applicant", "appeal", "operator")
    date_hierarchy = "ringing_at"


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ("arrived_at", "visitor_name", "centre", "operator", "outcome")
    list_filter = ("outcome", "centre")
    raw_id_fields = ("applicant", "appeal", "operator", "appointment")
    date_hierarchy = "arrived_at"


@admin.register(CallCentreNorms)
class CallCentreNormsAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return not CallCentreNorms.objects.exists()


@admin.register(OperatorExtension)
class OperatorExtensionAdmin(admin.ModelAdmin):
    list_display = ("extension", "operator")
    search_fields = ("extension", "operator__username", "operator__last_name")
    raw_id_fields = ("operator",)


@admin.register(CdrImport)
class CdrImportAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at", "rows_done", "rows_added", "rows_known", "error_count", "finished_at")
    readonly_fields = [field.name for field in CdrImport._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

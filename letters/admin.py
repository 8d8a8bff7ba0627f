from django.contrib import admin

from .models import Letter, LetterTemplate
from .rendering import PLACEHOLDERS


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    list_display = ["kind", "signatory_name", "signatory_post", "updated_at"]
    fields = ["kind", "body", "placeholders", "signatory_name", "signatory_post"]
    readonly_fields = ["placeholders"]

    @admin.display(description="подстановки")
    def placeholders(self, obj):
        return ", ".join("{{ " + name + " }}" for name in PLACEHOLDERS) + (
            ". Уведомление о праве обратиться в Региональный штаб ({{ hq_notice }}) письмо об отказе или "
            "о решении не в пользу заявителя содержит всегда: если его нет в тексте, оно добавляется в конце.")


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    """An issued letter is a document: it is read, never edited."""

    list_display = ["number", "date", "kind", "appeal", "addressee_name", "delivery", "sent_at"]
    list_filter = ["kind", "delivery"]
    list_select_related = ["appeal"]
    search_fields = ["number", "appeal__number"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

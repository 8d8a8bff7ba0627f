from django.contrib import admin

from .models import Proposal, ProposalEvent


class ProposalEventInline(admin.TabularInline):
    model = ProposalEvent
    extra = 0
    can_delete = False
    readonly_fields = ("at", "actor", "action", "field", "old_value", "new_value", "note")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    """Read here; opened and changed in the back office, where each change leaves a history row."""

    list_display = ("number", "problem", "owner", "registered_at", "due_at", "implemented_on")
    list_select_related = ("owner",)
    search_fields = ("number", "problem", "measure")
    inlines = [ProposalEventInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

from django.contrib import admin

from .models import InboundMessage


@admin.register(InboundMessage)
class InboundMessageAdmin(admin.ModelAdmin):
    list_display = ["received_at", "from_address", "subject", "outcome", "appeal"]
    list_filter = ["outcome", "source"]
    search_fields = ["from_address", "subject", "message_key"]
    exclude = ["raw"]
    readonly_fields = ["message_key", "source", "envelope_from", "from_address", "subject", "outcome", "note",
                       "appeal"]
    raw_id_fields = ["appeal"]

from django.contrib import admin, messages
from django.utils.html import format_html

from .models import Integration, Submission

KEY_SHOWN_ONCE = ("Ключ API для «{name}»: {key} — передайте его разработчикам системы и сохраните: "
                  "больше он показан не будет.")


def _tell_key(modeladmin, request, integration: Integration, key: str) -> None:
    modeladmin.message_user(request, KEY_SHOWN_ONCE.format(name=integration.name, key=key), messages.WARNING)


@admin.register(Integration)
class IntegrationAdmin(admin.ModelAdmin):
    list_display = ("name", "key_prefix", "is_active", "rate_limit", "answer_with", "last_used_at")
    list_filter = ("is_active",)
    search_fields = ("name", "contact")
    fields = ("name", "contact", "is_active", "rate_limit", "answer_with", "key_prefix", "created_at",
              "last_used_at")
    readonly_fields = ("key_prefix", "created_at", "last_used_at")
    actions = ["issue_new_key"]

    def get_fields(self, request, obj=None):
        # Nothing to show of a key before it exists.
        return self.fields if obj is not None else [f for f in self.fields if f not in self.readonly_fields]

    def save_model(self, request, obj, form, change):
        # The key is made with the integration and shown once; only its hash is kept.
        key = obj.new_key() if not change else None
        super().save_model(request, obj, form, change)
        if key:
            _tell_key(self, request, obj, key)

    def has_delete_permission(self, request, obj=None):
        # Its requests name it in their history: an integration is switched off, never deleted.
        return False

    @admin.action(permissions=["change"], description="Выпустить новый ключ (старый перестанет действовать)")
    def issue_new_key(self, request, queryset):
        for integration in queryset:
            key = integration.new_key()
            integration.save(update_fields=["key_hash", "key_prefix"])
            _tell_key(self, request, integration, key)


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("received_at", "appeal_number", "integration", "service_code", "media_link")
    list_filter = ("integration",)
    list_select_related = ("appeal", "integration")
    search_fields = ("appeal__number",)
    fields = ("received_at", "appeal_number", "integration", "service_code", "latitude", "longitude", "media_link")
    readonly_fields = fields

    @admin.display(description="обращение", ordering="appeal__number")
    def appeal_number(self, obj: Submission):
        return format_html('<a href="{}">№ {}</a>', obj.appeal.get_absolute_url(), obj.appeal.number)

    @admin.display(description="ссылка на фото")
    def media_link(self, obj: Submission):
        # A link for staff to open in their browser, never fetched by the server; it leaves no referrer behind.
        if not obj.media_url:
            return "—"
        return format_html('<a href="{}" rel="noopener noreferrer nofollow" target="_blank">{}</a>',
                           obj.media_url, obj.media_url)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

from django.contrib import admin

from .models import Post, Report, Resident, Topic


@admin.register(Resident)
class ResidentAdmin(admin.ModelAdmin):
    list_display = ("display_name", "email", "phone", "confirmed_at", "last_login", "is_active", "forum_restricted")
    list_filter = ("is_active", "forum_restricted", "forum_trusted")
    search_fields = ("display_name", "email", "phone")
    # The password is only ever set by the resident; codes never appear here.
    fields = ("display_name", "email", "phone", "confirmed_at", "created_at", "last_login", "is_active",
              "forum_trusted", "forum_restricted")
    readonly_fields = ("confirmed_at", "created_at", "last_login")


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("title", "author", "last_post_at", "is_pinned", "is_locked")
    list_filter = ("is_pinned", "is_locked")
    list_select_related = ("author",)
    raw_id_fields = ("author",)


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("pk", "topic", "author", "state", "created_at")
    list_filter = ("state",)
    list_select_related = ("topic", "author")
    raw_id_fields = ("topic", "author", "moderated_by")


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("post", "reason", "created_at", "resolved_at")
    list_filter = ("reason", "resolved_at")
    raw_id_fields = ("post", "resolved_by")

from django.contrib import admin

from .models import Criterion, OperatorComplaint, Review, ReviewScore, Survey


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ("name", "weight", "order", "is_active")
    list_editable = ("weight", "order", "is_active")
    fields = ("code", "name", "hint", "weight", "order", "is_active")


class ReviewScoreInline(admin.TabularInline):
    model = ReviewScore
    extra = 0
    can_delete = False
    readonly_fields = ("criterion", "score", "weight")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("item", "reviewer", "reviewed_at")
    list_select_related = ("item__appeal", "item__operator", "reviewer")
    readonly_fields = ("item", "reviewer", "reviewed_at")
    fields = ("item", "reviewer", "reviewed_at", "comment")
    inlines = [ReviewScoreInline]

    def has_add_permission(self, request):
        return False  # reviews are made on the scoring form, from the queue


@admin.register(OperatorComplaint)
class OperatorComplaintAdmin(admin.ModelAdmin):
    list_display = ("appeal", "operator", "flagged_by", "flagged_at")
    list_select_related = ("appeal", "operator", "flagged_by")
    readonly_fields = ("appeal", "operator", "flagged_by", "flagged_at")

    def has_add_permission(self, request):
        return False


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ("appeal", "sent_at", "expires_at", "rating", "rated_at")
    list_select_related = ("appeal",)
    readonly_fields = ("appeal", "registered_by", "answered_by", "sent_at", "expires_at", "rating", "rated_at",
                       "comment")
    exclude = ("token_hash",)

    def has_add_permission(self, request):
        return False

"""Staff edit the centres, their services, hours, questions and publications here. Appointments are not
shown in the admin: they hold visitors' personal data, which staff see on the back office's day page,
where each view is logged."""

from django.contrib import admin

from .models import Centre, Publication, Question, Service, WeeklyHours


class ServiceInline(admin.StackedInline):
    model = Service
    extra = 0
    fields = [("title", "order", "is_active"), "description", ("slot_minutes", "seats", "own_hours")]


class HoursInline(admin.TabularInline):
    model = WeeklyHours
    extra = 0
    fields = ["weekday", "opens", "closes", "break_starts", "break_ends", "service"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "service":
            centre_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Service.objects.filter(centre_id=centre_id) if centre_id else Service.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = [("question", "order"), "answer"]


@admin.register(Centre)
class CentreAdmin(admin.ModelAdmin):
    list_display = ["name", "address", "phone", "booking_days", "is_active"]
    list_editable = ["is_active"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "address", "phone", "how_to_get", "note", ("booking_days", "order", "is_active")]
    inlines = [ServiceInline, HoursInline, QuestionInline]


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["title", "centre", "published_on", "is_published"]
    list_filter = ["centre", "is_published"]
    list_select_related = ["centre"]
    search_fields = ["title", "text"]
    date_hierarchy = "published_on"

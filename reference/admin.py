"""The section's content, edited by staff; «Смотреть на сайте» shows an item before it is published."""

from django.contrib import admin
from django.db import models
from django.urls import reverse

from .models import CompanyDetails, Contact, ContactGroup, NewsItem, Outage, PaymentPoint, UsefulLink
from .publishing import PREVIEW_PARAM


class PreviewOnSite:
    """A list item's «Смотреть на сайте»: its list page in preview, scrolled to it."""

    list_url = ""
    anchor = ""

    def view_on_site(self, obj):
        return f"{reverse(self.list_url)}?{PREVIEW_PARAM}=1" + (f"#{self.anchor}-{obj.pk}" if self.anchor else "")


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    list_display = ("title", "category", "published_at", "is_published")
    list_filter = ("category", "is_published")
    search_fields = ("title", "lead", "body")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published_at"


@admin.register(Outage)
class OutageAdmin(admin.ModelAdmin):
    list_display = ("__str__", "starts_at", "ends_at", "is_published", "incident")
    list_filter = ("resource", "kind", "is_published")
    list_select_related = ("incident",)
    autocomplete_fields = ("buildings",)
    raw_id_fields = ("incident", "news")
    readonly_fields = ("created_by", "created_at")
    date_hierarchy = "starts_at"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def view_on_site(self, obj):
        return reverse("reference:outages")


@admin.register(PaymentPoint)
class PaymentPointAdmin(PreviewOnSite, admin.ModelAdmin):
    list_display = ("name", "address", "hours", "order", "is_published")
    list_editable = ("order", "is_published")
    search_fields = ("name", "address")
    list_url, anchor = "reference:payment_points", "point"


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ("post", "phone", "email", "hours", "order", "is_published")


@admin.register(ContactGroup)
class ContactGroupAdmin(PreviewOnSite, admin.ModelAdmin):
    list_display = ("title", "order", "is_published")
    list_editable = ("order", "is_published")
    inlines = [ContactInline]
    list_url = "reference:contacts"


@admin.register(UsefulLink)
class UsefulLinkAdmin(PreviewOnSite, admin.ModelAdmin):
    list_display = ("title", "url", "order", "is_published")
    list_editable = ("order", "is_published")
    list_url = "reference:links"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # «gosuslugi.ru» typed without a scheme


@admin.register(CompanyDetails)
class CompanyDetailsAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return super().has_add_permission(request) and not CompanyDetails.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def view_on_site(self, obj):
        return reverse("reference:contacts")

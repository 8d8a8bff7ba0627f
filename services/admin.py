from django.contrib import admin

from .models import Article, Benefit, DocumentTemplate, NormativeAct, Service, Tariff


class PublishableAdmin(admin.ModelAdmin):
    """«Смотреть на сайте» opens the public page; staff see it before it is published (a preview)."""

    list_filter = ("is_published",)
    list_editable = ("is_published", "order")
    actions = ["publish", "unpublish"]

    @admin.action(description="Опубликовать выбранные")
    def publish(self, request, queryset):
        queryset.update(is_published=True)

    @admin.action(description="Снять с публикации выбранные")
    def unpublish(self, request, queryset):
        queryset.update(is_published=False)


@admin.register(NormativeAct)
class NormativeActAdmin(PublishableAdmin):
    list_display = ("citation", "kind", "title", "is_published", "order")
    list_filter = ("kind", "is_published")
    search_fields = ("title", "number", "issuer")
    date_hierarchy = "adopted_on"


class TariffInline(admin.TabularInline):
    model = Tariff
    extra = 1
    autocomplete_fields = ("act",)
    fields = ("variant", "variant_order", "price", "valid_from", "valid_to", "act")


@admin.register(Service)
class ServiceAdmin(PublishableAdmin):
    list_display = ("name", "group", "unit", "price_setter", "is_published", "order")
    list_filter = ("group", "price_setter", "is_published")
    search_fields = ("name", "summary")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("benefits",)
    inlines = [TariffInline]
    fieldsets = [
        (None, {"fields": ("name", "slug", "group", "summary", "is_published", "order")}),
        ("Цена", {"fields": ("unit", "price_setter", "price_basis")}),
        ("Памятка «Как получить услугу»", {"fields": ("how_to_get", "documents_needed", "where")}),
        ("Льготы и субсидии", {"fields": ("benefits",)}),
    ]


@admin.register(Benefit)
class BenefitAdmin(PublishableAdmin):
    list_display = ("title", "act", "is_published", "order")
    search_fields = ("title", "who_qualifies")
    autocomplete_fields = ("act",)
    prepopulated_fields = {"slug": ("title",)}


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(PublishableAdmin):
    list_display = ("title", "kind", "download_name", "is_published", "order")
    list_filter = ("kind", "is_published")
    search_fields = ("title",)
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = ("title", "topic", "published_on", "is_published", "order")
    list_filter = ("topic", "is_published")
    search_fields = ("title", "lead", "body")
    prepopulated_fields = {"slug": ("title",)}

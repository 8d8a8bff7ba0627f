from django.contrib import admin

from .models import Invoice, InvoiceLine, Order, PaidService


@admin.register(PaidService)
class PaidServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "price", "unit", "vat_rate", "is_active", "order")
    list_editable = ("price", "is_active", "order")
    list_filter = ("is_active", "vat_rate")
    search_fields = ("name", "description")


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    """Read only: an order changes through its steps on the appeal page, which write the history."""

    list_display = ("appeal", "service", "status", "price", "quantity", "work_date", "created_at")
    list_filter = ("status", "service")
    list_select_related = ("appeal", "service")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class InvoiceLineInline(admin.TabularInline):
    model = InvoiceLine
    extra = 0
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    """An issued invoice is a document: it is read, never edited."""

    list_display = ("number", "issued_on", "total", "vat_rate")
    inlines = [InvoiceLineInline]
    search_fields = ("number",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

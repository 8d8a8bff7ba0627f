from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from .forms import PROFILE_FIELDS, StaffCreationForm
from .models import Absence, ApiToken, Company, Department, StaffProfile
from .roles import ROLE_TITLES


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("short_name", "phone", "hotline", "email", "hq_name")
    fieldsets = [
        ("Управляющая компания", {"fields": ("name", "short_name", "address", "phone", "hotline", "email")}),
        ("Вышестоящая организация (указывается в ответах заявителям)",
         {"fields": ("hq_name", "hq_address", "hq_phone", "hq_email", "hq_site")}),
        ("Реквизиты (указываются в счетах на оплату платных услуг)",
         {"fields": ("inn", "kpp", "ogrn", "bank_name", "bik", "settlement_account", "correspondent_account",
                     "director", "accountant")}),
    ]

    def has_add_permission(self, request):
        # One company per installation: the record is edited, never added twice.
        return super().has_add_permission(request) and not Company.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "phone")
    search_fields = ("name", "code")


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    verbose_name_plural = "профиль сотрудника"
    fields = ("department", "position", "phone", "is_available")


class AbsenceInline(admin.TabularInline):
    model = Absence
    extra = 0
    fields = ("starts_on", "ends_on", "note")


@admin.register(Absence)
class AbsenceAdmin(admin.ModelAdmin):
    list_display = ("user", "starts_on", "ends_on", "note")
    list_filter = ("user__profile__department",)
    list_select_related = ("user",)
    date_hierarchy = "starts_on"
    autocomplete_fields = ("user",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "created_at", "last_used_at", "is_active")
    list_filter = ("is_active",)
    list_select_related = ("user",)
    readonly_fields = ("prefix", "user", "created_at", "last_used_at")
    fields = ("prefix", "user", "created_at", "last_used_at", "is_active")

    def has_add_permission(self, request):
        # A key is shown once, when the staff member issues it; the admin may only revoke.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    add_form = StaffCreationForm
    add_form_template = None  # Django's asks for the password only and promises the rest on the next screen
    add_fieldsets = [
        ("Учётная запись", {"fields": ("username", "password1", "password2")}),
        ("Сотрудник", {"fields": ("last_name", "first_name", "email", "role")}),
        ("Профиль сотрудника", {"fields": PROFILE_FIELDS}),
    ]
    inlines = [StaffProfileInline, AbsenceInline]
    list_display = ("username", "last_name", "first_name", "department", "role", "is_active", "is_staff")
    list_filter = ("groups", "is_active", "is_staff", "profile__department")
    list_select_related = ("profile__department",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_inline_instances(self, request, obj=None):
        # A new staff member's profile is part of the creation form itself.
        return super().get_inline_instances(request, obj) if obj else []

    def response_add(self, request, obj, post_url_continue=None):
        # Everything is filled in on one screen: «Сохранить» returns to the list like any other model's.
        return super(UserAdmin, self).response_add(request, obj, post_url_continue)

    @admin.display(description="подразделение")
    def department(self, user):
        profile = getattr(user, "profile", None)
        return profile.department if profile and profile.department else "—"

    @admin.display(description="роль")
    def role(self, user):
        titles = set(ROLE_TITLES.values())
        return ", ".join(group.name for group in user.groups.all() if group.name in titles) or "—"

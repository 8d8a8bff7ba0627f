from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from priemnaya.nouns import noun_for

from .importer import import_buildings
from .models import Building
from .services import forget_streets

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class BuildingImportForm(forms.Form):
    file = forms.FileField(
        label="Файл CSV",
        help_text="Столбцы: улица, дом, корпус, литера, район; по желанию широта и долгота. "
                  "Кодировка UTF-8, разделитель «;» или «,».")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError("Загрузите файл в формате CSV (.csv).")
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("Файл больше 5 МБ; разделите его на части.")
        return upload


@admin.register(Building)
class BuildingAdmin(admin.ModelAdmin):
    list_display = ("street", "house", "korpus", "litera", "district", "year_built", "floors", "flats", "is_active")
    list_filter = ("is_active", "district")
    search_fields = ("street", "house", "search_key")
    list_per_page = 50
    actions = ["deactivate", "activate"]
    change_list_template = "admin/housing/building/change_list.html"

    def has_delete_permission(self, request, obj=None):
        # Appeals refer to buildings; a building leaves service instead of being deleted.
        return False

    @admin.action(description="Снять с обслуживания")
    def deactivate(self, request, queryset):
        count = queryset.update(is_active=False)
        forget_streets()
        self._say(request, count, ("Снят", "Снята", "Снято", "Сняты"), "с обслуживания")

    @admin.action(description="Вернуть на обслуживание")
    def activate(self, request, queryset):
        count = queryset.update(is_active=True)
        forget_streets()
        self._say(request, count, ("Возвращён", "Возвращена", "Возвращено", "Возвращены"), "на обслуживание")

    def _say(self, request, count: int, done: tuple[str, str, str, str], where: str) -> None:
        """«Сняты с обслуживания 5 домов», «Снят с обслуживания 1 дом»."""
        noun = noun_for(self.opts)
        self.message_user(request, f"{noun.agree(done, count)} {where} {noun.counted(count)}.")

    def get_urls(self):
        own = [path("import/", self.admin_site.admin_view(self.import_view), name="housing_building_import")]
        return own + super().get_urls()

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = BuildingImportForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            report = import_buildings(form.cleaned_data["file"])
            level = messages.SUCCESS if report.ok else messages.WARNING
            self.message_user(request, report.summary(), level)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Загрузка домов из CSV",
            "form": form,
            "report": report,
        }
        return TemplateResponse(request, "admin/housing/building/import.html", context)

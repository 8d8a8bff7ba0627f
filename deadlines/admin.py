from django import forms
from django.apps import apps
from django.contrib import admin

from .models import CalendarOverride, DeadlineNorm


def _channel_choices() -> list[tuple[str, str]]:
    # The channels are the appeals app's; looked up through the app registry, as the reason is.
    return [("", "любой канал"), *apps.get_model("appeals", "Appeal")._meta.get_field("channel").choices]


class DeadlineNormForm(forms.ModelForm):
    channel = forms.ChoiceField(label="канал", choices=_channel_choices, required=False)

    class Meta:
        model = DeadlineNorm
        fields = ("kind", "reason", "complexity", "channel", "working_days", "minutes", "note")

    def clean(self):
        data = super().clean()
        if data.get("working_days") is None and data.get("minutes") is None:
            raise forms.ValidationError("Укажите срок: в рабочих днях или в минутах для аварийных заявок.")
        return data


@admin.register(DeadlineNorm)
class DeadlineNormAdmin(admin.ModelAdmin):
    form = DeadlineNormForm
    list_display = ("kind", "reason", "complexity", "channel", "working_days", "minutes", "note")
    list_filter = ("kind", "complexity", "channel")
    list_select_related = ("reason__category",)
    autocomplete_fields = ("reason",)
    search_fields = ("reason__name", "note")


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ("date", "is_working", "note")
    list_filter = ("is_working",)
    date_hierarchy = "date"

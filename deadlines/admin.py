from django import forms
from django.contrib import admin

from appeals.choices import Channel

from .models import CalendarOverride, DeadlineNorm

CHANNEL_CHOICES = [("", "любой канал"), *Channel.choices]


class DeadlineNormForm(forms.ModelForm):
    channel = forms.ChoiceField(label="канал", choices=CHANNEL_CHOICES, required=False)

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

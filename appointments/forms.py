"""The public booking and look-up forms, and the staff's day filter."""

import datetime as dt

from django import forms

from appeals.contacts import PHONE_EXAMPLE

from .booking import Visitor, checked_visitor
from .errors import BookingError
from .models import Centre
from .schedule import parse_slot

CONSENT_REQUIRED = "Без согласия на обработку персональных данных мы не можем записать вас на приём."


class BookingForm(forms.Form):
    """The slot comes as a radio of the page's free times; it is checked against the schedule by the booking."""

    slot = forms.CharField(label="Время приёма", max_length=100, error_messages={
        "required": "Выберите время приёма.", "max_length": "Выберите время приёма из списка."})
    full_name = forms.CharField(label="Фамилия, имя, отчество", max_length=300, error_messages={
        "required": "Укажите, пожалуйста, фамилию, имя и отчество."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = forms.CharField(label="Телефон", max_length=40, help_text=f"Например: {PHONE_EXAMPLE} или 8 812 123-45-67.",
                            error_messages={"required": "Укажите телефон: по нему мы предупредим, если приём "
                                                        "придётся перенести."},
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    email = forms.CharField(label="Электронная почта (если хотите)", max_length=254, required=False,
                            widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    consent = forms.BooleanField(label="Я согласен (согласна) на обработку моих персональных данных",
                                 error_messages={"required": CONSENT_REQUIRED})

    def clean_slot(self) -> dt.datetime:
        try:
            return parse_slot(self.cleaned_data["slot"])
        except BookingError as error:
            raise forms.ValidationError(error.message) from None

    def clean(self):
        data = super().clean()
        if {"full_name", "phone", "email"} & set(self.errors):
            return data
        try:
            data["visitor"] = checked_visitor(data.get("full_name", ""), data.get("phone", ""), data.get("email", ""))
        except BookingError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return data

    @property
    def visitor(self) -> Visitor:
        return self.cleaned_data["visitor"]


class LookupForm(forms.Form):
    code = forms.CharField(label="Код подтверждения", max_length=40,
                           help_text="10 знаков: латинские буквы и цифры, например: K7M2QX9RTA. "
                                     "Он указан на странице, которую вы увидели после записи.",
                           error_messages={"required": "Введите код подтверждения."},
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                                         "spellcheck": "false"}))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class DayForm(forms.Form):
    """Which centre's day the staff list shows (GET parameters)."""

    centre = forms.ModelChoiceField(label="Центр", queryset=Centre.objects.none(), empty_label=None,
                                    to_field_name="slug", error_messages={"invalid_choice": "Такого центра нет."})
    day = forms.DateField(label="Дата", widget=DateInput(), input_formats=["%Y-%m-%d", "%d.%m.%Y"],
                          error_messages={"invalid": "Введите дату, например: 07.12.2026."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = Centre.objects.order_by("order", "name")

    def clean_day(self) -> dt.date:
        day = self.cleaned_data["day"]
        if not dt.date(2000, 1, 1) <= day <= dt.date(2100, 12, 31):
            raise forms.ValidationError("Проверьте год: записей на такую дату нет.")
        return day

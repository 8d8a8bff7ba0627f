from django import forms

from backoffice.forms_journal import DateInput, checked_filter_day
from priemnaya.form_once import OnceField

from .choices import LetterKind
from .register import DELIVERIES


class RegisterFilter(forms.Form):
    kind = forms.ChoiceField(label="Вид письма", required=False, choices=[("", "Все письма"), *LetterKind.choices])
    delivery = forms.ChoiceField(label="Как отправлено", required=False,
                                 choices=[("", "Все"), *((code, pair[0]) for code, pair in DELIVERIES.items())])
    date_from = forms.DateField(label="Дата с", required=False, widget=DateInput())
    date_to = forms.DateField(label="по", required=False, widget=DateInput())

    def clean_date_from(self):
        return checked_filter_day(self.cleaned_data["date_from"], "date_from")

    def clean_date_to(self):
        return checked_filter_day(self.cleaned_data["date_to"], "date_to")

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "Дата «по» не может быть раньше даты «с».")
        return data


class IssueForm(forms.Form):
    once = OnceField()  # a double click on «Сформировать письмо» gives the first letter, not a second number

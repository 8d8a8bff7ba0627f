from django import forms

from backoffice.forms_journal import DateInput, PeriodFilter

from .letters import OUTCOMES


class LettersFilter(PeriodFilter):
    outcome = forms.ChoiceField(label="Что стало с письмом", required=False,
                                choices=[("", "Все письма"), *((code, pair[0]) for code, pair in OUTCOMES.items())])
    date_from = forms.DateField(label="Получено с", required=False, widget=DateInput())
    date_to = forms.DateField(label="по", required=False, widget=DateInput())

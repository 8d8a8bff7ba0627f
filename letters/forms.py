from django import forms

from backoffice.forms_journal import DateInput, PeriodFilter
from priemnaya.form_once import OnceField

from .choices import LetterKind
from .register import DELIVERIES


class RegisterFilter(PeriodFilter):
    kind = forms.ChoiceField(label="Вид письма", required=False, choices=[("", "Все письма"), *LetterKind.choices])
    delivery = forms.ChoiceField(label="Как отправлено", required=False,
                                 choices=[("", "Все"), *((code, pair[0]) for code, pair in DELIVERIES.items())])
    date_from = forms.DateField(label="Дата с", required=False, widget=DateInput())
    date_to = forms.DateField(label="по", required=False, widget=DateInput())


class IssueForm(forms.Form):
    once = OnceField()  # a double click on «Сформировать письмо» gives the first letter, not a second number

"""The short form that publishes an outage from an incident."""

from django import forms
from django.utils import timezone

from housing.models import Building
from reference.models import Outage
from reference.outages import OutageData

_MOMENT = {"widget": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}


class OutageForm(forms.Form):
    resource = forms.ChoiceField(label="Что отключено", choices=Outage.Resource.choices)
    kind = forms.ChoiceField(label="Вид", choices=Outage.Kind.choices)
    buildings = forms.ModelMultipleChoiceField(label="Дома", queryset=Building.objects.none(),
                                               widget=forms.CheckboxSelectMultiple,
                                               error_messages={"required": "Отметьте хотя бы один дом."})
    starts_at = forms.DateTimeField(label="Начало", **_MOMENT, error_messages={"required": "Укажите начало."})
    ends_at = forms.DateTimeField(label="Ожидаемое окончание", required=False, **_MOMENT,
                                  help_text="Пусто — срок пока неизвестен; укажите его, как только узнаете.")
    note = forms.CharField(label="Пояснение жителям", max_length=400, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text="Без имён и номеров квартир: это увидят все на сайте.")

    def __init__(self, *args, buildings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buildings"].queryset = Building.objects.filter(pk__in=[b.pk for b in buildings])

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "Окончание должно быть позже начала.")
        if ends and ends <= timezone.now():
            self.add_error("ends_at", "Окончание уже прошло: такое отключение на сайте не покажется.")
        return data

    def outage_data(self) -> OutageData:
        data = self.cleaned_data
        return OutageData(resource=data["resource"], kind=data["kind"], buildings=list(data["buildings"]),
                          starts_at=data["starts_at"], ends_at=data["ends_at"], note=data["note"].strip())

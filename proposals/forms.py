from django import forms
from django.contrib.auth.models import User
from django.utils import timezone

from accounts.roles import ROLE_TITLES
from appeals.models import Reason
from backoffice.forms_journal import DateInput
from housing.models import Building


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.username


def staff_people():
    return (User.objects.filter(is_active=True, groups__name__in=ROLE_TITLES.values()).distinct()
            .order_by("last_name", "first_name", "username"))


class BuildingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.address


class ProposalForm(forms.Form):
    problem = forms.CharField(label="Проблема", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
                              error_messages={"required": "Опишите проблему."})
    measure = forms.CharField(label="Мера", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
                              error_messages={"required": "Опишите меру, которая должна её устранить."})
    owner = PersonChoice(label="Ответственный", queryset=User.objects.none(), empty_label="— выберите —",
                         error_messages={"required": "Выберите ответственного.",
                                         "invalid_choice": "Выберите ответственного из списка."})
    reason = forms.ModelChoiceField(label="Причина обращений", required=False, empty_label="— как у связанных —",
                                    queryset=Reason.objects.none(),
                                    help_text="По ней и дому считается эффект меры; без неё — по связанным "
                                              "обращениям и инцидентам.")
    building = BuildingChoice(label="Дом", required=False, empty_label="— все дома —", queryset=Building.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_people()
        self.fields["reason"].queryset = Reason.objects.select_related("category").order_by("category__order", "order")
        self.fields["building"].queryset = Building.objects.order_by("street", "house")


class LinkForm(forms.Form):
    appeal = forms.CharField(label="Номер обращения", max_length=20, required=False)
    incident = forms.IntegerField(label="Номер инцидента", min_value=1, required=False,
                                  error_messages={"invalid": "Номер инцидента — целое число."})

    def clean(self):
        data = super().clean()
        if not data.get("appeal") and not data.get("incident"):
            raise forms.ValidationError("Укажите номер обращения или инцидента.")
        return data


class ImplementedForm(forms.Form):
    on = forms.DateField(label="Дата внедрения", widget=DateInput(),
                         error_messages={"required": "Укажите дату внедрения.", "invalid": "Дата указана неверно."})
    by = PersonChoice(label="Кто внедрил", queryset=User.objects.none(),
                      error_messages={"required": "Укажите, кто внедрил меру.",
                                      "invalid_choice": "Выберите сотрудника из списка."})
    what = forms.CharField(label="Что сделано", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
                           error_messages={"required": "Опишите, что сделано."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["by"].queryset = staff_people()
        self.fields["on"].initial = timezone.localdate()


class ListFilter(forms.Form):
    state = forms.ChoiceField(label="Состояние", required=False, choices=[
        ("", "Все"), ("open", "Не внедрены"), ("overdue", "Просрочены"), ("implemented", "Внедрены")])
    owner = PersonChoice(label="Ответственный", required=False, empty_label="Все", queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_people()

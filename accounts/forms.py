from django import forms
from django.contrib.auth.forms import UserCreationForm

from .models import StaffProfile
from .roles import ROLE_TITLES, SPECIALIST, set_role

PROFILE_FIELDS = ("department", "position", "phone", "is_available")


def _profile_field(name: str) -> forms.Field:
    return StaffProfile._meta.get_field(name).formfield()


class StaffCreationForm(UserCreationForm):
    """A new staff member on one screen: the account, the role and the staff profile, saved together."""

    role = forms.ChoiceField(label="Роль", choices=[("", "—"), *ROLE_TITLES.items()])
    department = _profile_field("department")
    position = _profile_field("position")
    phone = _profile_field("phone")
    is_available = _profile_field("is_available")

    class Meta(UserCreationForm.Meta):
        fields = ("username", "last_name", "first_name", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Staff sign answers and are chosen as responsible by name.
        for name, message in (("last_name", "Укажите фамилию."), ("first_name", "Укажите имя.")):
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = message
        self.fields["role"].error_messages["required"] = "Выберите роль."
        self.fields["department"].help_text = "Обязательно для специалиста: он получает обращения подразделения."

    def clean(self):
        data = super().clean()
        if data.get("role") == SPECIALIST and not data.get("department"):
            self.add_error("department", "Укажите подразделение: специалист работает с обращениями своего "
                                         "подразделения.")
        return data

    def _save_m2m(self):
        # Runs once the user is saved: from save() here, from save_m2m() in the admin.
        super()._save_m2m()
        set_role(self.instance, self.cleaned_data["role"])
        StaffProfile.objects.create(user=self.instance, **{name: self.cleaned_data[name] for name in PROFILE_FIELDS})

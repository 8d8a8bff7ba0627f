"""Forms of the staff back office: registration and the actions on an appeal's page.

Forms only parse input; the rules live in the domain, whose AppealError lands on the named field.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils import timezone

from accounts.models import Department
from appeals.choices import Channel, Complexity, Favour, Kind, Priority
from appeals.contacts import check_email, check_line, normalize_phone
from appeals.dates import check_received_at
from appeals.errors import AppealError
from appeals.models import Applicant, Reason, ResourceCompany
from appeals.outgoing import default_due
from housing.models import Building
from priemnaya.form_once import OnceField

from .widgets import QuickSelect

# The channels an operator registers by hand (the web form and the API register themselves).
REGISTER_CHANNELS = [(c.value, c.label) for c in (Channel.PHONE, Channel.IN_PERSON, Channel.POST, Channel.EMAIL)]
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y"]
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
CARE_FLAGS = [("is_disabled", "инвалид"), ("is_veteran", "ветеран"), ("is_elderly", "пожилой"),
              ("is_low_income", "малоимущий")]


def add_domain_error(form: forms.Form, error: Exception) -> None:
    """Put a domain error on the field it names, or on the form as a whole."""
    field = getattr(error, "field", "")
    message = getattr(error, "message", None) or str(error)
    form.add_error(field if field in form.fields else None, message)


def domain_checked(check, *args):
    """A domain check's value, its AppealError as the field's error."""
    try:
        return check(*args)
    except AppealError as error:
        raise forms.ValidationError(error.message) from None


def reason_choices(blank: str) -> list:
    """Reasons grouped by category for a <select> with optgroups; emergencies are marked."""
    groups: dict[str, list] = {}
    for reason in Reason.objects.filter(is_active=True).select_related("category"):
        label = f"⚠ {reason.name} (аварийная)" if reason.is_emergency else reason.name
        groups.setdefault(reason.category.name, []).append((str(reason.pk), label))
    return [("", blank)] + list(groups.items())


def chosen_reason(value: str) -> Reason | None:
    """The active reason a form's <select> chose (None for none); an unknown one is the field's error."""
    if not value:
        return None
    reason = Reason.objects.select_related("category", "department").filter(pk=value, is_active=True).first()
    if reason is None:
        raise forms.ValidationError("Такой причины нет в классификаторе.")
    return reason


def staff_queryset():
    """People to whom an appeal can be given: active staff who work on appeals."""
    User = get_user_model()
    can_work = Q(groups__permissions__codename="work_appeal") | Q(is_superuser=True)
    return (User.objects.filter(is_active=True).filter(can_work).distinct()
            .select_related("profile__department").order_by("last_name", "first_name", "username"))


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        name = user.get_full_name() or user.username
        department = getattr(getattr(user, "profile", None), "department", None)
        return f"{name} ({department.name})" if department else name


def _local_now() -> str:
    return timezone.localtime().strftime("%Y-%m-%dT%H:%M")


class ApplicantFields(forms.Form):
    """Who calls and where, as the registration screen asks it (a practice call asks it the same way)."""

    full_name = forms.CharField(label="Фамилия, имя, отчество", required=False, max_length=300)
    phone = forms.CharField(label="Телефон", required=False, max_length=40,
                            widget=forms.TextInput(attrs={"type": "tel", "placeholder": "+7 921 123-45-67"}))
    is_disabled = forms.BooleanField(label="инвалид", required=False)
    is_veteran = forms.BooleanField(label="ветеран", required=False)
    is_elderly = forms.BooleanField(label="пожилой", required=False)
    is_low_income = forms.BooleanField(label="малоимущий", required=False)
    address_text = forms.CharField(label="Адрес", required=False, max_length=400)
    building_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    flat = forms.CharField(label="Квартира", required=False, max_length=20)

    def clean_building_id(self) -> Building | None:
        pk = self.cleaned_data.get("building_id")
        return Building.objects.filter(pk=pk).first() if pk else None

    # Checked here as well as in the domain so that every mistake shows at once, not one per submit.
    def clean_full_name(self) -> str:
        return domain_checked(check_line, self.cleaned_data["full_name"], "full_name")

    def clean_phone(self) -> str:
        return domain_checked(normalize_phone, self.cleaned_data["phone"])


class RegisterForm(ApplicantFields):
    once = OnceField()  # a repeat of the same rendered form gives the first appeal
    channel = forms.ChoiceField(label="Канал", choices=REGISTER_CHANNELS, initial=Channel.PHONE,
                                widget=forms.RadioSelect)
    kind = forms.ChoiceField(label="Вид", choices=Kind.choices, initial=Kind.APPEAL, widget=QuickSelect)
    received_at = forms.DateTimeField(
        label="Дата и время поступления", input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"required": "Укажите дату и время поступления.",
                        "invalid": "Дата и время в виде ДД.ММ.ГГГГ ЧЧ:ММ."})
    applicant_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    email = forms.EmailField(label="E-mail", required=False,
                             error_messages={"invalid": "Проверьте адрес электронной почты."})
    reason = forms.ChoiceField(label="Категория и причина", required=False, widget=QuickSelect)
    complexity = forms.ChoiceField(label="Сложность", required=False,
                                   choices=[("", "По причине (по умолчанию)")] + Complexity.choices, widget=QuickSelect)
    text = forms.CharField(label="Текст обращения", required=False, max_length=20_000,
                           widget=forms.Textarea(attrs={
                               "rows": 5, "required": True,
                               "placeholder": "Запишите, что говорит заявитель: суть, адрес, как с ним связаться",
                               "hx-post": reverse_lazy("staff-register-analyse"), "hx-target": "#analysis",
                               "hx-trigger": "input changed delay:700ms", "hx-include": "#register-form",
                               "hx-sync": "this:replace"}))
    short_content = forms.CharField(label="Краткое содержание", required=False, max_length=300)
    department = forms.ModelChoiceField(label="Подразделение", required=False, queryset=Department.objects.all(),
                                        empty_label="— по причине —", widget=QuickSelect)
    assignee = StaffChoiceField(label="Ответственный", required=False, queryset=staff_queryset(),
                                empty_label="— не назначать —", widget=QuickSelect)
    call_id = forms.IntegerField(required=False, widget=forms.HiddenInput)  # registered during this call
    visit_id = forms.IntegerField(required=False, widget=forms.HiddenInput)  # or while this visitor is served

    def __init__(self, *args, may_assign_person: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = reason_choices("— выбрать позже —")
        for name, others in (("reason", "complexity"), ("complexity", "reason")):
            # With scripts, choosing a reason shows what it implies (priority, deadline) at once.
            self.fields[name].widget.attrs.update({
                "hx-post": reverse_lazy("staff-register-hint"), "hx-trigger": "change", "hx-target": "#reason-hint",
                "hx-include": f"[name='{others}'],[name='channel'],[name='applicant_id'],[name^='is_']"})
        if not may_assign_person:
            del self.fields["assignee"]
        if not self.is_bound and "received_at" not in self.initial:
            self.initial["received_at"] = _local_now()

    def clean_call_id(self):
        from calls.models import Call

        pk = self.cleaned_data.get("call_id")
        call = Call.objects.filter(pk=pk).first() if pk is not None else None
        if pk is not None and call is None:
            raise forms.ValidationError("Звонок не найден; обращение зарегистрируйте без него.")
        return call

    def clean_visit_id(self):
        from calls.models import Visit

        pk = self.cleaned_data.get("visit_id")
        visit = Visit.objects.filter(pk=pk).first() if pk is not None else None
        if pk is not None and visit is None:
            raise forms.ValidationError("Посещение не найдено; обращение зарегистрируйте без него.")
        return visit

    def clean_applicant_id(self) -> Applicant | None:
        pk = self.cleaned_data.get("applicant_id")
        if pk is None:
            return None
        applicant = Applicant.objects.select_related("building").filter(pk=pk).first()
        if applicant is None:
            raise forms.ValidationError("Заявитель не найден; введите его данные заново.")
        return applicant

    def clean_received_at(self):
        return domain_checked(check_received_at, self.cleaned_data["received_at"])

    def clean_email(self) -> str:
        return domain_checked(check_email, self.cleaned_data["email"])

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError("Введите текст обращения.")
        return text

    def clean_reason(self) -> Reason | None:
        return chosen_reason(self.cleaned_data.get("reason"))


class ClassifyForm(forms.Form):
    reason = forms.ChoiceField(label="Причина", error_messages={"required": "Выберите причину."}, widget=QuickSelect)
    complexity = forms.ChoiceField(label="Сложность", required=False,
                                   choices=[("", "Не менять (или по причине)")] + Complexity.choices,
                                   widget=QuickSelect)
    priority = forms.ChoiceField(label="Приоритет", required=False,
                                 choices=[("", "Рассчитать автоматически")] + Priority.choices, widget=QuickSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = reason_choices("— выберите причину —")

    def clean_reason(self) -> Reason | None:
        return chosen_reason(self.cleaned_data.get("reason"))


class AssignForm(forms.Form):
    department = forms.ModelChoiceField(label="Подразделение", required=False, queryset=Department.objects.all(),
                                        empty_label="— не менять —", widget=QuickSelect)
    assignee = StaffChoiceField(label="Ответственный", required=False, queryset=staff_queryset(),
                                empty_label="— не менять —", widget=QuickSelect)
    note = forms.CharField(label="Комментарий", required=False, max_length=1000)

    def __init__(self, *args, may_assign_person: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_assign_person:  # operators route to a department; a person is appointed by others
            del self.fields["assignee"]

    def clean(self):
        data = super().clean()
        if not data.get("department") and not data.get("assignee"):
            raise forms.ValidationError("Выберите подразделение или ответственного.")
        return data


class NoteForm(forms.Form):
    note = forms.CharField(label="Комментарий", required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(forms.Form):
    answer_text = forms.CharField(label="Текст ответа заявителю", required=False, max_length=20_000,
                                  widget=forms.Textarea(attrs={"rows": 8}))
    result = forms.CharField(label="Результат (кратко, для журнала)", required=False, max_length=500)
    resolved_in_favour_of = forms.ChoiceField(label="В чью пользу решено", required=False,
                                              choices=[("", "— выберите —")] + Favour.choices, widget=QuickSelect)


class OutgoingForm(forms.Form):
    organization = forms.ModelChoiceField(label="Организация", required=False,
                                          queryset=ResourceCompany.objects.all(), empty_label="— выберите —",
                                          widget=QuickSelect)
    organization_name = forms.CharField(label="или впишите новую", required=False, max_length=300)
    subject = forms.CharField(label="О чём запрос", required=False, max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 2}))
    sent_at = forms.DateField(label="Отправлен", input_formats=DATE_FORMATS, required=False,
                              widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                              error_messages={"invalid": "Дата в виде ДД.ММ.ГГГГ."})
    due_at = forms.DateField(label="Ждём ответ до", input_formats=DATE_FORMATS, required=False,
                             widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                             error_messages={"invalid": "Дата в виде ДД.ММ.ГГГГ."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.initial.setdefault("sent_at", today)
        self.initial.setdefault("due_at", default_due(today))

    def organization_value(self) -> ResourceCompany | str:
        return self.cleaned_data.get("organization") or self.cleaned_data.get("organization_name", "")


class ReplyForm(forms.Form):
    reply = forms.CharField(label="Ответ организации", required=False, max_length=5000,
                            widget=forms.Textarea(attrs={"rows": 2}))
    answered_at = forms.DateField(label="Получен", input_formats=DATE_FORMATS, required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                  error_messages={"invalid": "Дата в виде ДД.ММ.ГГГГ."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("answered_at", timezone.localdate())


class AttachmentForm(forms.Form):
    file = forms.FileField(label="Файл", error_messages={"required": "Выберите файл.",
                                                         "empty": "Файл пустой."})


class LinkForm(forms.Form):
    number = forms.CharField(label="Номер обращения", max_length=20,
                             error_messages={"required": "Введите номер обращения."},
                             widget=forms.TextInput(attrs={"placeholder": "26-000123"}))


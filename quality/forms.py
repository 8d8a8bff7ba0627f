import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.roles import OPERATOR, ROLE_TITLES, SUPERVISOR
from appeals.models import Appeal

from .models import SCORES
from .scorecard import Period

MAX_DAYS = 366
DEFAULT_DAYS = 28


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class PeriodForm(forms.Form):
    start = forms.DateField(label="С", required=False, widget=DateInput())
    end = forms.DateField(label="По", required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        end = data.get("end") or timezone.localdate()
        start = data.get("start") or end - dt.timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            raise forms.ValidationError("Начало периода позже его конца.")
        if (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(f"Период — не длиннее {MAX_DAYS} дней.")
        data["period"] = Period(start, end)
        return data


def period_of(request) -> tuple[PeriodForm, Period | None]:
    """The period asked for; the dates left out are filled in, so the form shows the period it counts."""
    data = request.GET.copy()
    end = timezone.localdate()
    data.setdefault("end", end.isoformat())
    if not data.get("start") and not request.GET.get("end"):
        data["start"] = (end - dt.timedelta(days=DEFAULT_DAYS - 1)).isoformat()
    form = PeriodForm(data)
    return form, form.cleaned_data["period"] if form.is_valid() else None


def operators():
    return get_user_model().objects.filter(
        is_active=True, groups__name__in=[ROLE_TITLES[OPERATOR], ROLE_TITLES[SUPERVISOR]]).distinct().order_by(
        "last_name", "first_name", "username")


class ComplaintForm(forms.Form):
    number = forms.CharField(label="Номер обращения", max_length=20)
    operator = forms.ModelChoiceField(label="Оператор", queryset=get_user_model().objects.none(),
                                      empty_label="— выберите —")
    note = forms.CharField(label="Суть жалобы", required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["operator"].queryset = operators()
        self.fields["operator"].label_from_instance = lambda user: user.get_full_name() or user.username

    def clean_number(self):
        number = self.cleaned_data["number"].strip().lstrip("№").strip()
        appeal = Appeal.objects.filter(number=number).first()
        if appeal is None:
            raise forms.ValidationError(f"Обращение № {number} не найдено.")
        self.cleaned_data["appeal"] = appeal
        return number


class ReviewForm(forms.Form):
    """A 1–5 score for each active criterion (fields `c<id>`) and the comment for the operator."""

    comment = forms.CharField(label="Комментарий для оператора", required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text="Оператор увидит его в своей карточке качества: что хорошо и что исправить.")

    def __init__(self, criteria, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name, help_text=criterion.hint, choices=SCORES, coerce=int,
                widget=forms.RadioSelect, error_messages={"required": "Поставьте балл от 1 до 5."})
        self.order_fields([f"c{c.pk}" for c in criteria] + ["comment"])

    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria}

    def score_fields(self):
        return [self[f"c{c.pk}"] for c in self.criteria]


RATINGS = [(5, "5 — отлично"), (4, "4 — хорошо"), (3, "3 — удовлетворительно"), (2, "2 — плохо"),
           (1, "1 — очень плохо")]


class SurveyForm(forms.Form):
    rating = forms.TypedChoiceField(label="Ваша оценка", choices=RATINGS, coerce=int,
                                    widget=forms.RadioSelect,
                                    error_messages={"required": "Выберите оценку от 1 до 5."})
    comment = forms.CharField(label="Что можно сделать лучше (необязательно)", required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 4}))

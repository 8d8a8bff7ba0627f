"""The statistics filters: GET parameters in, a Scope (the period, its comparison period and the filters) out."""

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Department
from appeals.choices import Channel
from appeals.models import Category
from deadlines.calendar import MOSCOW
from housing.models import Building
from housing.services import match_building

MAX_DAYS = 731
REPEAT_DAYS = 30  # «the same reason again within N days», unless the page is told otherwise


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


@dataclass(frozen=True)
class Scope:
    start: dt.date
    end: dt.date  # inclusive
    compare_start: dt.date
    compare_end: dt.date
    department: int | None = None
    building: int | None = None
    category: int | None = None
    channel: str = ""
    repeat_days: int = REPEAT_DAYS

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @staticmethod
    def moment(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), tzinfo=MOSCOW)

    @property
    def since(self) -> dt.datetime:
        return self.moment(self.start)

    @property
    def until(self) -> dt.datetime:
        """The first moment after the period."""
        return self.moment(self.end + dt.timedelta(days=1))

    def filtered(self, appeals: QuerySet) -> QuerySet:
        """The appeals the filters (not the period) keep."""
        conditions = {"department_id": self.department, "building_id": self.building,
                      "category_id": self.category, "channel": self.channel or None}
        return appeals.filter(**{k: v for k, v in conditions.items() if v is not None})

    def received(self, appeals: QuerySet, compare: bool = False) -> QuerySet:
        start, end = (self.compare_start, self.compare_end) if compare else (self.start, self.end)
        return self.filtered(appeals).filter(received_at__gte=self.moment(start),
                                             received_at__lt=self.moment(end + dt.timedelta(days=1)))

    def key(self) -> str:
        return repr(self)


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """As long as the period and just before it; whole months (a month, a quarter, a year) are compared with as
    many whole months before them."""
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        first = start.year * 12 + start.month - 1 - months
        return dt.date(first // 12, first % 12 + 1, 1), start - dt.timedelta(days=1)
    length = end - start
    return start - length - dt.timedelta(days=1), start - dt.timedelta(days=1)


class ScopeForm(forms.Form):
    start = forms.DateField(label="С", required=False, widget=DateInput())
    end = forms.DateField(label="По", required=False, widget=DateInput())
    compare_start = forms.DateField(label="Сравнить с: с", required=False, widget=DateInput())
    compare_end = forms.DateField(label="Сравнить с: по", required=False, widget=DateInput())
    department = forms.ModelChoiceField(label="Подразделение", required=False, empty_label="Все",
                                        queryset=Department.objects.all())
    category = forms.ModelChoiceField(label="Категория", required=False, empty_label="Все",
                                      queryset=Category.objects.all())
    channel = forms.ChoiceField(label="Канал", required=False, choices=[("", "Все"), *Channel.choices])
    address = forms.CharField(label="Дом (адрес)", max_length=200, required=False,
                              widget=forms.TextInput(attrs={"placeholder": "улица Марата, 7"}))
    building = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    repeat_days = forms.IntegerField(label="Повтор в течение, дней", required=False, min_value=1, max_value=365)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        today = timezone.localdate()
        end = data.get("end") or today
        start = data.get("start") or end.replace(day=1)
        if start > end:
            raise forms.ValidationError("Начало периода позже его конца.")
        if (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(f"Период — не длиннее {MAX_DAYS} дней.")
        compare_start, compare_end = data.get("compare_start"), data.get("compare_end")
        if bool(compare_start) != bool(compare_end):
            raise forms.ValidationError("Для сравнения укажите и начало, и конец периода.")
        if compare_start and compare_start > compare_end:
            raise forms.ValidationError("Начало периода сравнения позже его конца.")
        if not compare_start:
            compare_start, compare_end = previous_period(start, end)
        building = self._building(data)
        data["scope"] = Scope(start, end, compare_start, compare_end,
                              department=data["department"].pk if data.get("department") else None,
                              building=building.pk if building else None,
                              category=data["category"].pk if data.get("category") else None,
                              channel=data.get("channel") or "", repeat_days=data.get("repeat_days") or REPEAT_DAYS)
        data["building_obj"] = building
        return data

    def _building(self, data):
        if data.get("address"):
            found = match_building(data["address"])
            if found is None:
                self.add_error("address", "Дом не найден в реестре: проверьте улицу и номер дома.")
            return found
        if data.get("building"):
            found = Building.objects.filter(pk=data["building"]).first()
            if found is None:
                self.add_error("address", "Дом не найден в реестре.")
            return found
        return None


def scope_of(request) -> tuple[ScopeForm, Scope | None]:
    today = timezone.localdate()
    form = ScopeForm(request.GET if request.GET else {"start": today.replace(day=1), "end": today})
    return form, form.cleaned_data["scope"] if form.is_valid() else None

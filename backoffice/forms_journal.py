"""The journal's filter form: GET parameters in, a JournalFilter out."""

from django import forms

from accounts.models import Department
from appeals.choices import Channel, Kind, Priority, Status
from appeals.dates import check_filter_date
from appeals.errors import AppealError
from appeals.journal import DUE_CHOICES, JournalFilter
from appeals.load import people_with_perm
from appeals.models import Category
from appeals.search import check_query
from housing.models import Building
from housing.services import match_building

from .views_lists import person_name
from .widgets import QuickSelect


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return person_name(obj)


def _choices(empty: str, pairs) -> list[tuple[str, str]]:
    return [("", empty), *pairs]


def checked_filter_day(day, field: str):
    """A filter's day within the journal's years (appeals.dates), its error on the field."""
    try:
        return check_filter_date(day, field) if day else day
    except AppealError as error:
        raise forms.ValidationError(error.message) from None


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class PeriodFilter(forms.Form):
    """A list page's filter by days «с … по …» (the access log, incoming mail, outgoing letters): each day
    within the journal's years, and the end not before the start. A subclass may relabel the two fields."""

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


class JournalForm(forms.Form):
    q = forms.CharField(label="Поиск", max_length=200, required=False,
                        widget=forms.TextInput(attrs={"type": "search",
                                                      "placeholder": "слова из текста, фамилия или телефон"}))
    status = forms.ChoiceField(label="Статус", required=False, choices=_choices("Все", Status.choices),
                               widget=QuickSelect)
    due = forms.ChoiceField(label="Срок", required=False, choices=_choices("Любой", DUE_CHOICES.items()),
                            widget=QuickSelect)
    category = forms.ModelChoiceField(label="Категория", required=False, empty_label="Все",
                                      queryset=Category.objects.all(), widget=QuickSelect)
    department = forms.ModelChoiceField(label="Подразделение", required=False, empty_label="Все",
                                        queryset=Department.objects.all(), widget=QuickSelect)
    assignee = PersonChoiceField(label="Ответственный", required=False, empty_label="Все", queryset=None,
                                 widget=QuickSelect)
    channel = forms.ChoiceField(label="Канал", required=False, choices=_choices("Все", Channel.choices),
                                widget=QuickSelect)
    kind = forms.ChoiceField(label="Вид", required=False, choices=_choices("Все", Kind.choices),
                             widget=QuickSelect)
    priority = forms.ChoiceField(label="Приоритет", required=False, choices=_choices("Любой", Priority.choices),
                                 widget=QuickSelect)
    address = forms.CharField(label="Дом", max_length=200, required=False,
                              widget=forms.TextInput(attrs={"placeholder": "улица и номер дома"}))
    building = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    date_from = forms.DateField(label="Поступило с", required=False, widget=DateInput())
    date_to = forms.DateField(label="по", required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = people_with_perm("work_appeal")
        self.building_obj = None

    def clean_q(self) -> str:
        try:
            return check_query(self.cleaned_data["q"])
        except AppealError as error:
            raise forms.ValidationError(error.message) from None

    def clean_date_from(self):
        return checked_filter_day(self.cleaned_data["date_from"], "date_from")

    def clean_date_to(self):
        return checked_filter_day(self.cleaned_data["date_to"], "date_to")

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "Дата «по» не может быть раньше даты «с».")
        self._clean_building(data)
        return data

    def _clean_building(self, data) -> None:
        address = data.get("address", "").strip()
        if address:
            self.building_obj = match_building(address)
            if self.building_obj is None:
                self.add_error("address", "Такой дом не найден в реестре. Укажите улицу и номер дома.")
        elif data.get("building"):
            self.building_obj = Building.objects.filter(pk=data["building"]).first()
            if self.building_obj is None:
                self.add_error("building", "Дом не найден в реестре.")
        if self.building_obj is not None:
            data["building"] = self.building_obj.pk

    def journal_filter(self, applicants: bool = False) -> JournalFilter:
        """The filter of the valid fields (call after is_valid()); `applicants`: the search also finds
        applicants by surname and phone."""
        data = getattr(self, "cleaned_data", {})

        def pk(name):
            return data[name].pk if data.get(name) else None

        return JournalFilter(
            status=data.get("status", ""), category=pk("category"), building=data.get("building"),
            department=pk("department"), assignee=pk("assignee"), channel=data.get("channel", ""),
            kind=data.get("kind", ""), priority=data.get("priority", ""), due=data.get("due", ""),
            date_from=data.get("date_from"), date_to=data.get("date_to"), q=data.get("q", "").strip(),
            applicants=applicants)

    def filter_text(self) -> str:
        """The filters in force, as a title names them: «статус «В работе», подразделение «Технический
        отдел», с 01.11.2026 по 30.11.2026»; '' without any."""
        data = getattr(self, "cleaned_data", {})
        parts = [f"поиск «{data['q'].strip()}»"] if data.get("q", "").strip() else []
        for name in ("status", "category", "department", "channel", "kind", "priority"):
            if data.get(name):
                parts.append(f"{self.fields[name].label.lower()} «{self._chosen_label(name)}»")
        if data.get("due"):
            parts.append(DUE_CHOICES[data["due"]].lower())
        if data.get("assignee"):
            parts.append(f"ответственный {person_name(data['assignee'])}")
        if self.building_obj is not None:
            parts.append(f"дом {self.building_obj.address}")
        start, end = data.get("date_from"), data.get("date_to")
        period = ([f"с {start:%d.%m.%Y}"] if start else []) + ([f"по {end:%d.%m.%Y}"] if end else [])
        return ", ".join(parts + ([" ".join(period)] if period else []))

    def _chosen_label(self, name: str) -> str:
        value = self.cleaned_data[name]
        return str(value) if hasattr(value, "pk") else dict(self.fields[name].choices)[value]

"""The 152-ФЗ access log for the administrator: who looked at whose personal data."""

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from appeals.access import require
from appeals.models import PersonalDataAccess
from deadlines.calendar import start_of_day

from .forms_journal import DateInput, PeriodFilter, PersonChoiceField
from .views_lists import page_of

ACTION_TITLES = {
    "journal": "Просмотр журнала",
    "export": "Выгрузка журнала",
    "my_appeals": "Просмотр списка «Мои обращения»",
    "view_appeal": "Просмотр обращения",
    "view_applicant": "Просмотр карточки заявителя",
    "search_applicants": "Поиск заявителей",
    "pick_applicant": "Выбор заявителя при регистрации",
    "view_incident": "Просмотр инцидента",
    "download_attachment": "Скачивание вложения",
    "api_view": "Просмотр обращения через API",
    "api_create": "Приём обращения через API",
    "api_change": "Изменение обращения через API",
    "admin_view": "Просмотр обращения в администрировании",
    "appointments_day": "Просмотр записи на приём в центре обслуживания",
    "view_incoming_letter": "Просмотр входящего письма",
    "view_outgoing_message": "Просмотр исходящего сообщения",
    "quality_review": "Проверка обращения (контроль качества)",
    # Pages that do not name their action are logged by their address's name.
    "staff-register": "Регистрация обращения с выбранным заявителем",
    "staff-register-done": "Просмотр зарегистрированного обращения",
    "staff-register-hint": "Подсказка по причине при регистрации",
    "staff-access-log": "Просмотр журнала доступа",
    "staff-mail-incoming": "Просмотр списка входящих писем",
    "staff-mail-outgoing": "Просмотр списка исходящих сообщений",
}


def action_title(action: str) -> str:
    if action in ACTION_TITLES:
        return ACTION_TITLES[action]
    return "Администрирование" if action.startswith("admin:") else action


class AccessLogForm(PeriodFilter):
    user = PersonChoiceField(label="Сотрудник", required=False, empty_label="Все", queryset=None)
    date_from = forms.DateField(label="С", required=False, widget=DateInput())
    date_to = forms.DateField(label="По", required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Everyone, former staff too: their old rows stay in the log.
        self.fields["user"].queryset = get_user_model().objects.order_by("last_name", "first_name", "username")

    def apply(self, queryset):
        data = self.cleaned_data
        if data.get("user"):
            queryset = queryset.filter(user=data["user"])
        if data.get("date_from"):
            queryset = queryset.filter(at__gte=start_of_day(data["date_from"]))
        if data.get("date_to"):
            queryset = queryset.filter(at__lt=start_of_day(data["date_to"] + dt.timedelta(days=1)))
        return queryset


@login_required
def access_log(request):
    require(request.user.has_perm("appeals.view_pd_access_log"))
    form = AccessLogForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        queryset = PersonalDataAccess.objects.select_related("user", "applicant", "appeal").order_by("-at", "-id")
        page = page_of(form.apply(queryset) if form.is_bound else queryset, request)
        for row in page.rows:
            row.action_title = action_title(row.action)
    return render(request, "backoffice/lists/access_log.html", {"form": form, "page": page})

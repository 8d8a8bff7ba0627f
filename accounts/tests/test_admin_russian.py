"""The admin in proper Russian: model names in the case each phrase needs, counts that agree, one header."""

import json
import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Department
from accounts.roles import ROLE_TITLES
from appeals.models import Category
from conftest import create_staff
from housing.models import Building
from priemnaya.nouns import NOUNS, noun_for
from triage.models import FaqEntry, TriageSettings

pytestmark = pytest.mark.django_db

OUR_APPS = ("accounts", "housing", "deadlines", "appeals", "triage", "api", "backoffice", "portal")
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def page(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def h1(response) -> str:
    return re.search(r"<h1>(.*?)</h1>", page(response)).group(1)


def messages_of(response) -> list[str]:
    found = re.search(r'<ul class="messagelist">(.*?)</ul>', page(response))
    items = re.findall(r"<li[^>]*>(.*?)</li>", found.group(1)) if found else []
    return [re.sub(r"<[^>]+>", "", item) for item in items]


def create_buildings(count: int) -> None:
    Building.objects.bulk_create(Building(street="улица Марата", house=str(n), search_key=f"марата {n}")
                                 for n in range(1, count + 1))


def create_departments(count: int) -> list[Department]:
    return [Department.objects.create(name=f"Участок № {n}", code=f"uchastok-{n}") for n in range(1, count + 1)]


def delete_selected(client, url: str, objects, confirmed: bool = True):
    data = {"action": "delete_selected", "index": 0, "_selected_action": [obj.pk for obj in objects]}
    if confirmed:
        data["post"] = "yes"
    return client.post(url, data, follow=confirmed)


def test_every_model_and_field_has_a_russian_name():
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            opts = model._meta
            assert CYRILLIC.search(str(opts.verbose_name)), opts.label
            assert CYRILLIC.search(str(opts.verbose_name_plural)), opts.label
            for field in opts.get_fields():
                if not field.auto_created:
                    assert CYRILLIC.search(str(field.verbose_name)) or field.verbose_name == "e-mail", \
                        f"{opts.label}.{field.name}"


def test_every_model_the_admin_shows_has_its_forms_in_the_table():
    shown = {model._meta for model in admin.site._registry}
    for admin_class in admin.site._registry.values():
        shown |= {inline.model._meta for inline in admin_class.inlines}
    ours = {model._meta for app in OUR_APPS for model in apps.get_app_config(app).get_models()}
    for opts in shown | ours:
        assert opts.label_lower in NOUNS, opts.label
        assert NOUNS[opts.label_lower].one.lower() == str(opts.verbose_name).lower(), opts.label


@pytest.mark.parametrize(("count", "words"), [(1, "дом"), (3, "дома"), (5, "домов"), (11, "домов"), (21, "дом"),
                                              (22, "дома"), (40, "домов"), (111, "домов")])
def test_noun_agrees_with_the_number(count, words):
    assert noun_for(Building._meta).counted(count) == f"{count} {words}"


def test_a_word_without_singular_is_counted_after_a_colon(admin_client):
    TriageSettings.current()
    assert '<p class="paginator"> Настройки автоматического разбора: 1 </p>' in page(
        admin_client.get("/admin/triage/triagesettings/"))


def test_header_title_and_index_title_name_the_product(admin_client):
    response = admin_client.get("/admin/")
    text = page(response)
    assert '<div id="site-name"><a href="/admin/">Приёмная — администрирование</a></div>' in text
    assert "<title>Приёмная — администрирование</title>" in text
    assert h1(response) == "Приёмная — администрирование"
    assert "Администрирование Django" not in text


def test_change_list_has_the_add_button_and_title_in_the_accusative(admin_client):
    response = admin_client.get("/admin/appeals/reason/")
    assert h1(response) == "Выберите причину для изменения"
    assert 'class="addlink">Добавить причину</a>' in page(response)
    response = admin_client.get("/admin/appeals/category/")
    assert h1(response) == "Выберите категорию для изменения"
    assert 'class="addlink">Добавить категорию</a>' in page(response)


def test_read_only_list_and_page_are_for_viewing(admin_client):
    assert h1(admin_client.get("/admin/triage/decision/")) == "Выберите автоматическое решение для просмотра"


def test_add_page_title_and_breadcrumbs_are_in_the_accusative(admin_client):
    response = admin_client.get("/admin/appeals/reason/add/")
    assert h1(response) == "Добавить причину"
    assert "<title>Добавить причину | Приёмная — администрирование</title>" in page(response)
    assert "&rsaquo; Добавить причину </div>" in page(response)


def test_change_page_title_is_in_the_accusative(admin_client):
    category = Category.objects.first()
    assert h1(admin_client.get(f"/admin/appeals/category/{category.pk}/change/")) == "Изменить категорию"


@pytest.mark.parametrize(("count", "text"), [(1, "1 дом"), (3, "3 дома"), (5, "5 домов"), (21, "21 дом"),
                                             (40, "40 домов")])
def test_change_list_counts_agree_with_the_number(admin_client, count, text):
    create_buildings(count)
    response = admin_client.get("/admin/housing/building/")
    assert f'<p class="paginator"> {text} </p>' in page(response)


def test_selection_counter_and_select_all_count_in_russian(admin_client):
    create_buildings(60)  # more than one page of 50
    text = page(admin_client.get("/admin/housing/building/"))
    assert '<span class="action-counter" data-actions-icnt="50">Выбрано 0 из 50</span>' in text
    assert "Выбрать все 60 домов</a>" in text
    assert "Выбраны все 60" in text


def test_the_script_counts_the_selection_in_russian(admin_client):
    catalog = admin_client.get("/admin/jsi18n/").content.decode()
    assert json.dumps("Выбрано %(sel)s из %(cnt)s") in catalog  # «Выбрано 2 из 40» once two rows are ticked


def test_search_counts_results(admin_client):
    create_buildings(40)
    text = page(admin_client.get("/admin/housing/building/?q=марата+1"))
    assert "результат" in text and "40 всего" in text


def test_delete_action_is_offered_with_the_right_case(admin_client):
    assert '<option value="delete_selected">Удалить выбранные подразделения</option>' in page(
        admin_client.get("/admin/accounts/department/"))
    assert '<option value="delete_selected">Удалить выбранных пользователей</option>' in page(
        admin_client.get("/admin/auth/user/"))


def test_delete_action_asks_and_confirms_in_russian(admin_client):
    departments = create_departments(5)
    response = delete_selected(admin_client, "/admin/accounts/department/", departments, confirmed=False)
    assert h1(response) == "Удалить 5 подразделений"
    assert "Вы уверены, что хотите удалить 5 подразделений?" in page(response)
    response = delete_selected(admin_client, "/admin/accounts/department/", departments)
    assert messages_of(response) == ["Успешно удалены 5 подразделений."]


@pytest.mark.parametrize(("count", "text"), [(1, "Успешно удалён 1 частый вопрос."),
                                             (3, "Успешно удалены 3 частых вопроса."),
                                             (21, "Успешно удалён 21 частый вопрос.")])
def test_delete_action_message_agrees_with_the_number(admin_client, count, text):
    FaqEntry.objects.all().delete()
    entries = [FaqEntry.objects.create(question=f"Вопрос {n}", answer="Ответ") for n in range(count)]
    assert messages_of(delete_selected(admin_client, "/admin/triage/faqentry/", entries)) == [text]


def test_delete_action_names_what_protects_the_objects(admin_client):
    create_staff("specialist", "specialist", "tech")
    response = delete_selected(admin_client, "/admin/accounts/department/", Department.objects.filter(code="tech"))
    assert h1(response) == "Не удаётся удалить 1 подразделение"
    assert "Удалить 1 подразделение нельзя: на них ссылаются защищённые объекты:" in page(response)


def test_building_actions_count_the_houses(admin_client):
    create_buildings(5)
    response = admin_client.post("/admin/housing/building/", {
        "action": "deactivate", "index": 0, "_selected_action": list(Building.objects.values_list("pk", flat=True))},
        follow=True)
    assert messages_of(response) == ["Сняты с обслуживания 5 домов."]


def test_add_change_and_delete_messages_agree_with_the_name(admin_client):
    response = admin_client.post("/admin/accounts/department/add/", {
        "name": "Участок № 9", "code": "uchastok-9", "phone": "", "_addanother": "1"}, follow=True)
    department = Department.objects.get(code="uchastok-9")
    assert messages_of(response) == [
        "Подразделение «Участок № 9» добавлено. Ниже можно добавить ещё одно подразделение."]
    response = admin_client.post(f"/admin/accounts/department/{department.pk}/change/", {
        "name": "Участок № 9", "code": "uchastok-9", "phone": "+7 812 555-00-00"}, follow=True)
    assert messages_of(response) == ["Подразделение «Участок № 9» изменено."]
    response = admin_client.get(f"/admin/accounts/department/{department.pk}/delete/")
    assert h1(response) == "Удалить подразделение"
    assert "Вы уверены, что хотите удалить подразделение \"Участок № 9\"?" in page(response)
    response = admin_client.post(f"/admin/accounts/department/{department.pk}/delete/", {"post": "yes"}, follow=True)
    assert messages_of(response) == ["Подразделение «Участок № 9» удалено."]


def test_feminine_name_agrees_in_the_add_message(admin_client):
    response = admin_client.post("/admin/deadlines/calendaroverride/add/", {
        "date": "31.12.2027", "is_working": "", "note": "постановление", "_continue": "1"}, follow=True)
    assert messages_of(response) == ["Поправка производственного календаря «31.12.2027: выходной» добавлена. "
                                     "Ниже можно продолжить правку."]


def test_editing_the_list_counts_the_changed_rows(admin_client):
    changelist = admin_client.get("/admin/appeals/category/").context["cl"]
    data = {"_save": "Сохранить"}
    for form in [changelist.formset.management_form, *changelist.formset.forms]:
        data.update({field.html_name: field.value() for field in form})
    for n in range(3):
        data[f"form-{n}-order"] = 100 + n
    response = admin_client.post("/admin/appeals/category/", data, follow=True)
    assert messages_of(response) == ["Изменены 3 категории."]


def test_a_missing_object_is_reported_in_the_right_gender(admin_client):
    response = admin_client.get("/admin/appeals/reason/999999/change/", follow=True)
    assert messages_of(response) == ["Причина с идентификатором «999999» не найдена: возможно, удалена."]


def test_history_tells_the_changes_in_russian(admin_client):
    department = create_departments(1)[0]
    admin_client.post(f"/admin/accounts/department/{department.pk}/change/", {
        "name": department.name, "code": department.code, "phone": "+7 812 555-00-00"})
    user = create_staff("ivanova", "specialist", "tech")
    LogEntry.objects.create(
        user=user, content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk),
        object_repr="ivanova", action_flag=CHANGE, change_message=json.dumps([
            {"changed": {"fields": ["Last name", "First name"]}},  # Django keeps its own labels in English
            {"changed": {"name": "профиль сотрудника", "object": "Иванова", "fields": ["Должность"]}},
            {"added": {"name": "отсутствие", "object": "отпуск"}},
        ]))
    assert "Изменено поле «Телефон»." in page(admin_client.get(f"/admin/accounts/department/{department.pk}/history/"))
    text = page(admin_client.get(f"/admin/auth/user/{user.pk}/history/"))
    assert ("Изменены поля «Фамилия» и «Имя». Изменено поле «Должность» у профиля сотрудника «Иванова». "
            "Добавлено отсутствие «отпуск».") in text


def test_inline_add_button_agrees_with_the_name(admin_client):
    user = create_staff("ivanova", "specialist", "tech")
    text = page(admin_client.get(f"/admin/auth/user/{user.pk}/change/"))
    found = re.search(r'id="absences-group" data-inline-type="tabular" data-inline-formset="([^"]+)"', text)
    options = json.loads(found.group(1).replace("&quot;", '"'))["options"]
    assert options["addText"] == "Добавить ещё одно отсутствие"


def test_the_date_drill_down_names_the_day_as_a_date_does(admin_client):
    create_staff("ivanova", "specialist", "tech").absences.create(starts_on="2027-03-08", ends_on="2027-03-10")
    assert ">8 марта</a>" in page(admin_client.get("/admin/accounts/absence/?starts_on__month=3&starts_on__year=2027"))


def test_filters_are_headed_by_the_field_name(admin_client):
    text = page(admin_client.get("/admin/housing/building/"))
    assert "<summary>Обслуживается</summary>" in text
    assert " По " not in text


def test_groups_are_the_role_titles_and_the_user_list_shows_the_role(admin_client):
    create_staff("ivanova", "specialist", "tech")
    groups = page(admin_client.get("/admin/auth/group/"))
    for title in ROLE_TITLES.values():
        assert f">{title}</a>" in groups
    users = page(admin_client.get("/admin/auth/user/"))
    assert '<td class="field-role">Специалист</td>' in users


def test_permissions_are_offered_in_russian(admin_client):
    text = page(admin_client.get("/admin/auth/group/add/"))
    assert ">Обращения | Добавлять причины</option>" in text
    assert ">Пользователи и группы | Изменять пользователей</option>" in text
    assert ">Обращения | Видеть персональные данные заявителей</option>" in text
    assert "Can add" not in text


def test_the_user_list_shows_roles_without_a_query_per_user(admin_client, django_assert_max_num_queries):
    create_staff("ivanova", "specialist", "tech")
    with CaptureQueriesContext(connection) as two_users:
        admin_client.get("/admin/auth/user/")
    for n in range(10):
        create_staff(f"staff{n}", "operator", "crm")
    with django_assert_max_num_queries(len(two_users.captured_queries)):
        assert "Оператор" in page(admin_client.get("/admin/auth/user/"))

"""QuickSelect renders what Django's Select renders: the same options, values, selection and attributes."""

from html.parser import HTMLParser

from django import forms

from backoffice.widgets import QuickSelect


class _Parsed(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags, self.texts = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, sorted((k, v or "") for k, v in attrs)))

    def handle_data(self, data):
        if data.strip():
            self.texts.append(data.strip())


def _both(field: forms.Field, value, attrs=None):
    plain = field.widget.render("who", value, attrs)
    fast = QuickSelect(choices=field.widget.choices).render("who", value, attrs)
    return _Parsed(plain), _Parsed(fast)


def test_options_selection_and_attributes_match_djangos_select():
    field = forms.ChoiceField(choices=[("", "Все"), ("new", "Новое <и> «срочное»"), ("a&b", 'В "работе"')])
    for value in (None, "", "new", "a&b", "missing"):
        plain, fast = _both(field, value, {"id": "id_who", "class": "wide", "required": True})
        assert fast.tags == plain.tags and fast.texts == plain.texts


def test_people_from_the_database_are_listed_as_django_lists_them(db):
    from django.contrib.auth.models import User

    for name in ("Иванова", "Петров", "O'Brien & Co"):
        User.objects.create(username=name.lower().replace(" ", ""), last_name=name)
    field = forms.ModelChoiceField(queryset=User.objects.order_by("last_name"), empty_label="Все", required=False)
    chosen = User.objects.get(last_name="Петров").pk
    plain, fast = _both(field, chosen)
    assert fast.tags == plain.tags and fast.texts == plain.texts
    assert ("option", [("selected", ""), ("value", str(chosen))]) in fast.tags


def test_groups_render_as_djangos_optgroups():
    field = forms.ChoiceField(choices=[("", "— выберите —"), ("Кровля", [("1", "Протечка"), ("2", "Снег & лёд")]),
                                       ("Отопление", [("3", "⚠ Нет отопления (аварийная)")])])
    for value in (None, "", "2", "3"):
        plain, fast = _both(field, value, {"id": "id_who"})
        assert fast.tags == plain.tags and fast.texts == plain.texts
    assert ("optgroup", [("label", "Кровля")]) in fast.tags

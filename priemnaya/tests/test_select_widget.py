"""The project's select template writes its options itself (faster); it must write what Django's own does."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates, TemplatesSetting


class Sample(forms.Form):
    one = forms.ChoiceField(choices=[("", "—"), ("Группа", [("1", "Один & «два»"), ("2", "Два")]), ("3", "Три")],
                            initial="2")
    many = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], initial=["y"], required=False)


def _html(renderer, name: str) -> str:
    return re.sub(r"\s+", " ", str(Sample(renderer=renderer)[name])).strip()


def test_selects_render_as_djangos_own_templates_do():
    for name in ("one", "many"):
        assert _html(TemplatesSetting(), name) == _html(DjangoTemplates(), name)
    assert 'value="2" selected' in _html(TemplatesSetting(), "one")

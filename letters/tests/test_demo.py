"""The demo's letters: one of each kind that an appeal has due, once."""

import pytest

from conftest import create_staff
from letters import demo
from letters.models import Letter

from .conftest import decided, extended

pytestmark = pytest.mark.django_db


def test_the_demo_issues_one_letter_of_each_kind_once(worker):
    create_staff("admin", "admin", None, is_staff=True, is_superuser=True)
    decided(worker)
    extended(worker, full_name="Петров Олег Иванович", phone="+79219876543")
    assert demo.load() == "Исходящие письма: 2 (добавлено 2)."
    assert sorted(Letter.objects.values_list("kind", flat=True)) == ["answer", "extension"]
    assert demo.load() == "Исходящие письма: 2 (добавлено 0)."

"""Section loaders run on every `load_demo`, also when the demo is already there."""

import pytest
from django.core.management import call_command

from demo import content

CALLS = []


def loader():
    CALLS.append(1)
    return "Раздел: добавлено 1."


@pytest.mark.django_db
def test_loaders_run_on_an_existing_demo_too(monkeypatch, capsys):
    monkeypatch.setattr(content, "LOADERS", [f"{__name__}.loader"])
    CALLS.clear()
    call_command("load_demo", appeals=3)
    call_command("load_demo", appeals=3)
    assert len(CALLS) == 2
    assert capsys.readouterr().out.count("Раздел: добавлено 1.") == 2

"""The migrations say what the models say: an index or field changed in a model without its migration
(the overdue index's statuses, say, after a status is added) would differ between databases."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_its_migration(capsys):
    try:
        call_command("makemigrations", check=True, dry_run=True, verbosity=1)
    except SystemExit as exit_:
        pytest.fail(f"a model change has no migration:\n{capsys.readouterr().out}\n(exit {exit_.code})")

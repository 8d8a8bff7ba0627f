import io
from contextlib import redirect_stderr

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError

from accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def test_prints_the_token_alone_on_the_last_line_and_it_works(operator):
    out = io.StringIO()
    call_command("create_api_token", "operator", stdout=out)
    key = out.getvalue().strip().splitlines()[-1]
    assert " " not in key and len(key) >= 32
    assert ApiToken.user_for(key) == operator
    assert ApiToken.objects.get().key_hash != key  # only the hash is kept


def test_each_run_issues_a_new_token(operator):
    keys = set()
    for _ in range(2):
        out = io.StringIO()
        call_command("create_api_token", "operator", stdout=out)
        keys.add(out.getvalue().strip().splitlines()[-1])
    assert len(keys) == 2


def test_unknown_user_is_a_clear_error():
    with pytest.raises(CommandError, match="«ghost» не найден"):
        call_command("create_api_token", "ghost")
    assert not ApiToken.objects.exists()


def test_unknown_user_exits_with_non_zero_code():
    err = io.StringIO()
    with redirect_stderr(err), pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["manage.py", "create_api_token", "ghost"])
    assert exit_info.value.code != 0
    assert "не найден" in err.getvalue()


def test_disabled_user_gets_no_token(operator):
    operator.is_active = False
    operator.save()
    with pytest.raises(CommandError, match="отключена"):
        call_command("create_api_token", "operator")
    assert not ApiToken.objects.exists()

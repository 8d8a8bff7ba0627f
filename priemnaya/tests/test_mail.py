"""Letters to residents never reach the server log: the embedded default keeps them as files under var/."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.checks import run_checks

from priemnaya import checks

ROOT = Path(__file__).resolve().parents[2]
LETTER = ("from django.core.mail import send_mail; "
          "send_mail('Ваше обращение', 'Код доступа K7Q2MX9R4T, ул. Марата, 7, кв. 12', None, ['a@example.ru'])")


def test_the_embedded_default_writes_letters_to_files_and_nothing_to_the_log(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("EMAIL_BACKEND", "DJANGO_SETTINGS_MODULE")}
    env["EMAIL_FILE_PATH"] = str(tmp_path)
    run = subprocess.run([sys.executable, "manage.py", "shell", "-c", LETTER], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "K7Q2MX9R4T" not in run.stdout + run.stderr
    letters = list(tmp_path.iterdir())
    assert len(letters) == 1 and "K7Q2MX9R4T" in letters[0].read_text()


def test_the_default_mail_folder_is_under_var():
    from django.conf import settings

    assert Path(settings.EMAIL_FILE_PATH) == ROOT / "var" / "mail" or "EMAIL_FILE_PATH" in os.environ


def test_a_console_mail_backend_is_warned_against(settings):
    settings.EMAIL_BACKEND = checks.CONSOLE_MAIL
    assert "priemnaya.W010" in [m.id for m in run_checks()]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert "priemnaya.W010" not in [m.id for m in run_checks()]

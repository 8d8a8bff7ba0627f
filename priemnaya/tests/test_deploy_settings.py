"""The production environment of the README passes Django's deployment checks, and HTTPS=1 does what it says.

Settings are read once at import, so each environment is tried in a fresh process.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_production_environment() -> dict[str, str]:
    """The variables of the README's production environment (the first block of "Deploy"), placeholders filled."""
    deploy = (ROOT / "README.md").read_text(encoding="utf-8").split("## Deploy", 1)[1]
    block = deploy.split("```", 2)[1]
    env = dict(re.findall(r"^\s*([A-Z_]+)=(.*?)\s*$", block, flags=re.M))
    assert env, "no environment in the README's Deploy section"
    return {name: secrets.token_urlsafe(50) if "<" in value else value for name, value in env.items()}


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    inherited = ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")  # the browser tests set the latter
    clean = {k: v for k, v in os.environ.items() if k not in inherited and not k.startswith(
        ("DATABASE_", "REDIS_", "SECURE_", "HTTPS", "HSTS_", "DEBUG", "CELERY_"))}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**clean, "DJANGO_SETTINGS_MODULE": "priemnaya.settings", **env})


def test_production_environment_passes_the_deployment_checks():
    code = ("import django; django.setup()\n"
            "from django.core.checks import run_checks\n"
            "for m in run_checks(include_deployment_checks=True):\n"
            "    if not m.is_silenced(): print(m)\n")
    done = run_python(code, readme_production_environment())
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"deployment checks report:\n{done.stdout}"


SHOW = ("import django, json; django.setup()\n"
        "from django.conf import settings as s\n"
        "print(json.dumps({n: getattr(s, n) for n in ('SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS',"
        " 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_PROXY_SSL_HEADER', 'SESSION_COOKIE_SECURE',"
        " 'CSRF_COOKIE_SECURE')}))\n")


def settings_with(**env) -> dict:
    done = run_python(SHOW, env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_https_turns_on_redirect_hsts_and_secure_cookies_behind_the_proxy():
    assert settings_with(HTTPS="1") == {
        "SECURE_SSL_REDIRECT": True, "SECURE_HSTS_SECONDS": 365 * 24 * 3600, "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True,
    }


def test_tls_in_the_application_trusts_no_header_and_secure_cookies_alone_still_work():
    assert settings_with(HTTPS="1", HTTPS_PROXY_HEADER="")["SECURE_PROXY_SSL_HEADER"] is None
    legacy = settings_with(SECURE_COOKIES="1")
    assert legacy["SESSION_COOKIE_SECURE"] and legacy["CSRF_COOKIE_SECURE"]
    assert not legacy["SECURE_SSL_REDIRECT"] and legacy["SECURE_HSTS_SECONDS"] == 0


def test_the_embedded_default_stays_plain_http():
    assert settings_with() == {
        "SECURE_SSL_REDIRECT": False, "SECURE_HSTS_SECONDS": 0, "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_PROXY_SSL_HEADER": None, "SESSION_COOKIE_SECURE": False, "CSRF_COOKIE_SECURE": False,
    }

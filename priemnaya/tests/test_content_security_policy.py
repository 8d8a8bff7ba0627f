"""Every answer carries a strict Content-Security-Policy, and nothing the site shows needs an exception from it:
no inline script, style block, style attribute, event handler or javascript: address, in the templates or in
the pages they make (the admin's and the API docs' included). The browser tests check that Chromium reports
no violation on the main flows.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from conftest import create_appeal

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)

INLINE = [
    (re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> block"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"\s(?:hx|data-hx)-on\b", re.I), "htmx hx-on handler"),
    (re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I), "javascript: address"),
]


def inline_code(html: str) -> list[str]:
    return [f"{what}: {m.group(0)!r}" for pattern, what in INLINE for m in pattern.finditer(html)]


def project_templates() -> list[Path]:
    skip = {".venv", "staticfiles", "node_modules", ".git", "artifacts"}
    return [p for p in ROOT.rglob("*.html") if not skip & set(p.relative_to(ROOT).parts)]


def test_no_template_has_inline_code():
    templates = project_templates()
    assert len(templates) > 40, "the templates were not found"
    found = {str(p.relative_to(ROOT)): inline_code(p.read_text(encoding="utf-8")) for p in templates}
    assert {name: what for name, what in found.items() if what} == {}


def test_the_check_finds_what_it_looks_for():
    bad = ('<script>alert(1)</script><style>p{}</style><p style="color:red" onclick="x()" hx-on:input="y()">'
           '<a href="javascript:z()">')
    assert len(inline_code(bad)) == 6
    assert inline_code('<script src="/static/a.js" defer></script><p class="style-x" data-print>') == []


def staff_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def pages(admin_user, operator, building):
    appeal = create_appeal(building=building)
    anonymous, staff, admin = Client(), staff_client(operator), staff_client(admin_user)
    return {
        "public landing": (anonymous, "/"),
        "public appeal form": (anonymous, "/appeal/"),
        "public tracking": (anonymous, "/track/"),
        "public FAQ": (anonymous, "/faq/"),
        "public not found": (anonymous, "/no-such-page/"),
        "staff log-in": (anonymous, "/staff/login/"),
        "staff journal": (staff, "/staff/journal/"),
        "staff registration": (staff, "/staff/register/"),
        "staff appeal page": (staff, f"/staff/appeals/{appeal.number}"),
        "admin log-in": (anonymous, "/admin/login/"),
        "admin index": (admin, "/admin/"),
        "admin list": (admin, "/admin/housing/building/"),
        "admin change form": (admin, f"/admin/housing/building/{building.pk}/change/"),
        "API docs": (anonymous, "/api/v1/docs"),
        "API answer": (anonymous, "/api/v1/openapi.json"),
    }


def test_every_kind_of_page_carries_the_policy_and_needs_no_exception(pages):
    for name, (client, path) in pages.items():
        response = client.get(path, follow=True)
        assert response.status_code in (200, 404), (name, response.status_code)
        policy = response.headers.get("Content-Security-Policy", "")
        directives = dict((d.split() + [""])[:2] for d in policy.split(";") if d.strip())
        assert directives.get("script-src") == "'self'" and directives.get("style-src") == "'self'", (name, policy)
        assert "unsafe" not in policy and directives.get("object-src") == "'none'", (name, policy)
        if response["Content-Type"].startswith("text/html"):
            assert inline_code(response.content.decode()) == [], name

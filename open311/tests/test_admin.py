"""Staff create an integration in the admin: its key is shown once and works; a new key stops the old one."""

import re

import pytest

from open311.models import Integration, Submission

from .helpers import fms_form

pytestmark = pytest.mark.django_db

KEY_SHOWN = re.compile(r"Ключ API для «([^»]+)»: ([\w-]{40,})")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _keys_shown(response) -> dict[str, str]:
    return dict(KEY_SHOWN.findall(response.content.decode()))


def test_an_integration_added_in_the_admin_gets_a_key_shown_once(admin_client, client, marata):
    response = admin_client.post("/admin/open311/integration/add/", {
        "name": "FixMyStreet Петербург", "contact": "dev@fixmystreet.example.org", "is_active": "on",
        "rate_limit": "60", "answer_with": "number"}, follow=True)
    assert response.status_code == 200
    assert "Добавить интеграцию Open311" in admin_client.get("/admin/open311/integration/").content.decode()
    key = _keys_shown(response)["FixMyStreet Петербург"]
    integration = Integration.objects.get(name="FixMyStreet Петербург")
    assert integration.key_hash == Integration.hash(key)
    assert key[:8] == integration.key_prefix
    assert key not in admin_client.get(f"/admin/open311/integration/{integration.pk}/change/").content.decode()
    assert client.post("/open311/v2/requests.json", fms_form(key)).status_code == 200
    assert Integration.objects.get(pk=integration.pk).last_used_at is not None


def test_a_new_key_replaces_the_old_one(admin_client, client, integration, marata):
    record, old_key = integration
    response = admin_client.post("/admin/open311/integration/", {
        "action": "issue_new_key", "_selected_action": [record.pk]}, follow=True)
    new_key = _keys_shown(response)[record.name]
    assert new_key != old_key
    assert client.post("/open311/v2/requests.json", fms_form(old_key)).status_code == 403
    assert client.post("/open311/v2/requests.json", fms_form(new_key)).status_code == 200


def test_the_requests_filed_are_listed_with_their_appeal_and_link(admin_client, client, key, marata):
    client.post("/open311/v2/requests.json", fms_form(key))
    submission = Submission.objects.select_related("appeal").get()
    page = admin_client.get("/admin/open311/submission/").content.decode()
    assert f"№ {submission.appeal.number}" in page and "FixMyStreet Петербург" in page
    assert 'rel="noopener noreferrer nofollow"' in page and submission.media_url in page
    assert admin_client.get("/admin/open311/submission/add/").status_code == 403

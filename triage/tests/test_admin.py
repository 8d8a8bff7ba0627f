import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/admin/triage/triagesettings/", "/admin/triage/routingrule/", "/admin/triage/routingrule/add/",
         "/admin/triage/decision/", "/admin/triage/correction/", "/admin/triage/incident/",
         "/admin/triage/faqentry/", "/admin/triage/faqentry/add/", "/admin/accounts/absence/",
         "/admin/accounts/absence/add/"]


@pytest.mark.parametrize("url", PAGES)
def test_admin_pages_of_triage_open(client, admin_user, url):
    client.force_login(admin_user)
    assert client.get(url).status_code == 200


def test_thresholds_out_of_order_are_refused(client, admin_user):
    from triage.models import TriageSettings

    settings = TriageSettings.current()
    client.force_login(admin_user)
    response = client.post(f"/admin/triage/triagesettings/{settings.pk}/change/", {
        "auto_apply_threshold": "0.3", "suggest_threshold": "0.6", "auto_assign": "on", "incident_window_days": "14"})
    assert response.status_code == 200 and "порог подсказки — не выше порога применения" in response.content.decode()

"""Who sees what: supervisors and the administrator review and see every scorecard and the team; an operator sees
their own scorecard only (another's is a 403) and neither the queue nor the team; a specialist sees none."""

import pytest

from conftest import create_staff


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_operator_sees_own_scorecard_only(client, operator):
    other = create_staff("operator2", "operator", "crm")
    logged_in(client, operator)
    assert client.get("/staff/quality/me/").status_code == 200
    assert client.get(f"/staff/quality/operators/{operator.pk}/").status_code == 200
    assert client.get(f"/staff/quality/operators/{other.pk}/").status_code == 403


@pytest.mark.django_db
def test_operator_has_no_queue_team_or_review(client, operator):
    logged_in(client, operator)
    for url in ("/staff/quality/", "/staff/quality/team/", "/staff/quality/review/1/"):
        assert client.get(url).status_code == 403
    assert client.post("/staff/quality/complaints/", {"number": "1"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_supervisor_and_admin_see_everyone(client, operator, role):
    boss = create_staff(f"boss-{role}", role, "crm")
    logged_in(client, boss)
    for url in ("/staff/quality/", "/staff/quality/team/", f"/staff/quality/operators/{operator.pk}/"):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_specialist_sees_no_scorecard(client, specialist, operator):
    logged_in(client, specialist)
    assert client.get("/staff/quality/me/").status_code == 403
    assert client.get(f"/staff/quality/operators/{operator.pk}/").status_code == 403


@pytest.mark.django_db
def test_the_navigation_offers_each_role_its_page(client, operator, supervisor):
    assert 'href="/staff/quality/me/"' in logged_in(client, operator).get("/staff/quality/me/").content.decode()
    client.logout()
    assert 'href="/staff/quality/"' in logged_in(client, supervisor).get("/staff/quality/").content.decode()


@pytest.mark.django_db
def test_anonymous_is_sent_to_log_in(client):
    page = client.get("/staff/quality/")
    assert page.status_code == 302 and "/login/" in page["Location"]

"""A supervisor opens a systemic proposal from an incident, marks its measure implemented and reads its effect."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from appeals.models import Reason
from appeals.reference import load_reference_data
from conftest import PASSWORD, create_appeal, create_building, create_staff
from deadlines.calendar import MOSCOW
from proposals.deadline import proposal_due
from proposals.models import Proposal
from triage.models import Incident, IncidentAppeal

pytestmark = pytest.mark.django_db(transaction=True)

DAYS_AGO = 50  # the measure's day; registered before it


def _roof_appeals(home, days: list[int]) -> list:
    now = timezone.now().astimezone(MOSCOW).replace(hour=11, minute=0)
    return [create_appeal(reason="roof-damage", building=home, received_at=now - dt.timedelta(days=d)) for d in days]


def test_supervisor_opens_a_proposal_from_an_incident_and_reads_its_effect(page, shot):
    load_reference_data()
    create_staff("supervisor", "supervisor", "crm", first_name="Анна", last_name="Кузнецова")
    home = create_building()
    before = _roof_appeals(home, [DAYS_AGO + 1 + d for d in range(0, 48, 2)])  # 24 in the 49 days before
    _roof_appeals(home, [DAYS_AGO - 10, DAYS_AGO - 30, 5])  # 3 in the 49 days after
    incident = Incident.objects.create(title="Протечки кровли в доме на Марата, 7", building=home,
                                       reason=Reason.objects.get(code="roof-damage"))
    for appeal in before[:3]:
        IncidentAppeal.objects.create(incident=incident, appeal=appeal)

    page.goto("/staff/login/")
    page.get_by_label("Имя пользователя").fill("supervisor")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    page.goto(f"/staff/incidents/{incident.pk}/")
    page.get_by_role("link", name="Открыть предложение").click()
    expect(page.get_by_role("heading", name="Новое системное предложение")).to_be_visible()
    expect(page.get_by_label("Проблема")).to_have_value("Протечки кровли в доме на Марата, 7")
    page.get_by_label("Мера").fill("Заменить кровельное покрытие над всеми подъездами")
    shot("proposals-01-new")
    page.get_by_role("button", name="Зарегистрировать предложение").click()
    expect(page.get_by_role("heading", name="Системное предложение № СП-")).to_be_visible()
    expect(page.locator("#links")).to_contain_text("Протечки кровли в доме на Марата, 7")

    # It was registered before the measure's day, as if opened earlier: the effect needs days before and after.
    proposal = Proposal.objects.get()
    registered = timezone.now() - dt.timedelta(days=DAYS_AGO + 5)
    Proposal.objects.filter(pk=proposal.pk).update(registered_at=registered, due_at=proposal_due(registered))
    page.reload()
    page.get_by_label("Дата внедрения").fill((timezone.localdate() - dt.timedelta(days=DAYS_AGO)).isoformat())
    page.get_by_label("Что сделано").fill("Кровля заменена подрядчиком, акт приёмки подписан")
    page.get_by_role("button", name="Мера внедрена").click()
    expect(page.locator("[data-verdict]")).to_contain_text("Снижение на 88 %, случайностью не объясняется")
    expect(page.get_by_role("img", name="Обращения по неделям до и после внедрения")).to_be_visible()
    expect(page.locator("[data-table=effect]")).to_contain_text("после")
    shot("proposals-02-page")

    page.get_by_role("link", name="Предложения", exact=True).click()
    expect(page.locator("[data-table=proposals]")).to_contain_text(proposal.number)
    expect(page.locator("[data-table=proposals]")).to_contain_text("внедрено")
    shot("proposals-03-list")

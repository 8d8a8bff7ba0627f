"""The quality page: figures from the journal, and no satisfaction figure while no survey exists."""

import datetime as dt

import pytest
from django.utils import timezone

from appeals.choices import Favour, Status
from appeals.models import Appeal
from conftest import create_appeal
from portal.tests.test_no_personal_data import PHONE, SURNAME

from .pages import checked_page

pytestmark = pytest.mark.django_db


def test_quality_page_says_plainly_no_survey_was_held_and_shows_the_month(client):
    now = timezone.now()
    appeal = create_appeal(full_name=f"{SURNAME} Евлампия", phone=PHONE)
    Appeal.objects.filter(pk=appeal.pk).update(status=Status.ANSWERED, answered_at=now,
                                               answer_due=now + dt.timedelta(days=3),
                                               resolved_in_favour_of=Favour.APPLICANT)
    html = checked_page(client.get("/services/quality/"))
    assert "опросы удовлетворённости ещё не проводились" in html
    assert "100,0\u00a0%" in html and "(1 из&nbsp;1)" in html
    assert html.count("<tr>") == 13  # the header and twelve months
    assert SURNAME not in html and "987-65-43" not in html

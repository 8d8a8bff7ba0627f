import datetime as dt

import pytest
from django.utils import timezone

from appeals import services
from appeals.applicants import ApplicantData
from appeals.errors import AppealError
from appeals.models import Appeal
from conftest import create_appeal, create_building

pytestmark = pytest.mark.django_db


def test_every_appeal_gets_a_dictatable_number_and_a_secret_code_at_once():
    first, second = create_appeal(), create_appeal()
    year = timezone.localtime().year % 100
    assert first.number == f"{year:02d}-000001"
    assert second.number == f"{year:02d}-000002"
    assert len(first.access_code) == 10 and first.access_code != second.access_code
    assert first.registration_due and first.answer_due


def test_unknown_address_is_kept_as_typed_and_never_refused():
    appeal = create_appeal(address_text="пос. Неизвестный, ул. Новая 1")
    assert appeal.building is None
    assert appeal.address_text == "пос. Неизвестный, ул. Новая 1"


def test_address_matched_to_registry():
    building = create_building("улица Марата", "7")
    appeal = create_appeal(address_text="д.7 по ул. Марата")
    assert appeal.building == building


def test_received_in_future_is_refused():
    with pytest.raises(AppealError) as err:
        create_appeal(received_at=timezone.now() + dt.timedelta(days=1))
    assert err.value.field == "received_at"


def test_letter_received_in_the_past_counts_from_its_date():
    received = timezone.now() - dt.timedelta(days=3)
    appeal = create_appeal(channel="post", received_at=received)
    assert appeal.received_at == received


def test_empty_text_is_refused():
    with pytest.raises(AppealError) as err:
        services.receive_appeal(text="   ", channel="web")
    assert err.value.field == "text"


def test_same_phone_and_name_reuse_the_applicant():
    a = create_appeal(phone="8 921 123-45-67")
    b = create_appeal(phone="+7 (921) 123 45 67")
    assert a.applicant_id == b.applicant_id


def test_care_flags_raise_priority():
    appeal = services.receive_appeal(text="Не работает домофон", channel="phone",
                                     applicant=ApplicantData(full_name="Петров Пётр", is_disabled=True))
    assert appeal.priority == "high"


def test_emergency_reason_gets_emergency_priority_and_hour_deadline():
    appeal = create_appeal("Сильный запах газа в подъезде", reason="gas-smell")
    assert appeal.priority == "emergency"
    assert appeal.answer_due - appeal.received_at == dt.timedelta(minutes=30)


def test_history_records_receipt():
    appeal = create_appeal()
    assert list(appeal.events.values_list("action", flat=True)) == ["received"]
    assert Appeal.objects.count() == 1

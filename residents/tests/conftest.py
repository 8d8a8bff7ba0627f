"""Residents as the tests need them, and the code a message carried."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from residents.models import Resident
from residents.session import SESSION_KEY

PASSWORD = "Marata-7-lift!"


def create_resident(email: str = "ivanova@mail.ru", phone: str = "", *, name: str = "Ирина с Марата",
                    password: str = PASSWORD, confirmed: bool = True, **extra) -> Resident:
    resident = Resident(email=email, phone=phone, display_name=name,
                        confirmed_at=timezone.now() if confirmed else None, **extra)
    if password:
        resident.set_password(password)
    resident.save()
    return resident


def sent_code() -> str:
    """The code of the newest letter."""
    return re.search(r"код: (\d{6})", mail.outbox[-1].body)[1]


def signed_in(client, resident: Resident):
    session = client.session
    session[SESSION_KEY] = resident.pk
    session.save()
    return client


@pytest.fixture
def resident(db):
    return create_resident()


@pytest.fixture
def resident_client(client, resident):
    return signed_in(client, resident)


@pytest.fixture(autouse=True)
def _sms_to_tmp(settings, tmp_path):
    settings.SMS_FILE_PATH = tmp_path / "sms"


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client

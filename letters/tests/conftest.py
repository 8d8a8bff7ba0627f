"""Appeals decided the ways a letter answers them, and a company with a letterhead and the HQ's contacts."""

import datetime as dt

import pytest

from accounts.models import Company
from appeals import services
from appeals.applicants import ApplicantData
from appeals.models import Reason
from conftest import create_building, create_staff
from housing.models import Building

COMPANY = {
    "name": "ООО «Жилкомсервис № 1 Центрального района»", "short_name": "ЖКС № 1",
    "address": "191040, Санкт-Петербург, Лиговский проспект, д. 44", "phone": "+7 (812) 555-10-20",
    "email": "office@zhks1.example.ru", "inn": "7842007313", "ogrn": "1077847007314",
    "director": "Григорьев А. В.",
    "hq_name": "Региональный штаб по защите прав потребителей жилищных услуг",
    "hq_address": "190000, Санкт-Петербург, Исаакиевская площадь, д. 6", "hq_phone": "+7 (812) 576-00-00",
    "hq_email": "shtab@example.gov.ru", "hq_site": "shtab.example.ru",
}
TODAY = dt.date(2026, 3, 12)


@pytest.fixture(autouse=True)
def _letters_kept_apart(settings, tmp_path):
    """A test's PDFs go to its own folder, not the installation's media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def company(db) -> Company:
    company = Company.current()
    for field, value in COMPANY.items():
        setattr(company, field, value)
    company.save()
    return company


@pytest.fixture
def worker(db):
    return create_staff("plumber", "specialist", "tech", first_name="Пётр", last_name="Сантехников")


def in_work(worker, *, email: str = "ivanova@example.ru", postal: str = "", building=True,
            full_name: str = "Иванова Мария Петровна", phone: str = "+79211234567"):
    """A category Б roof appeal of Иванова, assigned to `worker` and in progress."""
    house = None
    if building:
        house = Building.objects.filter(street="улица Марата", house="7").first() or create_building()
    appeal = services.receive_appeal(
        text="Протекает крыша над квартирой", channel="phone", building=house, address_text="улица Марата, д. 7",
        applicant=ApplicantData(full_name=full_name, phone=phone, email=email,
                                postal_address=postal, flat="12"),
        reason=Reason.objects.get(code="roof-damage"), complexity="B")
    appeal = services.transition(appeal, "register", None)
    appeal = services.assign(appeal, None, assignee=worker)
    return services.transition(appeal, "start", worker)


def decided(worker, *, refuse: bool = False, favour: str = "applicant", **applicant):
    appeal = in_work(worker, **applicant)
    text = ("Кровля над вашим подъездом будет отремонтирована до 30 апреля." if not refuse else
            "Кровля находится в исправном состоянии: протечка вызвана \"самовольной\" перепланировкой чердака.")
    appeal = services.transition(appeal, "draft_answer", worker, answer_text=text)
    return services.transition(appeal, "refuse" if refuse else "answer", worker, result="Рассмотрено",
                               resolved_in_favour_of="company" if refuse else favour)


def extended(worker, **applicant):
    from django.contrib.auth.models import User

    supervisor = User.objects.filter(username="chief").first() or create_staff("chief", "supervisor", "crm")
    return services.transition(in_work(worker, **applicant), "extend", supervisor, note="Нужен осмотр подрядчика")

"""Small factories for the orders tests: a service, an order placed as a resident would, a company with
requisites."""

from decimal import Decimal

from accounts.models import Company
from appeals.applicants import ApplicantData
from conftest import create_building
from housing.models import Building
from orders import services
from orders.choices import VatRate
from orders.models import Order, PaidService

REQUISITES = {
    "name": "ООО «Жилкомсервис № 1 Центрального района»", "short_name": "ЖКС № 1",
    "address": "191040, Санкт-Петербург, Лиговский проспект, д. 44", "hq_name": "Региональный штаб",
    "inn": "7842007313", "kpp": "784201001", "ogrn": "1077847007314",
    "bank_name": "АО «Невский демонстрационный банк»", "bik": "044030981",
    "settlement_account": "40702810155000012345", "correspondent_account": "30101810900000000981",
    "director": "Григорьев А. В.", "accountant": "Белова Т. Н.",
}
PAYER = "Иванова Мария Петровна"


def company_with_requisites(**changes) -> Company:
    company = Company.current()
    for field, value in (REQUISITES | changes).items():
        setattr(company, field, value)
    company.save()
    return company


def create_service(name: str = "Замена смесителя", price: str = "1234.56", vat_rate: str = VatRate.NONE,
                   **extra) -> PaidService:
    found = PaidService.objects.filter(name=name).first()
    return found or PaidService.objects.create(name=name, price=Decimal(price), unit=extra.pop("unit", "шт."),
                                      vat_rate=vat_rate, **extra)


def place(service: PaidService | None = None, *, email: str = "ivanova@example.ru", building=None) -> Order:
    service = service or create_service()
    building = building or Building.objects.filter(street="улица Марата", house="7").first() or create_building()
    return services.place_order(service=service, building=building, address_text=building.address, flat="12",
                                applicant=ApplicantData(full_name=PAYER, phone="+79211234567", email=email,
                                                        flat="12"))


def confirmed(order: Order, actor, price: str = "1234.56", quantity: str = "1") -> Order:
    import datetime as dt

    from django.utils import timezone

    return services.confirm(order, actor, price=price, quantity=quantity,
                            work_date=timezone.localdate() + dt.timedelta(days=2))

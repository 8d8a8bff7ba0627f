"""The demo's paid services: a St Petersburg management company's price list, the company's requisites and a
few orders at different steps (one with an invoice). Idempotent: it adds what is missing and leaves what
staff edited alone.

The requisites are demo values with correct check digits that name no real organisation or bank.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accounts.models import Company
from appeals.applicants import ApplicantData
from housing.models import Building

from . import invoices, services
from .choices import VatRate
from .models import Invoice, Order, PaidService

CATALOGUE = [
    # name, price, unit, description
    ("Замена смесителя", "1500.00", "шт.", "Демонтаж старого и установка нового смесителя на кухне или в ванной. "
                                           "Смеситель — заказчика."),
    ("Прочистка канализации в квартире", "1800.00", "услуга",
     "Устранение засора внутриквартирной канализации (раковина, ванна, унитаз) тросом."),
    ("Установка счётчика воды", "2500.00", "шт.", "Установка индивидуального прибора учёта холодной или горячей "
                                                  "воды с опломбировкой и актом ввода в эксплуатацию."),
    ("Поверка счётчика воды", "900.00", "шт.", "Поверка на месте без снятия прибора, с внесением сведений "
                                               "во ФГИС «Аршин»."),
    ("Замена радиатора отопления", "6500.00", "шт.", "Вне отопительного сезона, со сливом и заполнением стояка. "
                                                     "Радиатор — заказчика."),
    ("Электромонтажные работы", "1200.00", "час", "Замена розеток, выключателей, автоматов в квартирном щитке, "
                                                  "прокладка проводки."),
    ("Установка унитаза", "2800.00", "шт.", "Демонтаж старого и установка нового унитаза с подключением."),
    ("Вскрытие двери", "3500.00", "услуга", "Вскрытие входной двери квартиры при утере ключей — "
                                            "в присутствии собственника с документами."),
    ("Замена участка трубы водоснабжения", "2200.00", "м", "Замена внутриквартирной разводки после "
                                                           "отсекающего крана, полипропилен."),
    ("Герметизация межпанельных швов", "950.00", "м", "Снаружи, с автовышки или промышленными альпинистами."),
]
REQUISITES = {
    "inn": "7842007313",
    "kpp": "784201001",
    "ogrn": "1077847007314",
    "bank_name": "АО «Невский демонстрационный банк», г. Санкт-Петербург",
    "bik": "044030981",
    "settlement_account": "40702810155000012345",
    "correspondent_account": "30101810900000000981",
    "director": "Григорьев А. В.",
    "accountant": "Белова Т. Н.",
}
# Who ordered what, and how far the order went: the step names of `orders.workflow`.
ORDERS = [
    ("Замена смесителя", "Кравцова Людмила Ивановна", "kravtsova@mail.example", "5", []),
    ("Установка счётчика воды", "Ершов Павел Андреевич", "ershov@mail.example", "41",
     ["confirm_order", "issue_invoice"]),
    ("Поверка счётчика воды", "Тихонова Вера Сергеевна", "", "17", ["confirm_order"]),
    ("Прочистка канализации в квартире", "Носов Игорь Викторович", "nosov@mail.example", "8",
     ["confirm_order", "complete_order", "pay_order"]),
    ("Вскрытие двери", "Лаптева Ольга Николаевна", "", "23", ["cancel_order"]),
]


def _catalogue() -> int:
    added = 0
    for position, (name, price, unit, description) in enumerate(CATALOGUE):
        _, created = PaidService.objects.get_or_create(name=name, defaults={
            "price": Decimal(price), "unit": unit, "description": description, "vat_rate": VatRate.NONE,
            "order": position})
        added += created
    return added


def _requisites() -> None:
    company = Company.current()
    blank = {field: value for field, value in REQUISITES.items() if not getattr(company, field)}
    if blank:
        Company.objects.filter(pk=company.pk).update(**blank)


def _staff():
    return User.objects.filter(username="operator").first() or User.objects.filter(is_superuser=True).first()


def _take(order: Order, step: str, actor) -> None:
    if step == "confirm_order":
        services.confirm(order, actor, price=order.price, quantity=Decimal(1),
                         work_date=timezone.localdate() + dt.timedelta(days=3))
    elif step == "issue_invoice":
        invoices.issue_invoice(order, actor)
    elif step == "complete_order":
        services.complete(order, actor)
    elif step == "pay_order":
        services.mark_paid(order, actor)
    elif step == "cancel_order":
        services.cancel(order, actor, reason="Заявитель сам нашёл ключи и отказался от вскрытия.")


@transaction.atomic
def _orders() -> int:
    if Order.objects.exists():
        return 0
    buildings = list(Building.objects.filter(is_active=True).order_by("pk")[: len(ORDERS)])
    actor = _staff()
    for index, (service_name, full_name, email, flat, steps) in enumerate(ORDERS):
        building = buildings[index % len(buildings)] if buildings else None
        order = services.place_order(
            service=PaidService.objects.get(name=service_name),
            applicant=ApplicantData(full_name=full_name, phone=f"+7921555{index:04d}", email=email, flat=flat),
            building=building, address_text=building.address if building else "Санкт-Петербург, улица Марата, 7",
            flat=flat, preferred_date=timezone.localdate() + dt.timedelta(days=2 + index),
            comment="Удобно после 18:00." if index % 2 else "")
        for step in steps:
            _take(order, step, actor)
            order.refresh_from_db()
    return len(ORDERS)


def load() -> str:
    """The demo's paid services; a one-line summary."""
    services_added = _catalogue()
    _requisites()
    orders_added = _orders()
    return (f"Платные услуги: в перечне {PaidService.objects.count()} (добавлено {services_added}), "
            f"заказов {Order.objects.count()} (добавлено {orders_added}), счетов {Invoice.objects.count()}.")

"""The demo's «Справочная информация»: each list is filled when empty, and left alone once staff have it."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from housing.models import Building

from . import demo_texts as texts
from .models import CompanyDetails, Contact, ContactGroup, NewsItem, Outage, PaymentPoint, UsefulLink


def _last(month: int, day: int, now: dt.datetime) -> dt.datetime:
    """The latest `day.month`, 10:00, that is already past."""
    moment = now.replace(month=month, day=day, hour=10, minute=0, second=0, microsecond=0)
    return moment if moment <= now else moment.replace(year=moment.year - 1)


def _news(slug, category, title, lead, body, published_at, *, year=None, is_published=True) -> tuple[NewsItem, bool]:
    fill = (lambda text: text.format(year=year)) if year else (lambda text: text)
    return NewsItem.objects.get_or_create(slug=fill(slug), defaults={
        "category": category, "title": fill(title), "lead": fill(lead), "body": fill(body),
        "published_at": published_at, "is_published": is_published})


def _load_news(now: dt.datetime) -> dict[str, NewsItem]:
    made = {}
    for group, published in ((texts.TARIFF_NEWS, _last(6, 10, now)), (texts.SUMMER_NEWS, _last(5, 20, now))):
        for index, row in enumerate(group):
            made[row[0]] = _news(*row, published + dt.timedelta(days=index), year=published.year)[0]
    for *row, days in texts.RECENT_NEWS:
        made[row[0]] = _news(*row, now - dt.timedelta(days=days))[0]
    made["cold"] = _news(*texts.OUTAGE_NEWS["cold"], now - dt.timedelta(hours=2))[0]
    made["hot"] = _news(*texts.OUTAGE_NEWS["hot"], now - dt.timedelta(days=1, hours=3))[0]
    _news(*texts.DRAFT_NEWS, now, is_published=False)  # for staff to see the preview
    return made


def _buildings(street: str, houses: list[tuple[str, str]]) -> list[Building]:
    found = [Building.objects.filter(street=street, house=house, korpus=korpus).first() for house, korpus in houses]
    return [b for b in found if b is not None]


def _outage(buildings: list[Building], **fields) -> None:
    if buildings:
        Outage.objects.create(**fields).buildings.set(buildings)


def _load_outages(now: dt.datetime, news: dict[str, NewsItem]) -> int:
    if Outage.objects.exists():
        return 0
    hour = now.replace(minute=0, second=0, microsecond=0)
    _outage(_buildings("Литейный проспект", [("32", ""), ("46", ""), ("46", "2")]),
            resource=Outage.Resource.COLD_WATER, kind=Outage.Kind.EMERGENCY, starts_at=hour - dt.timedelta(hours=2),
            ends_at=hour + dt.timedelta(hours=6), news=news["cold"],
            note="Порыв водопроводного ввода; во дворе дома 46 стоит автоцистерна с питьевой водой.")
    _outage(_buildings("улица Марата", [("7", ""), ("7А", ""), ("12", "")]),
            resource=Outage.Resource.HOT_WATER, kind=Outage.Kind.PLANNED, starts_at=hour - dt.timedelta(days=1),
            ends_at=hour + dt.timedelta(days=2), news=news["hot"],
            note="ГУП «ТЭК СПб» заменяет участок тепловой сети; отопление работает.")
    day = timezone.localtime(now).replace(hour=10, minute=0, second=0, microsecond=0)
    _outage(_buildings("Кирочная улица", [("19", ""), ("24", "")]),
            resource=Outage.Resource.ELECTRICITY, kind=Outage.Kind.PLANNED, starts_at=day + dt.timedelta(days=5),
            ends_at=day + dt.timedelta(days=5, hours=6),
            note="ПАО «Россети Ленэнерго» заменяет кабель; на время работ лифты не работают.")
    return Outage.objects.count()


def _load_lists() -> None:
    if not PaymentPoint.objects.exists():
        PaymentPoint.objects.bulk_create(
            PaymentPoint(name=name, address=address, hours=hours, phone=phone, payments=payments, fee=fee,
                         order=index * 10) for index, (name, address, hours, phone, payments, fee)
            in enumerate(texts.PAYMENT_POINTS, start=1))
    if not ContactGroup.objects.exists():
        for index, (title, posts) in enumerate(texts.CONTACT_GROUPS, start=1):
            group = ContactGroup.objects.create(title=title, order=index * 10)
            Contact.objects.bulk_create(Contact(group=group, post=post, phone=phone, email=email, hours=hours,
                                                order=number * 10)
                                        for number, (post, phone, email, hours) in enumerate(posts, start=1))
    if not CompanyDetails.objects.exists():
        CompanyDetails.objects.create(**texts.COMPANY_DETAILS)
    if not UsefulLink.objects.exists():
        UsefulLink.objects.bulk_create(UsefulLink(title=title, description=description, url=url, order=index * 10)
                                       for index, (title, description, url) in enumerate(texts.USEFUL_LINKS, start=1))


@transaction.atomic
def load() -> str:
    """Fill the section in; what is there is left as it is. One line for `load_demo` to print."""
    now = timezone.now()
    news = _load_news(now)
    _load_outages(now, news)
    _load_lists()
    return (f"Справочная информация: новостей {NewsItem.objects.count()}, отключений {Outage.objects.count()}, "
            f"пунктов оплаты {PaymentPoint.objects.count()}, контактов {Contact.objects.count()}, "
            f"ссылок {UsefulLink.objects.count()}.")

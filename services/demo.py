"""The demo content of «Услуги» and «Клиентам». Idempotent: adds what is missing, leaves what staff edited."""

import datetime as dt
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from housing.models import Building

from .demo_acts import GENERAL_ACTS, TARIFF_LINES, act_for, period_starts, prices
from .demo_articles import ARTICLES
from .demo_documents import DOCUMENTS, build_docx
from .demo_services import BENEFITS, SERVICES
from .models import Article, Benefit, DocumentTemplate, NormativeAct, Service, Tariff

PASSPORT_SEED = 1703


def _act(kind, issuer, doc_type, number, adopted_on, title, url, order=0) -> tuple[NormativeAct, bool]:
    return NormativeAct.objects.get_or_create(
        doc_type=doc_type, number=number, adopted_on=adopted_on, issuer=issuer,
        defaults={"kind": kind, "title": title, "url": url, "is_published": True, "order": order})


def _general_acts() -> None:
    for index, row in enumerate(GENERAL_ACTS):
        _act(*row, order=index)


def _benefits() -> int:
    made = 0
    for order, (slug, title, summary, who, documents, where, act_number) in enumerate(BENEFITS):
        _benefit, created = Benefit.objects.get_or_create(slug=slug, defaults={
            "title": title, "summary": summary, "who_qualifies": who, "documents_needed": documents,
            "where_to_apply": where, "act": NormativeAct.objects.filter(number=act_number).first(),
            "is_published": True, "order": order})
        made += created
    return made


def _services() -> int:
    made = 0
    for order, row in enumerate(SERVICES):
        slug, group, name, summary, unit, setter, basis, steps, documents, where, benefits = row
        service, created = Service.objects.get_or_create(slug=slug, defaults={
            "group": group, "name": name, "summary": summary, "unit": unit, "price_setter": setter,
            "price_basis": basis, "how_to_get": steps, "documents_needed": documents, "where": where,
            "is_published": True, "order": order})
        if created:
            service.benefits.set(Benefit.objects.filter(slug__in=benefits))
            made += 1
    return made


def _tariffs(today: dt.date) -> int:
    services = {service.slug: service for service in Service.objects.all()}
    starts = period_starts(today)
    made = 0
    for variant_order, line in enumerate(TARIFF_LINES):
        service = services.get(line.service)
        if service is None:
            continue
        for index, (start, price) in enumerate(zip(starts, prices(line), strict=True)):
            act, _ = _act(*act_for(line.service, start, index))
            ends = starts[index + 1] - dt.timedelta(days=1) if index + 1 < len(starts) else None
            _tariff, created = Tariff.objects.get_or_create(
                service=service, variant=line.variant, valid_from=start,
                defaults={"price": price, "valid_to": ends, "act": act, "variant_order": variant_order})
            made += created
    return made


def _documents() -> int:
    made = 0
    for order, (slug, kind, title, description, download_name, blocks) in enumerate(DOCUMENTS):
        if DocumentTemplate.objects.filter(slug=slug).exists():
            continue
        document = DocumentTemplate(slug=slug, kind=kind, title=title, description=description,
                                    download_name=download_name, is_published=True, order=order)
        document.file.save(f"{slug}.docx", ContentFile(build_docx(title, blocks)), save=False)
        document.save()
        made += 1
    return made


def _articles(today: dt.date) -> int:
    made = 0
    for order, (slug, topic, title, lead, body) in enumerate(ARTICLES):
        _article, created = Article.objects.get_or_create(slug=slug, defaults={
            "topic": topic, "title": title, "lead": lead, "body": body, "is_published": True, "order": order,
            "published_on": today - dt.timedelta(days=20 * order + 3)})
        made += created
    return made


def _passport(rng: random.Random) -> dict:
    """A plausible passport for a house of the Central district: mostly pre-1917 tenement houses."""
    year = rng.choices([rng.randint(1840, 1916), rng.randint(1930, 1955), rng.randint(1956, 1989),
                        rng.randint(1995, 2015)], weights=[70, 14, 10, 6])[0]
    floors = rng.randint(4, 6) if year < 1917 else rng.randint(5, 9) if year < 1990 else rng.randint(7, 12)
    footprint = rng.randint(450, 1600)
    total = Decimal(footprint * floors * rng.uniform(0.78, 0.86)).quantize(Decimal("0.1"))
    flats = max(6, int(total / Decimal(rng.uniform(58, 82))))
    living = (total * Decimal(str(round(rng.uniform(0.58, 0.66), 3)))).quantize(Decimal("0.1"))
    return {"year_built": year, "floors": floors, "flats": flats, "total_area": total, "living_area": living}


def _building_passports() -> int:
    """Fills only the buildings with no passport yet; the same building gets the same figures every time."""
    missing = Building.objects.filter(year_built__isnull=True, floors__isnull=True, flats__isnull=True)
    filled = 0
    for building in missing:
        rng = random.Random(f"{PASSPORT_SEED}:{building.address}")
        Building.objects.filter(pk=building.pk).update(**_passport(rng))
        filled += 1
    return filled


@transaction.atomic
def load() -> str:
    """Adds the sections' demo content; the summary line for `load_demo`."""
    today = timezone.localdate()
    acts_before = NormativeAct.objects.count()
    _general_acts()
    benefits = _benefits()
    services = _services()
    tariffs = _tariffs(today)
    documents = _documents()
    articles = _articles(today)
    passports = _building_passports()
    acts = NormativeAct.objects.count() - acts_before
    return (f"Услуги и «Клиентам»: добавлено услуг — {services}, тарифов — {tariffs}, нормативных актов — {acts}, "
            f"льгот — {benefits}, форм документов — {documents}, статей — {articles}; паспорта домов — {passports}.")

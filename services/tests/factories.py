"""Small factories for the section's objects."""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile

from services.demo_documents import build_docx
from services.models import Article, Benefit, DocumentTemplate, NormativeAct, Service, Tariff


def create_act(number: str = "241-р", **extra) -> NormativeAct:
    values = {"kind": "tariff", "issuer": "Комитет по тарифам Санкт-Петербурга", "doc_type": "распоряжение",
              "number": number, "adopted_on": dt.date(2025, 12, 18), "is_published": True,
              "title": "Об установлении тарифов на питьевую воду и водоотведение", "url": "https://tarifspb.ru/"}
    return NormativeAct.objects.create(**{**values, **extra})


def create_service(slug: str = "kholodnaya-voda", **extra) -> Service:
    values = {"group": "communal", "name": "Холодное водоснабжение", "summary": "Подача питьевой воды.",
              "unit": "м³", "price_setter": "tariff_committee", "is_published": True,
              "how_to_get": "Передайте показания счётчиков.\nСообщите о перебоях.",
              "documents_needed": "Паспорт", "where": "Офис управляющей компании"}
    return Service.objects.create(slug=slug, **{**values, **extra})


def create_tariff(service: Service, price: str, valid_from: dt.date, valid_to: dt.date | None = None,
                  act: NormativeAct | None = None, variant: str = "", variant_order: int = 0) -> Tariff:
    return Tariff.objects.create(service=service, price=Decimal(price), valid_from=valid_from, valid_to=valid_to,
                                 act=act, variant=variant, variant_order=variant_order)


def create_benefit(slug: str = "subsidiya", **extra) -> Benefit:
    values = {"title": "Субсидия на оплату жилья", "summary": "Часть платы возмещает государство.",
              "who_qualifies": "Семьи с низким доходом", "documents_needed": "Заявление\nПаспорт",
              "where_to_apply": "МФЦ", "is_published": True}
    return Benefit.objects.create(slug=slug, **{**values, **extra})


def create_document(slug: str = "zayavlenie", **extra) -> DocumentTemplate:
    values = {"kind": "application", "title": "Заявление о перерасчёте", "download_name": "Заявление о перерасчёте",
              "is_published": True}
    document = DocumentTemplate(slug=slug, **{**values, **extra})
    document.file.save(f"{slug}.docx", ContentFile(build_docx(document.title, [("title", document.title)])),
                       save=False)
    document.save()
    return document


def create_article(slug: str = "zapah-gaza", **extra) -> Article:
    values = {"topic": "safety", "title": "Почувствовали запах газа", "lead": "Что делать.",
              "body": "Откройте окна.\n\nПозвоните 104.", "is_published": True}
    return Article.objects.create(slug=slug, **{**values, **extra})

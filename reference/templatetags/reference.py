"""The outage notices other pages show (the landing, the appeal form), and the FAQ's link to the contacts."""

import re

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from housing.services import match_building
from priemnaya.russian import plural

from .. import outages

register = template.Library()
BANNER_ADDRESSES = 4  # more than that go to the outages page
CONTACTS_MENTION = re.compile("«Контакты»")


def moment(value) -> str:
    """«14 июля, 18:00»; with the year when it is not this one."""
    local = timezone.localtime(value)
    shown = date_format(local, "j E" if local.year == timezone.localtime().year else "j E Y г.")
    return f"{shown}, {local:%H:%M}"


@register.filter
def until(outage) -> str:
    """«до 14 июля, 18:00», or that the end is not known yet."""
    return f"до {moment(outage.ends_at)}" if outage.ends_at else "до окончания работ (срок уточняется)"


@register.filter
def since(outage) -> str:
    return f"с {moment(outage.starts_at)}"


@register.inclusion_tag("reference/_outage_notice.html")
def outage_notice(building=None, address: str = "", filed: bool = False) -> dict:
    """What is known to be off in the building picked (or typed, when the form was sent without scripts)."""
    if building is None and address and address.strip():
        building = match_building(address[:400])
    return {"outages": outages.current_for(building), "building": building, "filed": filed}


@register.inclusion_tag("reference/_outage_banner.html")
def outage_banner() -> dict:
    return {"outages": outages.current()}


@register.filter
def addresses(outage) -> str:
    """«улица Марата, д. 7; улица Марата, д. 9 и ещё 3 дома»: the first few, for a banner."""
    buildings = [b.address for b in outage.buildings.all()]
    shown = "; ".join(buildings[:BANNER_ADDRESSES])
    more = len(buildings) - BANNER_ADDRESSES
    return f"{shown} и ещё {more} {plural(more, 'дом', 'дома', 'домов')}" if more > 0 else shown


@register.filter(is_safe=True)
def contacts_link(html: str) -> SafeString:
    """The FAQ's «раздел «Контакты»» as a link to the contacts page (the text is already escaped)."""
    link = format_html('<a href="{}">«Контакты»</a>', reverse("reference:contacts"))
    return mark_safe(CONTACTS_MENTION.sub(link, str(conditional_escape(html))))

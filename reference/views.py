"""«Справочная информация»: news, outages, payment points, contacts and useful links."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from portal.drafts import may_preview

from . import outages
from .models import CompanyDetails, Contact, ContactGroup, NewsItem, PaymentPoint, UsefulLink
from .publishing import shown

NEWS_PER_PAGE = 8
CATEGORIES = {value: label for value, label in NewsItem.Category.choices}


@require_GET
def news_list(request):
    news, preview = shown(request, NewsItem.objects.all())
    category = request.GET.get("category", "")
    if category:
        if category not in CATEGORIES:
            raise Http404("Такой рубрики новостей нет.")
        news = news.filter(category=category)
    # An unreadable or too large number gives the nearest page there is.
    page = Paginator(news.only("title", "slug", "category", "lead", "published_at", "is_published"),
                     NEWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "reference/news_list.html", {
        "page": page, "category": category, "category_label": CATEGORIES.get(category, ""),
        "categories": NewsItem.Category.choices, "preview": preview})


@require_GET
def news_detail(request, slug: str):
    item = NewsItem.objects.published().filter(slug=slug).first()
    preview = False
    if item is None and may_preview(request.user, NewsItem):
        item, preview = get_object_or_404(NewsItem, slug=slug), True
    if item is None:
        raise Http404("Такой новости нет.")
    return render(request, "reference/news_detail.html", {
        "item": item, "preview": preview, "outages": item.outages.filter(is_published=True)
        .prefetch_related("buildings")})


@require_GET
def outage_list(request):
    return render(request, "reference/outages.html", {
        "current": outages.current(), "upcoming": outages.upcoming()})


@require_GET
def payment_points(request):
    points, preview = shown(request, PaymentPoint.objects.all())
    return render(request, "reference/payment_points.html", {"points": points, "preview": preview})


@require_GET
def contacts(request):
    groups, preview = shown(request, ContactGroup.objects.all())
    people, _ = shown(request, Contact.objects.all())
    groups = groups.prefetch_related(Prefetch("contacts", queryset=people, to_attr="shown_contacts"))
    return render(request, "reference/contacts.html", {
        "groups": groups, "details": CompanyDetails.current(), "preview": preview})


@require_GET
def useful_links(request):
    links, preview = shown(request, UsefulLink.objects.all())
    return render(request, "reference/links.html", {"links": links, "preview": preview})

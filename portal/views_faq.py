"""Answers to frequent questions (A3): search by the resident's own words, and the whole list."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from triage.answers import match_faq
from triage.models import FaqEntry

MAX_QUERY = 300


@require_GET
def faq(request):
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY]
    matches = match_faq(query, limit=5) if query else []
    entries = (FaqEntry.objects.filter(is_published=True).select_related("category")
               .order_by("category__order", "order", "id"))
    return render(request, "portal/faq.html", {"q": query, "matches": matches, "entries": entries})

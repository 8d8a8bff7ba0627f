"""The «Клиентам» section: the regulatory base, the structure of the housing stock, useful articles."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from housing.stock import housing_stock

from .models import ActKind, Article, ArticleTopic, NormativeAct
from .views import _grouped


@require_GET
def clients(request):
    articles = Article.objects.visible_to(request.user).only("slug", "topic", "title", "lead", "is_published")
    return render(request, "services/clients.html", {
        "acts": _grouped(NormativeAct.objects.visible_to(request.user), "kind", ActKind),
        "stock": housing_stock(),
        "articles": _grouped(articles, "topic", ArticleTopic),
    })


@require_GET
def article(request, slug: str):
    found = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    paragraphs = [part.strip() for part in found.body.split("\n\n") if part.strip()]
    return render(request, "services/article.html", {"article": found, "paragraphs": paragraphs})

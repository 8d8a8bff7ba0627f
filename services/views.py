"""The «Услуги» section of the public site: services and tariffs, benefits, document templates, quality."""

from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from appeals.indicators import indicators, last_months

from .models import Benefit, DocumentKind, DocumentTemplate, Service, ServiceGroup, Tariff

TARIFFS = Prefetch("tariffs", queryset=Tariff.objects.select_related("act"))


def _grouped(items, key: str, choices) -> list[tuple[str, str, list]]:
    """(code, label, items) of each group, in the order the choices are declared; empty groups left out."""
    groups = {value: [] for value in choices.values}
    for item in items:
        groups[getattr(item, key)].append(item)
    return [(value, choices(value).label, found) for value, found in groups.items() if found]


@require_GET
def service_list(request):
    services = Service.objects.visible_to(request.user).prefetch_related(TARIFFS)
    return render(request, "services/list.html", {"groups": _grouped(services, "group", ServiceGroup)})


@require_GET
def service_detail(request, slug: str):
    service = get_object_or_404(
        Service.objects.visible_to(request.user).prefetch_related(
            TARIFFS, Prefetch("benefits", queryset=Benefit.objects.visible_to(request.user).select_related("act"))),
        slug=slug)
    current, upcoming, past = service.tariff_periods()
    return render(request, "services/detail.html", {
        "service": service, "current": current, "upcoming": upcoming, "past": past,
        "benefits": list(service.benefits.all()),
    })


@require_GET
def benefits(request):
    found = Benefit.objects.visible_to(request.user).select_related("act").prefetch_related(
        Prefetch("services", queryset=Service.objects.visible_to(request.user).only("slug", "name")))
    return render(request, "services/benefits.html", {"benefits": found})


@require_GET
def documents(request):
    found = DocumentTemplate.objects.visible_to(request.user)
    return render(request, "services/documents.html", {"groups": _grouped(found, "kind", DocumentKind)})


@require_GET
def document_download(request, slug: str):
    """The file as an attachment under its Russian name; never served from the media folder directly."""
    document = get_object_or_404(DocumentTemplate.objects.visible_to(request.user), slug=slug)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404("Файл формы не найден.") from missing
    return FileResponse(handle, as_attachment=True, filename=f"{document.download_name}{document.extension}",
                        content_type=document.content_type)


@require_GET
def quality(request):
    months = indicators(last_months(12))
    return render(request, "services/quality.html", {"months": list(reversed(months))})

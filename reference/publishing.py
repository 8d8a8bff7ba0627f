"""Staff see what the public does not yet: a preview of unpublished items, by their right to edit them."""

from django.db.models import QuerySet

PREVIEW_PARAM = "preview"


def may_preview(user, model) -> bool:
    """Whoever may edit these items in the admin may see them on the site before they are published."""
    opts = model._meta
    return user.is_authenticated and user.is_staff and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def shown(request, queryset: QuerySet) -> tuple[QuerySet, bool]:
    """The published items; for staff asking for a preview (`?preview=1`), all of them. Whether it is a preview."""
    preview = PREVIEW_PARAM in request.GET and may_preview(request.user, queryset.model)
    return (queryset if preview else queryset.published()), preview

"""Staff see what the public does not yet: a preview of unpublished items, by their right to edit them."""

from django.db.models import QuerySet

from portal.drafts import may_preview

PREVIEW_PARAM = "preview"


def shown(request, queryset: QuerySet) -> tuple[QuerySet, bool]:
    """The published items; for staff asking for a preview (`?preview=1`), all of them. Whether it is a preview."""
    preview = PREVIEW_PARAM in request.GET and may_preview(request.user, queryset.model)
    return (queryset if preview else queryset.published()), preview

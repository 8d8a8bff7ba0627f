"""A staff member's notifications: read on view."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from appeals.models import Notification

from .views_lists import page_of


@login_required
def notifications(request):
    queryset = Notification.objects.filter(user=request.user).select_related("appeal").order_by("-created_at", "-id")
    page = page_of(queryset, request)
    unread = [n.pk for n in page.rows if n.read_at is None]
    if unread:
        Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return render(request, "backoffice/lists/notifications.html", {"page": page, "unread": set(unread)})

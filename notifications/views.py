"""The opt-out page: the link in a non-essential message leads here; no log-in, the token is the key."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .models import Subscription


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is None:
        return render(request, "notifications/unsubscribe.html", {"unknown": True}, status=404)
    if request.method == "POST" and subscription.opted_out_at is None:
        subscription.opted_out_at = timezone.now()
        subscription.save(update_fields=["opted_out_at"])
    return render(request, "notifications/unsubscribe.html", {"subscription": subscription,
                                                             "done": subscription.opted_out_at is not None})

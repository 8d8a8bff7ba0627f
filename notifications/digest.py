"""The staff digest: one message a day per person with their appeals due soon and overdue, instead of a
message per appeal (the per-appeal notices stay in the back office's list)."""

import datetime as dt
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.utils import timezone

from appeals.models import Notification
from appeals.tasks import deadline_watch

from .models import Channel


def collect(moment: dt.datetime) -> dict[int, dict[str, list[dict]]]:
    """Per person: {"overdue": [...], "due_soon": [...]}, each item the number and due date of an appeal."""
    found: dict[int, dict[str, list[dict]]] = defaultdict(lambda: {"overdue": [], "due_soon": []})
    for appeal, kind, people in deadline_watch(moment):
        item = {"number": appeal.number, "due": f"{timezone.localtime(appeal.answer_due):%d.%m.%Y %H:%M}",
                "sort": appeal.answer_due.isoformat()}
        key = "overdue" if kind == Notification.Kind.OVERDUE else "due_soon"
        for user_id in people:
            found[user_id][key].append(item)
    for lists in found.values():
        for items in lists.values():
            items.sort(key=lambda item: item["sort"])
    return found


def send_all(moment: dt.datetime) -> int:
    """Queue today's digest for everyone with appeals to watch (at most one per person per day)."""
    from . import hub

    found = collect(moment)
    users = get_user_model().objects.filter(pk__in=found, is_active=True).exclude(email="")
    day = timezone.localdate(moment).isoformat()
    sent = 0
    for user in users:
        lists = found[user.pk]
        values = {"person_name": user.get_full_name() or user.username,
                  "overdue": [{k: v for k, v in item.items() if k != "sort"} for item in lists["overdue"]],
                  "due_soon": [{k: v for k, v in item.items() if k != "sort"} for item in lists["due_soon"]],
                  "total": len(lists["overdue"]) + len(lists["due_soon"])}
        message = hub.compose("digest", Channel.EMAIL, user.email, values, user=user,
                              once_key=f"digest:{user.pk}:{day}")
        sent += message is not None
    return sent

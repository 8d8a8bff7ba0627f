"""The back office's moderation page: posts waiting, reports, topics; actions by POST, each verb checks the right."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from . import moderation
from .models import Post, Report, Topic

PER_PAGE = 20


@require_GET
@login_required
def queue(request):
    moderation.check_moderator(request.user)
    pending = Post.objects.filter(state=Post.State.PENDING).select_related("author", "topic").order_by("created_at")
    open_reports = Report.objects.filter(post=OuterRef("pk"), resolved_at__isnull=True)
    reported = (Post.objects.filter(Exists(open_reports))
                .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
                .select_related("author", "topic").order_by("-open_reports", "pk"))
    reported = list(reported[:PER_PAGE])
    reports = _by_post(Report.objects.filter(resolved_at__isnull=True, post__in=reported).order_by("created_at"))
    for post in reported:
        post.open_list = reports.get(post.pk, [])
    topics = Paginator(Topic.objects.select_related("author").order_by("-is_pinned", "-last_post_at"),
                       PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "residents/moderation.html", {
        "pending": pending[:PER_PAGE], "pending_count": pending.count(),
        "reported": reported, "topics": topics,
        "post_actions": moderation.POST_ACTIONS, "topic_actions": moderation.TOPIC_ACTIONS})


def _by_post(reports) -> dict[int, list[Report]]:
    found: dict[int, list[Report]] = {}
    for item in reports:
        found.setdefault(item.post_id, []).append(item)
    return found


def _back(request):
    return redirect(request.POST.get("back") if request.POST.get("back", "").startswith("/staff/forum/")
                    else "moderation:queue")


@require_POST
@login_required
def post_action(request, post_id: int, action: str):
    if action not in moderation.POST_ACTIONS and action != "dismiss":
        raise Http404("Нет такого действия.")
    if action == "dismiss":
        moderation.close_reports(request.user, post_id)
        messages.success(request, "Жалобы отклонены, сообщение осталось на форуме.")
    elif moderation.moderate_post(request.user, post_id, action) is None:
        messages.info(request, "Сообщение уже в этом состоянии или удалено.")
    else:
        messages.success(request, "Готово.")
    return _back(request)


@require_POST
@login_required
def topic_action(request, topic_id: int, action: str):
    if action not in moderation.TOPIC_ACTIONS:
        raise Http404("Нет такого действия.")
    moderation.moderate_topic(request.user, topic_id, action)
    messages.success(request, "Готово.")
    return _back(request)


@require_POST
@login_required
def restrict(request, resident_id: int):
    moderation.restrict(request.user, resident_id, request.POST.get("restricted") == "1")
    messages.success(request, "Готово.")
    return _back(request)

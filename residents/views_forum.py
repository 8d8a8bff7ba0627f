"""The public forum: topics by pages, a topic with its replies, a new topic, a reply, a report."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from portal.throttle import too_many

from . import forum, limits
from .errors import ResidentError
from .forms import ReplyForm, ReportForm, TopicForm
from .models import Post
from .session import current_resident, resident_required

TOPICS_PER_PAGE = 20
POSTS_PER_PAGE = 20
HELD = "Спасибо! Ваше первое сообщение появится на форуме, когда его проверит модератор."


@require_GET
def topics(request):
    page = Paginator(forum.visible_topics(), TOPICS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "residents/forum/topics.html", {"page": page, "resident": current_resident(request)})


@require_http_methods(["GET", "POST"])
@resident_required
def new_topic(request):
    form = TopicForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        seconds = limits.refused(request, "post", str(request.resident.pk))
        if seconds:
            return too_many(request, seconds)
        post = forum.start_topic(request.resident, form.cleaned_data["title"], form.cleaned_data["text"])
        if post.state == Post.State.PENDING:
            messages.info(request, HELD)
        return redirect("residents:topic", topic_id=post.topic_id)
    return render(request, "residents/forum/new_topic.html", {"form": form}, status=400 if form.errors else 200)


def _topic_page(request, topic, form, status: int = 200):
    resident = current_resident(request)
    page = Paginator(forum.topic_posts(topic, resident), POSTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "residents/forum/topic.html", {
        "topic": topic, "page": page, "form": form, "resident": resident}, status=status)


@require_http_methods(["GET", "POST"])
def topic(request, topic_id: int):
    found = forum.find_visible_topic(topic_id, current_resident(request))
    if found is None:
        raise Http404("Тема не найдена или ещё не проверена модератором.")
    if request.method == "GET":
        return _topic_page(request, found, ReplyForm())
    return _reply(request, found)


@resident_required
def _reply(request, topic):
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _topic_page(request, topic, form, status=400)
    seconds = limits.refused(request, "post", str(request.resident.pk))
    if seconds:
        return too_many(request, seconds)
    try:
        post = forum.reply(request.resident, topic, form.cleaned_data["text"])
    except ResidentError as error:
        form.add_error("text", error.message)
        return _topic_page(request, topic, form, status=400)
    if post.state == Post.State.PENDING:
        messages.info(request, HELD)
    last = forum.topic_posts(topic, request.resident).count()
    return redirect(f"{request.path}?page={(last - 1) // POSTS_PER_PAGE + 1}#post-{post.pk}")


@require_http_methods(["GET", "POST"])
def report(request, post_id: int):
    post = forum.reportable_post(post_id)
    if post is None:
        raise Http404("Сообщение не найдено.")
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        seconds = limits.refused(request, "report")
        if seconds:
            return too_many(request, seconds)
        forum.report(post, form.cleaned_data["reason"], form.cleaned_data["comment"])
        messages.success(request, "Спасибо, жалоба передана модератору.")
        return redirect("residents:topic", topic_id=post.topic_id)
    return render(request, "residents/forum/report.html", {"post": post, "form": form},
                  status=400 if form.errors else 200)

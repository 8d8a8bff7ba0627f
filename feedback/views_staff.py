"""The back office's side of feedback: moderating reviews, publishing answers on the public site."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from appeals import access
from backoffice.views_appeal_context import appeal_or_404

from . import reviews, summaries
from .errors import FeedbackError
from .forms import RejectForm, SummaryForm, add_feedback_error
from .models import Review

PER_PAGE = 20
TABS = [(Review.State.PENDING, "Ждут модерации"), (Review.State.PUBLISHED, "Опубликованные"),
        (Review.State.HIDDEN, "Снятые с сайта"), (Review.State.REJECTED, "Отклонённые")]
DONE = {"publish": "Отзыв опубликован.", "reject": "Отзыв отклонён.", "hide": "Отзыв снят с сайта."}


def _moderator(request) -> None:
    access.require(access.may(request.user, "moderate_reviews"))


@login_required
def review_queue(request):
    _moderator(request)
    state = request.GET.get("state", Review.State.PENDING)
    if state not in Review.State.values:
        state = Review.State.PENDING
    page = Paginator(reviews.moderation_queue(state), PER_PAGE).get_page(request.GET.get("page"))
    rows = [(review, reviews.preview(review) if state == Review.State.PENDING else None) for review in page]
    return render(request, "feedback/staff/reviews.html", {
        "page": page, "rows": rows, "state": state, "states": TABS, "query": f"state={state}",
        "reject_form": RejectForm(), "waiting": reviews.waiting_count()})


@login_required
@require_POST
def review_moderate(request, pk: int, step: str):
    _moderator(request)
    review = get_object_or_404(Review, pk=pk)
    try:
        reviews.moderate(review, request.user, step, request.POST.get("reason", ""))
    except FeedbackError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, DONE.get(step, "Готово."))
    return redirect(f"/staff/reviews/?state={review.state}")


def _summary_page(request, appeal, form: SummaryForm, preview=None, status: int = 200):
    return render(request, "feedback/staff/answer_form.html", {
        "appeal": appeal, "form": form, "preview": preview, "published": summaries.is_published(appeal)},
        status=status)


@login_required
@require_http_methods(["GET", "POST"])
def answer_publish(request, number: str):
    """The form prefilled with the masked question and answer; «Предпросмотр» masks the edit, «Опубликовать»
    publishes it (masked once more)."""
    appeal = appeal_or_404(request.user, number)
    access.require(access.may(request.user, "publish_answer", appeal))
    if request.method == "GET":
        draft = summaries.draft_for(appeal)
        return _summary_page(request, appeal, SummaryForm(initial={"question": draft.question,
                                                                    "answer": draft.answer}))
    form = SummaryForm(request.POST)
    if not form.is_valid():
        return _summary_page(request, appeal, form, status=400)
    data = form.cleaned_data
    if request.POST.get("action") != "publish":
        preview = summaries.Draft(summaries.mask(appeal, data["question"]), summaries.mask(appeal, data["answer"]))
        return _summary_page(request, appeal, form, preview)
    try:
        summaries.publish_summary(appeal, request.user, question=data["question"], answer=data["answer"])
    except FeedbackError as error:
        add_feedback_error(form, error)
        return _summary_page(request, appeal, form, status=400)
    messages.success(request, "Ответ опубликован в интернет-приёмной.")
    return redirect(appeal.get_absolute_url())


@login_required
@require_POST
def answer_unpublish(request, number: str):
    appeal = appeal_or_404(request.user, number)
    access.require(access.may(request.user, "publish_answer", appeal))
    try:
        summaries.unpublish_summary(appeal, request.user)
    except FeedbackError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Ответ снят с публикации.")
    return redirect(appeal.get_absolute_url())

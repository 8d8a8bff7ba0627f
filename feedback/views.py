"""The public feedback pages: reviews, published answers, the appeal to the Regional HQ."""

import time

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from appeals.tracking import find_tracked
from notifications import hub
from portal.throttle import too_many
from portal.views import NOT_FOUND
from priemnaya import ratelimit

from . import hq, reviews, summaries
from .errors import FeedbackError
from .forms import AnswersFilter, HqForm, ReviewForm, add_feedback_error
from .models import HqRequest

REVIEWS_PER_PAGE = 10
ANSWERS_PER_PAGE = 20
SESSION_HQ = "feedback_hq_request"
SESSION_MAX_AGE = 30 * 60


@require_GET
def review_list(request):
    page = Paginator(reviews.published_reviews(), REVIEWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "feedback/reviews.html", {"page": page, "summary": reviews.rating_summary()})


@require_http_methods(["GET", "POST"])
def review_new(request):
    form = ReviewForm()
    if request.method == "POST":
        if not ratelimit.hit(request, "review"):
            return too_many(request, ratelimit.seconds_left(request, "review"))
        form = ReviewForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                reviews.submit_review(rating=data["rating"], text=data["text"], author_name=data["author_name"])
            except FeedbackError as error:
                add_feedback_error(form, error)
            else:
                return redirect("feedback:review_thanks")
    return render(request, "feedback/review_form.html", {"form": form}, status=400 if form.errors else 200)


@require_GET
def review_thanks(request):
    return render(request, "feedback/review_thanks.html")


@require_GET
def answer_list(request):
    filters = AnswersFilter(request.GET if request.GET.keys() - {"page"} else None)
    found = summaries.public_summaries(**filters.chosen())
    page = Paginator(found, ANSWERS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "feedback/answers.html", {"filters": filters, "page": page, "query": query.urlencode()})


def _hq_page(request, form: HqForm, *, refusal: str = "", not_found: str = "", status: int = 200):
    return render(request, "feedback/hq.html", {"form": form, "refusal": refusal, "not_found": not_found},
                  status=status)


@require_http_methods(["GET", "POST"])
def hq_form(request):
    if request.method == "GET":
        return _hq_page(request, HqForm(initial={"number": request.GET.get("number", "")[:40]}))
    if not ratelimit.hit(request, "hq"):
        return too_many(request, ratelimit.seconds_left(request, "hq"))
    form = HqForm(request.POST)
    if not form.is_valid():
        return _hq_page(request, form, status=400)
    appeal = find_tracked(form.cleaned_data["number"], form.cleaned_data["code"])
    if appeal is None:
        # Which of the two was wrong is not told: that would help to guess codes.
        return _hq_page(request, form, not_found=NOT_FOUND, status=404)
    try:
        made = hq.request_hq(appeal, form.cleaned_data["text"])
    except FeedbackError as error:
        if error.field != "text":
            return _hq_page(request, form, refusal=error.message, status=400)
        add_feedback_error(form, error)
        return _hq_page(request, form, status=400)
    request.session[SESSION_HQ] = {"pk": made.pk, "at": time.time()}
    return redirect("feedback:hq_done")


@require_GET
def hq_done(request):
    saved = request.session.get(SESSION_HQ)
    made = None
    if saved and time.time() - saved.get("at", 0) <= SESSION_MAX_AGE:
        made = HqRequest.objects.select_related("appeal__applicant").filter(pk=saved["pk"]).first()
    if made is None:
        return redirect("feedback:hq")
    route = hub.applicant_channel(made.appeal.applicant)  # how the confirmation goes, as the hub decides
    return render(request, "feedback/hq_done.html", {"made": made, "told_by": route[0] if route else ""})

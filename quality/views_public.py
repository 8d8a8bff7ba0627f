"""The applicant's survey page: reached only by its link; shows the appeal's number and reason, nothing else."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import surveys
from .errors import QualityError
from .forms import SurveyForm


@never_cache
@require_http_methods(["GET", "POST"])
def survey(request, token: str):
    try:
        found = surveys.find(token)
    except surveys.Unknown as exc:
        return render(request, "quality/survey_gone.html", {"message": exc.message}, status=404)
    except surveys.Gone as exc:
        return render(request, "quality/survey_gone.html", {"message": exc.message}, status=410)
    form = SurveyForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            surveys.answer(token, form.cleaned_data["rating"], form.cleaned_data["comment"])
        except surveys.Gone as exc:
            return render(request, "quality/survey_gone.html", {"message": exc.message}, status=410)
        except QualityError as exc:
            form.add_error("rating", exc.message)
        else:
            return render(request, "quality/survey_thanks.html")
    return render(request, "quality/survey.html", {"form": form, "number": found.appeal.number,
                                                   "reason": found.appeal.reason.name if found.appeal.reason else ""},
                  status=400 if form.is_bound else 200)

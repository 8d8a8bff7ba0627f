"""The back office's incoming letters: the list of what the gateway received and one letter read."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from appeals import access, personal_data
from backoffice.views_lists import page_of

from . import letters
from .forms import LettersFilter
from .models import InboundMessage


@login_required
@require_GET
def letter_list(request):
    access.require(letters.may_view(request.user))
    form = LettersFilter(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        # The applicants of the letters filed are read with them: the access log counts them.
        page = page_of(letters.letters(data.get("outcome", ""), data.get("date_from"), data.get("date_to")), request)
    return render(request, "mailgateway/letters.html", {"form": form, "page": page},
                  status=200 if page is not None else 400)


@login_required
@require_GET
def letter_detail(request, pk: int):
    access.require(letters.may_view(request.user))
    message = get_object_or_404(InboundMessage.objects.select_related("appeal__applicant"), pk=pk)
    applicant = message.appeal.applicant if message.appeal else None
    detail = f"Входящее письмо № {message.pk}"
    # The sender's address and words are personal data whether or not the letter made an appeal.
    if applicant is not None:
        personal_data.describe(action="view_incoming_letter", detail=detail, applicant=applicant,
                               appeal=message.appeal)
    else:
        access.log_pd_access(request.user, action="view_incoming_letter", detail=detail, appeal=message.appeal,
                             ip=request.META.get("REMOTE_ADDR"))
    return render(request, "mailgateway/letter.html", {
        "message": message, "letter": letters.read(message), "refused": letters.refused_files(message)})

"""The back office's outgoing messages: the list, one message with its attempts, «Отправить ещё раз»."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from appeals import access, personal_data
from backoffice.views_lists import page_of

from . import outbox
from .forms import MessagesFilter
from .models import Message


@login_required
@require_GET
def message_list(request):
    access.require(outbox.may_view(request.user))
    form = MessagesFilter(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        # The appeals' applicants are read with their messages: the access log counts them.
        page = page_of(outbox.messages(data.get("status", ""), data.get("event", "")), request)
    return render(request, "notifications/staff/messages.html", {"form": form, "page": page},
                  status=200 if page is not None else 400)


@login_required
@require_GET
def message_detail(request, pk: int):
    access.require(outbox.may_view(request.user))
    message = get_object_or_404(Message.objects.select_related("appeal__applicant", "user", "resent_by"), pk=pk)
    if message.appeal is not None:  # its words name the applicant (and carry their access code)
        personal_data.describe(action="view_outgoing_message", detail=f"Исходящее сообщение № {message.pk}",
                               appeal=message.appeal, applicant=message.appeal.applicant)
    return render(request, "notifications/staff/message.html", {
        "message": message, "attempts": message.attempt_log.all(),
        "may_resend": outbox.may_resend(request.user, message)})


@login_required
@require_POST
def message_resend(request, pk: int):
    message = get_object_or_404(Message, pk=pk)
    try:
        outbox.resend(message, request.user)
    except outbox.ResendRefused as refused:
        flash.error(request, refused.message)
    else:
        flash.success(request, f"Сообщение для {message.recipient} снова поставлено в очередь на отправку.")
    return redirect("staff-mail-message", pk=message.pk)

"""Outgoing requests to resource companies on the appeal page: add one, record its reply."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from appeals import outgoing
from appeals.errors import AppealError

from .forms import OutgoingForm, ReplyForm, add_domain_error
from .views_appeal import failed, invalid
from .views_appeal_context import appeal_or_404


@login_required
@require_POST
def outgoing_add(request, number: str):
    appeal = appeal_or_404(request.user, number)
    form = OutgoingForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        _sent, status_note = outgoing.add_request(
            appeal, request.user, organization=form.organization_value(), subject=data.get("subject", ""),
            sent_at=data.get("sent_at"), due_at=data.get("due_at"))
    except AppealError as error:
        return failed(request, appeal, error, outgoing_form=form)
    messages.success(request, f"Исходящий запрос записан. {status_note}")
    return redirect(appeal.get_absolute_url() + "#outgoing")


@login_required
@require_POST
def outgoing_reply(request, number: str, pk: int):
    appeal = appeal_or_404(request.user, number)
    sent = get_object_or_404(appeal.outgoing_requests, pk=pk)
    form = ReplyForm(request.POST, prefix=f"r{sent.pk}")
    form.is_valid()
    data = form.cleaned_data
    try:
        _sent, status_note = outgoing.record_reply(sent, request.user, reply=data.get("reply", ""),
                                                   answered_at=data.get("answered_at"))
    except AppealError as error:
        add_domain_error(form, error)
        return invalid(request, appeal, error.message, reply_forms={sent.pk: form})
    messages.success(request, f"Ответ организации записан. {status_note}".strip())
    return redirect(appeal.get_absolute_url() + "#outgoing")

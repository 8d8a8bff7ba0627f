"""Attachments of an appeal: upload, and download through a view that checks access (never a public URL)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_POST

from appeals import personal_data
from appeals.attachments import add_attachment, content_disposition
from appeals.errors import AppealError

from .forms import AttachmentForm
from .views_appeal import failed, invalid
from .views_appeal_context import appeal_or_404


@login_required
@require_POST
def attachment_upload(request, number: str):
    appeal = appeal_or_404(request.user, number)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        return invalid(request, appeal, "Выберите файл для загрузки.", attachment_form=form)
    try:
        attachment = add_attachment(appeal, form.cleaned_data["file"], request.user)
    except AppealError as error:
        return failed(request, appeal, error, attachment_form=form)
    messages.success(request, f"Файл «{attachment.original_name}» добавлен.")
    return redirect(appeal.get_absolute_url() + "#attachments")


@login_required
@require_GET
def attachment_download(request, number: str, pk: int):
    appeal = appeal_or_404(request.user, number)
    attachment = get_object_or_404(appeal.attachments, pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    personal_data.describe(action="download_attachment", appeal=appeal, detail=attachment.original_name)
    response = FileResponse(handle, content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition(attachment)
    response["X-Content-Type-Options"] = "nosniff"
    return response

"""One appeal's page in the back office and its transition buttons."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.models import Company
from appeals import access, personal_data, services, workflow
from appeals.errors import AppealError
from appeals.outgoing import is_overdue
from appeals.workflow import TransitionError

from .forms import (
    AnswerForm,
    AssignForm,
    AttachmentForm,
    ClassifyForm,
    LinkForm,
    NoteForm,
    OutgoingForm,
    ReplyForm,
    add_domain_error,
)
from .views_appeal_context import appeal_or_404, buttons, may_take, time_left, timeline
from .views_appeal_triage import triage_context

ANSWER_FIELDS = ("answer_text", "result", "resolved_in_favour_of")


def _default_forms(appeal, may_assign_person: bool) -> dict:
    return {
        "classify_form": ClassifyForm(initial={"reason": appeal.reason_id}),
        "assign_form": AssignForm(may_assign_person=may_assign_person),
        "answer_form": AnswerForm(initial={"answer_text": appeal.answer_text, "result": appeal.result,
                                           "resolved_in_favour_of": appeal.resolved_in_favour_of}),
        "extension_form": NoteForm(),
        "note_form": NoteForm(),
        "outgoing_form": OutgoingForm(),
        "attachment_form": AttachmentForm(),
        "link_form": LinkForm(),
    }


def render_page(request, appeal, *, status: int = 200, error: str = "", **forms):
    """The appeal page; a failed action passes its bound form (with errors) and the message."""
    user = request.user
    is_open = appeal.is_open
    may_assign = access.may(user, "assign" if appeal.assignee_id is None else "reassign", appeal)
    may_extend = appeal.status in workflow.TRANSITIONS["extend"].sources and access.may(user, "extend", appeal)
    reply_forms = forms.pop("reply_forms", {})
    context = _default_forms(appeal, may_assign) | forms | {
        "appeal": appeal,
        "applicant": appeal.applicant,
        "error": error,
        "time_left": time_left(appeal),
        "in_hours": appeal.counted_in_hours,
        "timeline": timeline(appeal),
        "buttons": buttons(user, appeal),
        "can_edit": is_open and access.may(user, "edit", appeal),
        "can_classify": is_open and access.may(user, "classify", appeal),
        "can_link": access.may(user, "link", appeal),
        "can_attach": is_open and access.may(user, "attach", appeal),
        "can_assign": is_open and (may_assign or (appeal.assignee_id is None and access.may(user, "route", appeal))),
        "may_assign_person": may_assign,
        "can_take": may_take(user, appeal),
        "can_view_applicant": access.sees_personal_data(user),
        "show_extension": may_extend,
        "extension_refusal": appeal.extension_refusal() if may_extend else "",
        "show_editor": is_open and access.may(user, "edit", appeal),
        "editor_steps": [s for s in workflow.available(appeal.status) if s.name in ("draft_answer", "answer",
                                                                                   "refuse")],
        "hq_notice": Company.current().hq_notice(),
        "outgoing": [(r, reply_forms.get(r.pk) or ReplyForm(prefix=f"r{r.pk}"), is_overdue(r))
                     for r in appeal.outgoing_requests.select_related("organization")],
        "attachments": appeal.attachments.select_related("uploaded_by"),
        "links": appeal.linked.order_by("-received_at"),
        "max_upload": settings.ATTACHMENT_MAX_BYTES,
    } | triage_context(appeal, show_drafts=is_open and access.may(user, "edit", appeal))
    personal_data.describe(action="view_appeal", appeal=appeal)
    return render(request, "backoffice/appeal/page.html", context, status=status)


@login_required
def appeal_detail(request, number: str):
    return render_page(request, appeal_or_404(request.user, number))


def invalid(request, appeal, message: str, **forms):
    """Re-show the page with the bound form and a message in Russian; nothing was changed."""
    return render_page(request, appeal, status=400, error=message, **forms)


def failed(request, appeal, error: Exception, **forms):
    """Re-show the page after the domain refused an action, its message on the named field."""
    for form in forms.values():
        if hasattr(form, "add_error"):
            add_domain_error(form, error)
    return invalid(request, appeal, getattr(error, "message", None) or str(error), **forms)


def _transition_data(request, name: str) -> dict:
    data = {"note": request.POST.get("note", "")}
    if name in ("draft_answer", "answer", "refuse"):
        data |= {field: request.POST[field] for field in ANSWER_FIELDS if field in request.POST}
    return data


@transaction.atomic
def _do(appeal, name: str, actor, data: dict):
    if name == "draft_answer" and "answer_text" in data:
        # The editor's result and «in whose favour» are kept with the draft they were typed with.
        appeal = services.update_draft(appeal, actor, answer_text=data["answer_text"],
                                       result=data.get("result", ""), favour=data.get("resolved_in_favour_of", ""))
    return services.transition(appeal, name, actor, **data)


@login_required
@require_POST
def appeal_do(request, number: str, name: str):
    appeal = appeal_or_404(request.user, number)
    data = _transition_data(request, name)
    form_key = "answer_form" if name in ("draft_answer", "answer", "refuse") else (
        "extension_form" if name == "extend" else "note_form")
    form = AnswerForm(request.POST) if form_key == "answer_form" else NoteForm(request.POST)
    try:
        appeal = _do(appeal, name, request.user, data)
    except (TransitionError, AppealError) as error:
        form.is_valid()
        return failed(request, appeal, error, failed_step=name, **{form_key: form})
    messages.success(request, f"{workflow.get_transition(name).public_note} "
                              f"Статус: {appeal.get_status_display().lower()}.")
    return redirect(appeal.get_absolute_url())

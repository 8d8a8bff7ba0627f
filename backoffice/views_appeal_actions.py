"""Forms on the appeal page other than transitions: assignment, classification, the draft, links."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from appeals import access, services
from appeals.errors import AppealError
from appeals.models import Appeal

from .forms import AnswerForm, AssignForm, ClassifyForm, LinkForm
from .views_appeal import failed, invalid
from .views_appeal_context import appeal_or_404


def _done(request, appeal, message: str, anchor: str = ""):
    messages.success(request, message)
    return redirect(appeal.get_absolute_url() + (f"#{anchor}" if anchor else ""))


@login_required
@require_POST
def appeal_assign(request, number: str):
    appeal = appeal_or_404(request.user, number)
    form = AssignForm(request.POST, may_assign_person=access.may(
        request.user, "assign" if appeal.assignee_id is None else "reassign", appeal))
    if not form.is_valid():
        return invalid(request, appeal, " ".join(form.non_field_errors()) or "Проверьте поля назначения.",
                       assign_form=form)
    data = form.cleaned_data  # no «assignee» field for who may only route: a forged one is ignored
    try:
        appeal = services.assign(appeal, request.user, assignee=data.get("assignee"), department=data["department"],
                                 note=data["note"])
    except AppealError as error:
        return failed(request, appeal, error, assign_form=form)
    who = appeal.assignee.get_full_name() if appeal.assignee else appeal.department
    return _done(request, appeal, f"Назначено: {who}.")


@login_required
@require_POST
def appeal_take(request, number: str):
    """A specialist takes an unassigned appeal of their department for themselves."""
    appeal = appeal_or_404(request.user, number)
    try:
        appeal = services.assign(appeal, request.user, assignee=request.user)
    except AppealError as error:
        return failed(request, appeal, error)
    return _done(request, appeal, "Вы назначены ответственным.")


@login_required
@require_POST
def appeal_classify(request, number: str):
    appeal = appeal_or_404(request.user, number)
    form = ClassifyForm(request.POST)
    if not form.is_valid():
        return invalid(request, appeal, "Выберите причину из классификатора.", classify_form=form)
    data = form.cleaned_data
    try:
        appeal = services.classify(appeal, request.user, reason=data["reason"],
                                   complexity=data["complexity"] or None, priority=data["priority"] or None)
    except AppealError as error:
        return failed(request, appeal, error, classify_form=form)
    return _done(request, appeal, "Классификация сохранена.")


@login_required
@require_POST
def appeal_draft(request, number: str):
    appeal = appeal_or_404(request.user, number)
    form = AnswerForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        appeal = services.update_draft(appeal, request.user, answer_text=data.get("answer_text", ""),
                                       result=data.get("result", ""), favour=data.get("resolved_in_favour_of", ""))
    except AppealError as error:
        return failed(request, appeal, error, answer_form=form)
    return _done(request, appeal, "Проект ответа сохранён.", "answer")


@login_required
@require_POST
def appeal_link(request, number: str):
    appeal = appeal_or_404(request.user, number)
    form = LinkForm(request.POST)
    if not form.is_valid():
        return invalid(request, appeal, "Введите номер обращения.", link_form=form)
    wanted = form.cleaned_data["number"].strip().lstrip("№").strip()
    other = access.visible_appeals(request.user, Appeal.objects.filter(number=wanted)).first()
    try:
        if other is None:
            raise AppealError(f"Обращение № {wanted} не найдено.", "number")
        if appeal.linked.filter(pk=other.pk).exists():
            raise AppealError(f"Обращение № {wanted} уже связано с этим.", "number")
        services.link(appeal, other, request.user)
    except AppealError as error:
        return failed(request, appeal, error, link_form=form)
    return _done(request, appeal, f"Обращение связано с № {other.number}.", "links")

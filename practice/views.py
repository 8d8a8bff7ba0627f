"""The practice pages: the scenarios, a practice call, its result and the results."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from appeals.access import require
from appeals.models import Appeal
from housing.models import Building

from . import results, rights, sandbox
from .archive import scenario_from_appeal
from .forms import PracticeForm
from .models import Attempt, Scenario
from .sandbox import PracticeError


@login_required
@require_GET
def scenario_list(request):
    require(rights.may_practise(request.user))
    manager = rights.may_manage(request.user)
    scenarios = Scenario.objects.select_related("expected_reason") if manager else \
        Scenario.objects.filter(is_published=True).select_related("expected_reason")
    best = {r.scenario_id: r for r in results.by_scenario(request.user)}
    rows = [(s, best.get(s.pk)) for s in scenarios]
    return render(request, "practice/list.html", {"rows": rows, "manager": manager})


def _attempt_page(request, attempt: Attempt, form: PracticeForm, status: int = 200):
    scenario = attempt.scenario
    asked = set(attempt.asked)
    questions = [(i, fact["question"], fact["answer"] if i in asked else "") for i, fact in enumerate(scenario.facts)]
    building = form.cleaned_data.get("building_id") if form.is_bound and hasattr(form, "cleaned_data") else None
    if building is None and not form.is_bound and str(form.initial.get("building_id", "")).isdigit():
        building = Building.objects.filter(pk=form.initial["building_id"]).first()
    return render(request, "practice/call.html", {"attempt": attempt, "scenario": scenario, "form": form,
                                                  "questions": questions, "building": building}, status=status)


@login_required
@require_GET
def practise(request, pk: int):
    scenario = get_object_or_404(Scenario, pk=pk)
    try:
        attempt = sandbox.start(request.user, scenario)
    except PracticeError as error:
        messages.error(request, error.message)
        return redirect("practice-list")
    return _attempt_page(request, attempt, PracticeForm())


def _own_attempt(request, pk: int) -> Attempt:
    attempt = get_object_or_404(Attempt.objects.select_related("scenario", "operator"), pk=pk)
    if attempt.operator_id != request.user.pk and not rights.may_manage(request.user):
        raise Http404
    return attempt


@login_required
@require_POST
def ask(request, pk: int, index: int):
    """The caller's answer: a fragment for htmx, the whole page (the form kept) without scripts."""
    require(rights.may_practise(request.user))
    attempt = _own_attempt(request, pk)
    try:
        answer = sandbox.ask(attempt, request.user, index)
    except PracticeError as error:
        messages.error(request, error.message)
        return redirect("practice-attempt", pk=attempt.pk)
    if request.htmx:
        question = attempt.scenario.facts[index]["question"]
        return render(request, "practice/_question.html", {"attempt": attempt, "i": index, "question": question,
                                                           "answer": answer})
    return _attempt_page(request, attempt, PracticeForm(initial=request.POST.dict()))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def attempt(request, pk: int):
    attempt = _own_attempt(request, pk)
    if request.method != "POST":
        if not attempt.is_submitted:
            return redirect("practice-call", pk=attempt.scenario_id)
        return render(request, "practice/result.html", {"attempt": attempt, "scenario": attempt.scenario,
                                                        "mine": attempt.operator_id == request.user.pk})
    require(rights.may_practise(request.user))
    form = PracticeForm(request.POST)
    if form.is_valid():
        try:
            sandbox.submit(attempt, request.user, form.entered(), form.cleaned_data["text"])
        except PracticeError as error:
            messages.error(request, error.message)
        return redirect("practice-attempt", pk=attempt.pk)
    return _attempt_page(request, attempt, form, status=400)


def _results_page(request, user, own: bool):
    count, average = results.summary(user)
    attempts = results.scored(user).select_related("scenario").order_by("-submitted_at")[:50]
    return render(request, "practice/results.html", {
        "person": user, "own": own, "manager": rights.may_manage(request.user), "count": count, "average": average,
        "scenarios": results.by_scenario(user), "attempts": attempts})


@login_required
@require_GET
def my_results(request):
    require(rights.may_practise(request.user))
    return _results_page(request, request.user, own=True)


@login_required
@require_GET
def operator_results(request, user_id: int):
    require(rights.may_manage(request.user))
    return _results_page(request, get_object_or_404(get_user_model(), pk=user_id), own=False)


@login_required
@require_GET
def all_results(request):
    require(rights.may_manage(request.user))
    return render(request, "practice/operators.html", {"operators": results.by_operator(), "manager": True})


@login_required
@require_POST
def from_appeal(request):
    """«Сделать учебный сценарий» from an appeal's page or by its number on the scenarios' page."""
    require(rights.may_manage(request.user))
    number = request.POST.get("number", "").strip()
    appeal = Appeal.objects.select_related("applicant", "building", "reason").filter(number=number).first()
    if appeal is None:
        messages.error(request, f"Обращение № {number or '—'} не найдено.")
        return redirect("practice-list")
    try:
        scenario = scenario_from_appeal(appeal, request.user)
    except PracticeError as error:
        messages.error(request, error.message)
        return redirect("practice-list")
    messages.success(request, "Сценарий создан без персональных данных заявителя. Проверьте текст и опубликуйте.")
    return redirect("practice-scenario-edit", pk=scenario.pk)

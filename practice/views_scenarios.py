"""The supervisor's scenario editor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from appeals.access import require

from . import rights
from .forms import ScenarioForm
from .models import Scenario


def _edit(request, scenario: Scenario | None):
    require(rights.may_manage(request.user))
    form = ScenarioForm(request.POST or None, instance=scenario)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if saved.pk is None:
            saved.created_by = request.user
        saved.save()
        where = f"дом из реестра: {saved.expected_building.address}" if saved.expected_building else \
            "дома по этому адресу в реестре нет — оператор будет оцениваться по адресу, как он записан"
        messages.success(request, f"Сценарий сохранён ({where}).")
        return redirect("practice-list")
    return render(request, "practice/scenario_form.html", {"form": form, "scenario": scenario, "manager": True},
                  status=400 if form.is_bound else 200)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def scenario_new(request):
    return _edit(request, None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def scenario_edit(request, pk: int):
    return _edit(request, get_object_or_404(Scenario, pk=pk))

"""The supervisor evens out a department's load: sees the proposed moves, then confirms them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from accounts.models import Department
from appeals.access import may, require
from triage import routing


@login_required
def rebalance(request, code: str):
    require(may(request.user, "assign"))
    department = get_object_or_404(Department, code=code)
    if request.method == "POST":
        moves = routing.rebalance(department, request.user)
        if moves:
            messages.success(request, f"Перераспределено обращений: {len(moves)}.")
        else:
            messages.info(request, "Нагрузка уже ровная: переносить нечего.")
        return redirect("staff-load")
    moves = routing.rebalance_plan(department)
    people = routing.candidates(department)
    return render(request, "backoffice/lists/rebalance.html",
                  {"department": department, "moves": moves, "people": people})

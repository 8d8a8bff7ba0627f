"""Help while registering: what the text says (reason suggestions, emergency, the caller's details,
an open incident at the building, typical answers), and filling empty fields from it.

The panel is a read-only look at the form; acting on it (pick a reason, fill from the text) submits the
registration form with an `action`, and the page comes back with the fields set — never overwriting
what the operator typed.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from appeals import access
from housing.models import Building
from triage import services as triage
from triage.answers import match_faq
from triage.extraction import Extraction, extract

from .forms import CARE_FLAGS, RegisterForm

MIN_TEXT = 12  # shorter texts say too little to suggest anything


def _address_of(found: Extraction) -> str:
    if not (found.street and found.house):
        return ""
    parts = [found.street, f"д. {found.house}"]
    parts += [f"корп. {found.korpus}"] if found.korpus else []
    parts += [f"лит. {found.litera}"] if found.litera else []
    return ", ".join(parts)


def fillable(values: dict, found: Extraction) -> dict:
    """The fields the text can fill: only those still empty, and the caller's details only for a new one."""
    fill = {}
    if not values.get("applicant_id"):
        for name in ("full_name", "phone", "email"):
            if getattr(found, name) and not (values.get(name) or "").strip():
                fill[name] = getattr(found, name)
    if not values.get("building_id") and not (values.get("address_text") or "").strip():
        building = Building.objects.filter(pk=found.building_id).first() if found.building_id else None
        address = building.address if building else _address_of(found)
        if address:
            fill["address_text"] = address
        if building:
            fill["building_id"] = building.pk
    if found.flat and not (values.get("flat") or "").strip():
        fill["flat"] = found.flat
    return fill


FIELD_TITLES = {"full_name": "ФИО", "phone": "телефон", "email": "e-mail", "address_text": "адрес", "flat": "квартира"}


def analysis(text: str, values: dict) -> dict:
    proposal = triage.propose(text)
    fill = fillable(values, extract(text))
    return {"proposal": proposal, "faq": match_faq(text, limit=2, published_only=False),
            "fill": [(FIELD_TITLES[k], v) for k, v in fill.items() if k in FIELD_TITLES]}


@login_required
@require_POST
def register_analyse(request):
    """The panel beside the text: refreshed as the operator types."""
    access.require(access.may(request.user, "receive"))
    text = request.POST.get("text", "")
    context = analysis(text, request.POST) if len(text.strip()) >= MIN_TEXT else {}
    return render(request, "backoffice/register/_analysis.html", context)


def prefilled_form(post, action: str, may_assign_person: bool) -> RegisterForm:
    """The registration form as posted, unbound (no error marks yet), with the action carried out."""
    values = {name: post.get(name, "") for name in RegisterForm.base_fields}
    values.update({flag: bool(post.get(flag)) for flag, _label in CARE_FLAGS})
    if action == "fill":
        values.update(fillable(values, extract(values.get("text", ""))))
    elif action.startswith("pick:") and action[5:].isdigit():
        values["reason"] = action[5:]
    return RegisterForm(initial=values, may_assign_person=may_assign_person)

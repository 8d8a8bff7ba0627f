"""Loading the default reference data (departments, tree, norms) into a database."""

from deadlines.defaults import DEFAULT_NORMS

from .default_tree import DEPARTMENTS, TREE


def load_reference_data(apps=None) -> None:
    """Idempotent: creates what is missing, never overwrites what an admin edited."""
    get = apps.get_model if apps else _live_model
    Department = get("accounts", "Department")
    Category = get("appeals", "Category")
    Reason = get("appeals", "Reason")
    DeadlineNorm = get("deadlines", "DeadlineNorm")

    departments = {}
    for code, name, phone in DEPARTMENTS:
        departments[code], _ = Department.objects.get_or_create(code=code, defaults={"name": name, "phone": phone})
    for order, ((cat_code, cat_name), reasons) in enumerate(TREE.items()):
        category, _ = Category.objects.get_or_create(code=cat_code, defaults={"name": cat_name, "order": order})
        for r_order, (code, name, dept, complexity, minutes, _portal) in enumerate(reasons):
            reason, created = Reason.objects.get_or_create(code=code, defaults={
                "category": category, "name": name, "department": departments[dept],
                "default_complexity": complexity, "is_emergency": minutes is not None, "order": r_order})
            if created and minutes:
                DeadlineNorm.objects.create(kind="answer", reason=reason, minutes=minutes,
                                            note="Аварийная заявка (ПП РФ № 416)")
    for kind, (days, note) in DEFAULT_NORMS.items():
        if not DeadlineNorm.objects.filter(kind=kind, reason__isnull=True, complexity="", channel="").exists():
            DeadlineNorm.objects.create(kind=kind, working_days=days, note=note)


def _live_model(app_label: str, name: str):
    from django.apps import apps

    return apps.get_model(app_label, name)


def portal_reason_map() -> dict[int, str]:
    """Portal reason id → our reason code (for models trained on the city portal's data)."""
    return {pid: code for reasons in TREE.values() for code, *_rest, ids in reasons for pid in ids}

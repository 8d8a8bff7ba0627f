from django import template

from practice.rights import may_manage

register = template.Library()


@register.inclusion_tag("practice/_from_appeal.html", takes_context=True)
def practice_from_appeal(context) -> dict:
    """«Сделать учебный сценарий» on an appeal's page, for whoever keeps the scenarios."""
    appeal = context["appeal"]
    return {"show": may_manage(context["user"]) and appeal.reason_id is not None, "appeal": appeal,
            "csrf_token": context.get("csrf_token")}

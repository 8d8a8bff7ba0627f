from django import template

from proposals.rights import may_manage, may_view

register = template.Library()


@register.inclusion_tag("proposals/_panel.html", takes_context=True)
def proposals_panel(context, appeal=None, incident=None) -> dict:
    """The proposals an appeal or an incident is linked to, and the button that opens one from it."""
    user = context["user"]
    target = appeal if appeal is not None else incident
    if not may_view(user) or target is None:
        return {"shown": False}
    return {"shown": True, "proposals": list(target.proposals.order_by("-registered_at")),
            "may_manage": may_manage(user), "query": f"appeal={appeal.number}" if appeal is not None
            else f"incident={incident.pk}"}

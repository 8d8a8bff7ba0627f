"""The «Звонок» control in the back office's header: for those who take calls, on every staff page."""

from django import template
from django.urls import reverse

from calls import services

register = template.Library()


@register.inclusion_tag("calls/_control.html", takes_context=True)
def call_control(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not services.may_take_calls(user):
        return {"shown": False}
    call = services.running_call(user)
    return {"shown": True, "call": call, "steps": services.next_steps(call) if call else [],
            "outcomes": services.Outcome.choices, "csrf_token": context.get("csrf_token"),
            "next": request.get_full_path(), "on_register": request.path == reverse("staff-register")}

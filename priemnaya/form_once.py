"""One-time form tokens: sending the same rendered form twice (a double click, a refresh, a retry after a
lost answer) gives the first result instead of a second appeal.

The token is issued when the form is first rendered and kept while it is shown again with errors; the
mechanism is the API's Idempotency-Key (api.idempotency): the key row is written in the transaction of the
work and is unique, so of two concurrent posts one does the work and the other replays it.
"""

import secrets

from django import forms
from django.core.validators import RegexValidator

from api.errors import FieldError
from api.idempotency import run_once

FIELD = "once"
IGNORED = {"csrfmiddlewaretoken", FIELD, "action"}
BROKEN = "Форма повреждена. Откройте её заново."
REUSED = ("Эта форма уже отправлена, и с другим содержанием. Чтобы подать ещё одно обращение, "
          "откройте форму заново.")


class OnceField(forms.CharField):
    """The hidden token; a form without one (a script, an old page) is simply not protected."""

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=64, widget=forms.HiddenInput,
                         initial=lambda: secrets.token_urlsafe(24), error_messages={
                             "max_length": BROKEN}, validators=[RegexValidator(r"^[A-Za-z0-9_-]*$", BROKEN)],
                         **kwargs)


def _payload(form: forms.Form) -> dict:
    data = {name: form.data.getlist(name) for name in sorted(form.data) if name not in IGNORED}
    data["files"] = sorted((f.name, f.size) for name in form.files for f in form.files.getlist(name))
    return data


def once(form: forms.Form, form_name: str, user, model, work):
    """Run `work()` (which makes and returns a `model` instance) once per token of this valid form: a repeat
    with the same content gets that first instance, one with other content a form error (and None)."""
    token = form.cleaned_data.get(FIELD) or ""
    if not token:
        return work()
    try:
        _status, body = run_once(user if user is not None and user.is_authenticated else None,
                                 f"form:{form_name}:{token}", _payload(form), lambda: (200, {"pk": work().pk}))
    except FieldError:
        form.add_error(None, REUSED)
        return None
    return model.objects.get(pk=body["pk"])

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .session import SESSION_KEY


@receiver(user_logged_in)
def _staff_log_in_ends_resident_session(request, **_signal) -> None:
    """A staff log-in in a browser where a resident was logged in: the session keeps only the staff member."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(SESSION_KEY, None)

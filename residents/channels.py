"""How a one-time code reaches a resident: by e-mail through the project's mail settings, or by SMS through
the notifications app's SMS interface (notifications.sms: files by default, an HTTP gateway when configured).
"""

from django.core.mail import send_mail

from notifications.sms import FileSmsBackend, SmsBackend, sms_backend

__all__ = ["FileSmsBackend", "SmsBackend", "deliver", "sms_backend"]


def deliver(*, email: str = "", phone: str = "", subject: str, text: str) -> None:
    """Send the message by e-mail when there is one, else by SMS.

    Sent in the request, not as a queued message: the code is stored only hashed, so a worker could not read
    it back, and it would wait in the broker and the message table in plain text."""
    if email:
        send_mail(subject, text, None, [email])
    elif phone:
        sms_backend().send(phone, text)

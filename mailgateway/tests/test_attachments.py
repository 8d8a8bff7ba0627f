"""Attached files are checked as web uploads are: an allowed one is kept, a forbidden one refused and noted."""

from appeals.models import Appeal
from mailgateway.models import InboundMessage

from .conftest import PNG_LIKE, letter, send


def test_allowed_attachment_is_stored_with_the_appeal(gateway):
    message = letter()
    message.add_attachment(PNG_LIKE, maintype="image", subtype="png", filename="протечка.png")
    send(gateway, message)
    appeal = Appeal.objects.get()
    (attachment,) = appeal.attachments.all()
    assert (attachment.original_name, attachment.content_type) == ("протечка.png", "image/png")


def test_forbidden_attachment_is_refused_but_the_appeal_is_filed(gateway):
    message = letter()
    message.add_attachment(b"MZ\x90\x00\x03" + b"\x00" * 200, maintype="application", subtype="pdf",
                           filename="справка.pdf")
    send(gateway, message)
    appeal = Appeal.objects.get()
    assert not appeal.attachments.exists()
    assert "«справка.pdf» не принят: такой тип файла не принимается" in InboundMessage.objects.get().note

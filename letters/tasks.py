"""The letter to the applicant by e-mail, its PDF attached: a message of the notifications hub (e-mail only,
as the letter is a file)."""

from celery import shared_task

from .models import Letter


def letter_values(letter: Letter) -> dict:
    """The plain values the e-mail's template may use."""
    return {
        "letter_number": letter.number,
        "letter_date": f"{letter.date:%d.%m.%Y}",
        "letter_kind": letter.get_kind_display().lower(),
    }


@shared_task
def email_letter(letter_id: int) -> bool:
    from notifications import hub

    letter = Letter.objects.select_related("appeal").filter(pk=letter_id).first()
    if letter is None or not letter.pdf:
        return False
    attachment = {"name": letter.pdf.name, "filename": letter.file_name, "mime": "application/pdf"}
    message = hub.tell_applicant(letter.appeal, "letter", values=letter_values(letter), attachments=[attachment],
                                 email_only=True, once_key=f"letter:{letter.pk}")
    return message is not None

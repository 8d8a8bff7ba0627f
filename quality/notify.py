"""The survey goes to the applicant through the notifications hub (e-mail, or SMS where it is on)."""

from django.utils import timezone

from appeals.models import Appeal
from notifications import hub

from . import surveys


def send_survey(appeal: Appeal):
    """Issue the appeal's survey and queue its message; nothing when the applicant cannot be reached."""
    if appeal.applicant_id is None or hub.applicant_channel(appeal.applicant) is None:
        return None
    issued = surveys.issue(appeal)
    until = f"{timezone.localtime(issued.survey.expires_at):%d.%m.%Y}"
    return hub.tell_applicant(appeal, "survey", values={"survey_url": issued.url, "survey_until": until},
                              once_key=f"survey:{issued.survey.pk}")

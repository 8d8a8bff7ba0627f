import logging

from django.dispatch import receiver

from appeals.signals import appeal_changed

log = logging.getLogger(__name__)


@receiver(appeal_changed, dispatch_uid="quality-survey-after-answer")
def survey_after_answer(sender, appeal, action, **kwargs) -> None:
    # After commit: a survey that cannot be sent is logged, never the answering person's error.
    if action not in ("answer", "refuse"):
        return
    try:
        from .notify import send_survey

        send_survey(appeal)
    except Exception:
        log.exception("no survey for appeal %s", appeal.pk)

"""The demo's letters: one of each kind, on demo appeals that have one due (an answer, a refusal, an
extension), issued by the administrator. Idempotent: once any letter exists it adds nothing."""

from django.contrib.auth.models import User
from django.db import transaction

from appeals.models import Appeal

from . import services
from .choices import LetterKind
from .models import Letter


def _issuer():
    return User.objects.filter(username="admin").first() or User.objects.filter(is_superuser=True).first()


@transaction.atomic
def _letters() -> int:
    actor = _issuer()
    if actor is None or Letter.objects.exists():
        return 0
    made = 0
    candidates = Appeal.objects.filter(applicant__isnull=False).select_related("applicant").order_by("-received_at")
    for kind in LetterKind.values:
        appeal = next((a for a in candidates[:500] if not services.refusal_of(a, kind)), None)
        if appeal is not None:
            services.issue_letter(appeal, kind, actor)
            made += 1
    return made


def load() -> str:
    added = _letters()
    return f"Исходящие письма: {Letter.objects.count()} (добавлено {added})."

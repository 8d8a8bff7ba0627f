"""A letter that does not apply is refused in Russian: by the verb, and on the appeal page (not a 500)."""

import pytest

from appeals.access import Forbidden
from appeals.errors import AppealError
from conftest import create_staff
from letters import services
from letters.choices import LetterKind
from letters.models import Letter, LetterSequence

from .conftest import decided, extended, in_work

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind, message", [
    (LetterKind.ANSWER, "Ответ по обращению ещё не дан"),
    (LetterKind.REFUSAL, "Ответ по обращению ещё не дан"),
    (LetterKind.EXTENSION, "не продлевался"),
    ("thanks", "Неизвестный вид письма"),
])
def test_a_letter_the_appeal_does_not_have_yet_is_refused(worker, kind, message):
    with pytest.raises(AppealError, match=message):
        services.issue_letter(in_work(worker), kind, worker)
    assert not Letter.objects.exists() and not LetterSequence.objects.exists()


def test_the_answer_and_the_refusal_are_not_mixed_up(worker):
    with pytest.raises(AppealError, match="сформируйте письмо об отказе"):
        services.issue_letter(decided(worker, refuse=True), LetterKind.ANSWER, worker)
    with pytest.raises(AppealError, match="сформируйте письмо с ответом"):
        services.issue_letter(decided(worker), LetterKind.REFUSAL, worker)


def test_kinds_now_follow_the_appeal(worker):
    assert services.kinds_now(in_work(worker)) == []
    assert services.kinds_now(extended(worker)) == [LetterKind.EXTENSION]
    assert services.kinds_now(decided(worker, refuse=True)) == [LetterKind.REFUSAL]


def test_someone_who_does_not_see_the_appeal_may_not_issue(worker):
    with pytest.raises(Forbidden):
        services.issue_letter(decided(worker), LetterKind.ANSWER, create_staff("stranger", "specialist", "paid"))

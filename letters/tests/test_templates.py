"""The letters' words staff edit in the admin: shipped by the migration, checked placeholders, and the shipped
words again when a row is deleted."""

import pytest
from django.core.exceptions import ValidationError

from letters import services
from letters.choices import LetterKind
from letters.defaults import BODIES
from letters.models import LetterTemplate

from .conftest import decided

pytestmark = pytest.mark.django_db


def test_the_defaults_are_loaded_by_the_migration():
    assert dict(LetterTemplate.objects.values_list("kind", "body")) == {str(k): v for k, v in BODIES.items()}


def test_an_unknown_placeholder_or_tag_is_refused_in_russian():
    template = LetterTemplate(kind=LetterKind.ANSWER, body="<p>{{ access_code }}</p>")
    with pytest.raises(ValidationError, match="Неизвестные подстановки: access_code"):
        template.full_clean(validate_unique=False)
    template.body = '{% include "base_public.html" %}'
    with pytest.raises(ValidationError, match="не разрешён"):
        template.full_clean(validate_unique=False)


def test_the_admin_edits_a_template(client, admin_user, worker):
    client.force_login(admin_user)
    template = LetterTemplate.objects.get(kind=LetterKind.ANSWER)
    page = client.get(f"/admin/letters/lettertemplate/{template.pk}/change/").content.decode()
    assert "{{ hq_notice }}" in page and "добавляется в конце" in page
    answer = client.post(f"/admin/letters/lettertemplate/{template.pk}/change/", {
        "kind": "answer", "body": "<p>По обращению № {{ number }} сообщаем:</p>{{ answer }}",
        "signatory_name": "", "signatory_post": "Директор по работе с населением"})
    assert answer.status_code == 302
    letter = services.issue_letter(decided(worker), LetterKind.ANSWER, worker)
    assert letter.body.startswith("<p>По\u00a0обращению №\u00a0")
    assert letter.signatory_post == "Директор по работе с населением" and letter.signatory_name == "Григорьев А. В."


def test_without_a_row_the_shipped_words_are_used(worker):
    LetterTemplate.objects.all().delete()
    letter = services.issue_letter(decided(worker), LetterKind.ANSWER, worker)
    assert letter.body.startswith("<p>Кровля над\u00a0вашим подъездом")
    assert letter.signatory_post == "Генеральный директор"

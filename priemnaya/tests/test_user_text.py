"""Text someone typed is shown isolated (`<bdi>`) and without direction controls, so a U+202E in a name does
not show it backwards nor turn the journal's columns around; what is stored stays as typed."""

import pytest
from django.template import Context, Template

from appeals.models import Appeal, Applicant
from conftest import appeal_through_full_life_cycle, create_appeal

pytestmark = pytest.mark.django_db

RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"
NAME = f"Иванова {RLO}анираМ{PDF} Петровна"
SHOWN = "<bdi>Иванова анираМ Петровна</bdi>"


def test_filter_isolates_escapes_and_drops_direction_controls():
    rendered = Template("{{ name|usertext }}, {{ text|linebreaksbr|usertext }}, {{ name|usertext:'plain' }}").render(
        Context({"name": f"<b>{LRI}Иванова{PDI}</b>", "text": f"строка{RLO}\nвторая"}))
    assert rendered == ("<bdi>&lt;b&gt;Иванова&lt;/b&gt;</bdi>, <bdi>строка<br>вторая</bdi>, "
                        "\u2068&lt;b&gt;Иванова&lt;/b&gt;\u2069")


def test_journal_shows_a_name_with_an_override_isolated_and_in_typed_order(client, supervisor):
    create_appeal(f"Протекает крыша {RLO}над кухней", full_name=NAME)
    client.force_login(supervisor)
    html = client.get("/staff/journal/").content.decode()
    assert SHOWN in html
    assert RLO not in html and PDF not in html
    assert Applicant.objects.get().full_name == NAME


def test_appeal_page_and_applicant_card_show_user_text_isolated(client, supervisor):
    appeal = create_appeal(f"Протекает {RLO}крыша", full_name=NAME, short_content=f"Крыша {RLO}течёт")
    client.force_login(supervisor)
    page = client.get(appeal.get_absolute_url()).content.decode()
    assert SHOWN in page and "<bdi>Протекает крыша</bdi>" in page and "<bdi>Крыша течёт</bdi>" in page
    card = client.get(f"/staff/applicants/{appeal.applicant_id}/").content.decode()
    assert SHOWN in card and "<bdi>Крыша течёт</bdi>" in card
    assert RLO not in page + card


def test_public_status_page_shows_the_answer_isolated(client, supervisor):
    appeal = appeal_through_full_life_cycle(supervisor)
    Appeal.objects.filter(pk=appeal.pk).update(answer_text=f"Кровля {RLO}будет отремонтирована.")
    html = client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True).content.decode()
    assert "<bdi>Кровля будет отремонтирована.</bdi>" in html
    assert RLO not in html

"""«Не нашли ответ?»: a question searched in the FAQ becomes an appeal of kind «вопрос» in two clicks."""

import html as html_lib
import re

import pytest

from appeals.models import Appeal
from portal.tests.test_web_form import valid_data

pytestmark = pytest.mark.django_db

QUESTION = "Как заменить счётчик горячей воды & сколько это стоит?"


def test_a_question_without_an_answer_offers_to_ask_it(client):
    page = client.get("/faq/", {"q": QUESTION}).content.decode()
    link = re.search(r'href="(/appeal/\?kind=question&amp;text=[^"]+)">Задать вопрос', page)
    assert link, "нет ссылки «Задать вопрос»"
    form = client.get(html_lib.unescape(link.group(1))).content.decode()
    assert '<option value="question" selected>' in form
    assert html_lib.escape(QUESTION, quote=False) in form


def test_the_asked_question_is_filed_as_a_question(client):
    client.post("/appeal/", valid_data(kind="question", text=QUESTION))
    assert Appeal.objects.get().kind == "question"


@pytest.mark.parametrize("kind", ["<script>", "closed", ""])
def test_a_link_fills_nothing_but_the_form_values(client, kind):
    form = client.get("/appeal/", {"kind": kind, "text": "", "full_name": "Подставной Пётр"}).content.decode()
    assert '<option value="appeal" selected>' in form and "Подставной" not in form


def test_a_long_text_is_cut_to_what_the_form_takes(client):
    from portal.forms import TEXT_MAX

    form = client.get("/appeal/", {"text": "я" * (TEXT_MAX + 50)}).content.decode()
    assert "я" * TEXT_MAX in form and "я" * (TEXT_MAX + 1) not in form

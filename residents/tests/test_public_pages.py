"""What the public pages of the forum and the resident area show: no one's personal data, no inline style or
script, under 100 KB, labels and descriptions wired."""

import re

import pytest

from residents import forum
from residents.moderation import moderate_post

from .conftest import create_resident, signed_in

PLANTED = ("Меня зовут Смирнова Анна Викторовна, живу в кв. 45, лицевой счёт 1234567890, "
           "звоните +7 (921) 555-66-77 или пишите anna.smirnova@yandex.ru.")
SECRETS = ("555-66-77", "5556677", "anna.smirnova", "yandex.ru", "кв. 45", "1234567890")


@pytest.fixture
def planted(db):
    author = create_resident("smirnova@mail.ru", name="Соседка", forum_trusted=True)
    post = forum.start_topic(author, "Поверка счётчиков: звоните +7 921 555-66-77", PLANTED)
    forum.reply(author, post.topic, f"И ещё раз: {PLANTED}")
    forum.report(post, "personal")
    return post


def _public_pages(post) -> list[str]:
    return ["/forum/", f"/forum/{post.topic_id}/", f"/forum/posts/{post.pk}/report/"]


def test_planted_personal_data_shows_on_no_public_page(client, planted):
    for path in _public_pages(planted):
        page = client.get(path).content.decode()
        for secret in SECRETS:
            assert secret not in page, (path, secret)
        assert "smirnova@mail.ru" not in page  # the author's own address neither
    assert "[скрыто]" in client.get(f"/forum/{planted.topic_id}/").content.decode()


def test_names_typed_in_a_post_are_hidden_too(client, planted):
    page = client.get(f"/forum/{planted.topic_id}/").content.decode()
    assert "Смирнова Анна" not in page and "Соседка" in page


def test_a_pending_post_with_personal_data_reaches_the_moderator_masked_first(client, supervisor, db):
    post = forum.start_topic(create_resident(), "Тема", PLANTED)
    client.force_login(supervisor)
    page = client.get("/staff/forum/").content.decode()
    assert "[скрыто]" in page
    moderate_post(supervisor, post.pk, "approve")


def _pages(client, post, resident):
    for path in _public_pages(post) + ["/account/login/", "/account/signup/", "/account/login/code/",
                                       "/account/reset/"]:
        yield path, client.get(path)
    signed_in(client, resident)
    for path in ("/account/", "/account/appeals/", "/account/appeals/link/", "/forum/new/",
                 f"/forum/{post.topic_id}/"):
        yield path, client.get(path)


def test_pages_have_no_inline_style_or_script_and_are_small(client, planted):
    for path, response in _pages(client, planted, create_resident("other@mail.ru")):
        assert response.status_code == 200, path
        page = response.content.decode()
        assert len(response.content) < 100 * 1024, path
        assert not re.search(r"\sstyle=", page), path
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), path
        assert not re.search(r"\son[a-z]+=", page), path


def test_every_field_has_a_label_and_its_descriptions_exist(client, planted):
    for path, response in _pages(client, planted, create_resident("other@mail.ru")):
        page = response.content.decode()
        ids = set(re.findall(r'\sid="([^"]+)"', page))
        for tag in re.findall(r"<(?:input|textarea|select)\b[^>]*>", page):
            if 'type="hidden"' in tag:
                continue
            field_id = re.search(r'\sid="([^"]+)"', tag)[1]
            assert f'for="{field_id}"' in page, (path, tag)
            for described in re.findall(r'aria-describedby="([^"]+)"', tag):
                assert set(described.split()) <= ids, (path, tag)


def test_error_texts_are_wired_to_their_fields(client, db):
    page = client.post("/account/signup/", {"identifier": "", "display_name": ""}).content.decode()
    tag = re.search(r'<input[^>]*name="identifier"[^>]*>', page)[0]
    assert "id_identifier_error" in tag and 'id="id_identifier_error"' in page
    assert 'aria-invalid="true"' in tag


def test_every_form_carries_a_csrf_token(client, planted):
    for path, response in _pages(client, planted, create_resident("other@mail.ru")):
        page = response.content.decode()
        for form in re.findall(r'<form[^>]*method="post".*?</form>', page, re.S):
            assert "csrfmiddlewaretoken" in form, path

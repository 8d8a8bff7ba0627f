"""The site's map: every section and page it names answers, the header marks where one is, the footer
lists everything."""

import pytest

from portal.sections import SECTIONS

pytestmark = pytest.mark.django_db

ALL_PAGES = sorted({p.url for s in SECTIONS for p in s.pages} | {s.url for s in SECTIONS})


@pytest.mark.parametrize("path", ALL_PAGES)
def test_every_page_of_the_map_answers(client, path):
    answer = client.get(path)
    assert answer.status_code == 200, path
    assert len(answer.content) < 100_000


def test_the_header_marks_the_section_of_the_page(client):
    html = client.get("/news/").content.decode()
    assert '<a href="/info/" aria-current="true">Справочная</a>' in html
    assert html.count('aria-current="true"') == 1


def test_the_footer_lists_every_page(client):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer'):]
    for path in ALL_PAGES:
        assert f'href="{path}"' in footer


def test_a_section_page_lists_its_pages(client):
    html = client.get("/feedback/").content.decode()
    assert "<h1>Обратная связь</h1>" in html and 'href="/faq/"' in html


def test_staff_pages_carry_no_public_map(client, supervisor):
    client.force_login(supervisor)
    assert "Карта сайта" not in client.get("/staff/").content.decode()


def test_a_sections_pages_are_listed_on_each_of_them_the_one_shown_marked(client):
    html = client.get("/reviews/").content.decode()
    nav = html[html.index('<nav class="ref-sections" aria-label="Обратная связь">'):]
    nav = nav[:nav.index("</nav>")]
    for path in ("/faq/", "/appeal/", "/track/", "/answers/", "/hq/", "/forum/"):
        assert f'href="{path}"' in nav
    assert '<a href="/reviews/" aria-current="page">Отзывы</a>' in nav


def test_a_page_under_a_list_marks_the_list(client):
    html = client.get("/reviews/new/").content.decode()
    assert '<a href="/reviews/" aria-current="true">Отзывы</a>' in html


def test_the_feedback_section_reaches_reviews_summaries_the_hq_and_the_forum(client):
    html = client.get("/feedback/").content.decode()
    for path in ("/reviews/", "/answers/", "/hq/", "/forum/"):
        assert f'href="{path}"' in html

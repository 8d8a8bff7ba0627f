"""The version for the visually impaired: switched by links, kept in a cookie, no JavaScript needed; and
every field's help and error texts are wired to it by ids that exist."""

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/", "/appeal/", "/track/", "/faq/"]


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.described, self.labelled_for = set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if attrs.get("aria-describedby"):
            self.described.extend(attrs["aria-describedby"].split())
        if tag == "label" and attrs.get("for"):
            self.labelled_for.append(attrs["for"])


def _refs(html: str) -> _Refs:
    parser = _Refs()
    parser.feed(html)
    return parser


def test_switching_on_keeps_the_choice_and_comes_back(client):
    answer = client.get("/accessibility/", {"mode": "on", "next": "/faq/?q=крыша"})
    assert answer.status_code == 303 and answer["Location"] == "/faq/?q=%D0%BA%D1%80%D1%8B%D1%88%D0%B0"
    assert client.cookies["a11y"].value == "large-bw-noimg"
    page = client.get("/track/").content.decode()
    assert re.search(r'<body class="public a11y a11y-large a11y-bw a11y-noimg"', page)
    assert "Обычная версия сайта" in page and "Версия для слабовидящих</a>" not in page


def test_size_scheme_and_images_change_one_at_a_time(client):
    client.get("/accessibility/", {"mode": "on"})
    client.get("/accessibility/", {"size": "xlarge"})
    client.get("/accessibility/", {"scheme": "wb"})
    client.get("/accessibility/", {"images": "on"})
    assert client.cookies["a11y"].value == "xlarge-wb-img"
    client.get("/accessibility/", {"scheme": "purple", "size": "<script>"})  # unknown: left as it was
    assert client.cookies["a11y"].value == "xlarge-wb-img"


def test_switching_off_forgets_the_choice(client):
    client.get("/accessibility/", {"mode": "on"})
    client.get("/accessibility/", {"mode": "off", "next": "/"})
    page = client.get("/").content.decode()
    assert '<body class="public">' in page and "Версия для слабовидящих" in page


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "javascript:alert(1)", "", "faq"])
def test_the_way_back_never_leaves_the_site(client, target):
    answer = client.get("/accessibility/", {"mode": "on", "next": target})
    assert answer["Location"] == "/"


def test_a_forged_cookie_reads_as_the_usual_site(client):
    client.cookies["a11y"] = "huge-red-img"
    assert '<body class="public">' in client.get("/").content.decode()


def test_the_switch_is_not_a_form_target(client):
    assert client.post("/accessibility/", {"mode": "on"}).status_code == 405


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("mode", ["off", "on"])
def test_public_pages_have_a_skip_link_and_wired_descriptions(client, path, mode):
    client.get("/accessibility/", {"mode": mode})
    html = client.get(path).content.decode()
    refs = _refs(html)
    assert 'href="#content"' in html and "content" in refs.ids
    assert set(refs.described) <= refs.ids, f"aria-describedby без элемента: {set(refs.described) - refs.ids}"
    assert set(refs.labelled_for) <= refs.ids


def test_errors_of_a_submitted_form_are_wired_to_their_fields(client):
    html = client.post("/appeal/", {"kind": "complaint", "phone": "12", "text": "",
                                    "address": "x"}).content.decode()
    refs = _refs(html)
    assert "id_phone_error" in refs.described and "id_consent_error" in refs.described
    assert set(refs.described) <= refs.ids

"""A post Django will not read for its size is 413 saying what was too big: a Russian page, JSON under /api/."""

import json

import pytest
from django.test import Client

from accounts.models import ApiToken
from appeals.models import Appeal

pytestmark = pytest.mark.django_db

BOUNDARY = "----priemnaya"


def multipart(parts: list[tuple[str, str | None, bytes]]) -> bytes:
    body = b""
    for name, filename, data in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename is not None else "")
        body += (f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    return body + f"--{BOUNDARY}--\r\n".encode()


def post(path: str, parts, client=None):
    return (client or Client()).generic("POST", path, multipart(parts),
                                        content_type=f"multipart/form-data; boundary={BOUNDARY}")


OVERSIZED = {
    "a 30 MB text": ([("text", None, b"x" * 30_000_000)], "Слишком большой запрос: больше 12 МБ без учёта файлов."),
    "1,000 files": ([("attachments", f"{n}.png", b"x") for n in range(1000)],
                    "Слишком много файлов в одной отправке: можно не больше 100."),
    "1,200 fields": ([(f"field{n}", None, b"x") for n in range(1200)],
                     "Слишком много полей в одной отправке: можно не больше 1000."),
    "a 1,000-character file name": ([("attachments", "ф" * 1000 + ".png", b"x")], "Слишком длинное имя файла"),
}


@pytest.mark.parametrize("case", OVERSIZED)
@pytest.mark.parametrize("path, look", [("/appeal/", 'class="public-header"'), ("/staff/login/", 'class="topbar"')])
def test_an_oversized_post_is_a_russian_413_page_saying_what(case, path, look):
    parts, message = OVERSIZED[case]
    response = post(path, parts)
    assert response.status_code == 413
    html = response.content.decode()
    assert "<h1>Слишком большая отправка</h1>" in html and message in html and look in html
    assert "Код ошибки: 413" in html
    assert not Appeal.objects.exists()


def test_an_oversized_api_body_is_json_saying_the_limit(operator, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    _token, key = ApiToken.issue(operator)
    client = Client(headers={"Authorization": f"Bearer {key}"})
    response = client.post("/api/v1/appeals", json.dumps({"text": "x" * 2_000_000}), content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"detail": "Слишком большой запрос: больше 1 МБ без учёта файлов."}


def test_a_broken_form_is_still_a_400(client):
    response = client.generic("POST", "/appeal/", b"--x\r\nnonsense", content_type="multipart/form-data; boundary=")
    assert response.status_code == 400 and "<h1>Неправильный запрос</h1>" in response.content.decode()

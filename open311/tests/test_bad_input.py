"""Bad input to POST requests: every field refused with the specification's error (400 naming the field),
a missing or wrong key 403, too many requests 429, a body too big 413 — in the format asked, nothing created."""

import pytest

from appeals.models import Appeal, Applicant
from open311.links import BadLink, check_media_url
from open311.models import Submission

from .conftest import make_integration
from .helpers import errors_of, fms_form

pytestmark = pytest.mark.django_db

BAD_FIELDS = [
    ({"service_code": None}, "service_code"),
    ({"service_code": "no-such-service"}, "service_code"),
    ({"lat": None, "long": None}, "lat"),
    ({"long": None}, "long"),
    ({"lat": "59,927"}, "lat"),
    ({"lat": "91"}, "lat"),
    ({"long": "nan"}, "long"),
    ({"address_id": "999999"}, "address_id"),
    ({"address_id": "улица Марата"}, "address_id"),
    ({"address_string": "Марата, 7" * 50}, "address_string"),
    ({"address_string": "Марата, 7\r\nX-Injected: 1"}, "address_string"),
    ({"description": "Течёт крыша. " * 400}, "description"),
    ({"description": "<script>alert(1)</script> Течёт крыша"}, "description"),
    ({"description": "Течёт <b>крыша</b>"}, "description"),
    ({"description": "Течёт крыша <!-- комментарий -->"}, "description"),
    ({"description": "Течёт крыша\x00\x07"}, "description"),
    ({"email": "not-an-address"}, "email"),
    ({"email": "ivanova@mаil.ru"}, "email"),  # a Cyrillic «а» among Latin letters
    ({"phone": "12345"}, "phone"),
    ({"phone": "+1 202 555 0100"}, "phone"),
    ({"first_name": "Агриппина\nBcc: all@example.ru"}, "first_name"),
    ({"first_name": "А" * 151}, "first_name"),
    ({"first_name": "123", "last_name": ""}, "first_name"),
    ({"media_url": "http://127.0.0.1/photo.jpg"}, "media_url"),
    ({"media_url": "http://localhost:8000/photo.jpg"}, "media_url"),
    ({"media_url": "http://10.0.0.5/photo.jpg"}, "media_url"),
    ({"media_url": "http://[::1]/photo.jpg"}, "media_url"),
    ({"media_url": "http://2130706433/photo.jpg"}, "media_url"),
    ({"media_url": "ftp://example.com/photo.jpg"}, "media_url"),
    ({"media_url": "javascript:alert(1)"}, "media_url"),
    ({"media_url": "https://bank.example.ru@evil.example.com/"}, "media_url"),
    ({"attribute[colour]": "red"}, "attribute[colour]"),
]


def _nothing_created() -> bool:
    return not (Appeal.objects.exists() or Submission.objects.exists() or Applicant.objects.exists())


@pytest.mark.parametrize("fmt", ["xml", "json"])
@pytest.mark.parametrize(("changes", "field"), BAD_FIELDS, ids=[field for _changes, field in BAD_FIELDS])
def test_a_bad_field_is_400_naming_it_and_nothing_is_created(client, key, marata, changes, field, fmt):
    response = client.post(f"/open311/v2/requests.{fmt}", fms_form(key, **changes))
    assert response.status_code == 400
    errors = errors_of(response, fmt)
    assert [e["code"] for e in errors] == [400] * len(errors)
    assert [e["description"].split(":")[0] for e in errors] == [field], errors
    assert _nothing_created()


def test_every_bad_field_is_told_at_once(client, key, marata):
    form = fms_form(key, service_code="nope", phone="123", email="x@", media_url="http://192.168.1.1/")
    response = client.post("/open311/v2/requests.json", form)
    assert {e["description"].split(":")[0] for e in errors_of(response, "json")} == \
        {"service_code", "phone", "email", "media_url"}
    assert _nothing_created()


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_a_missing_wrong_or_switched_off_key_is_403(client, marata, fmt):
    integration, key = make_integration()
    integration.is_active = False
    integration.save()
    for sent in (None, "wrong-key", key):
        response = client.post(f"/open311/v2/requests.{fmt}", fms_form(sent))
        assert response.status_code == 403
        error, = errors_of(response, fmt)
        assert error == {"code": 403, "description": "api_key: Ключ не передан или недействителен."}
    assert _nothing_created()


def test_guessing_keys_is_stopped_with_429_even_for_the_right_one(client, marata, settings):
    settings.API_TOKEN_FAILURE_LIMIT = 3
    _integration, key = make_integration()
    for _ in range(3):
        assert client.post("/open311/v2/requests.json", fms_form("guess")).status_code == 403
    response = client.post("/open311/v2/requests.json", fms_form(key))
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert errors_of(response, "json")[0]["code"] == 429
    assert _nothing_created()


def test_each_key_has_its_own_rate_limit(client, marata):
    _slow, slow_key = make_integration("Медленная", rate_limit=2)
    _other, other_key = make_integration("Другая", rate_limit=2)
    for _ in range(2):
        assert client.post("/open311/v2/requests.xml", fms_form(slow_key)).status_code == 200
    refused = client.post("/open311/v2/requests.xml", fms_form(slow_key))
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "«Медленная»" in errors_of(refused, "xml")[0]["description"]
    assert client.post("/open311/v2/requests.xml", fms_form(other_key)).status_code == 200
    assert Appeal.objects.count() == 3


def test_a_body_django_will_not_read_is_413_in_the_format_asked(client, key, marata, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 20
    form = fms_form(key, **{f"extra{i}": "x" for i in range(30)})
    response = client.post("/open311/v2/requests.json", form)
    assert response.status_code == 413
    assert "Слишком много полей" in errors_of(response, "json")[0]["description"]
    assert _nothing_created()


@pytest.mark.parametrize("url", ["https://fixmystreet.example.org/photo/1.jpeg", "http://8.8.8.8/a.jpg",
                                 "HTTPS://Example.com/a%20b.png?size=full"])
def test_a_link_into_the_internet_is_kept_as_given(url):
    assert check_media_url(url) == url


@pytest.mark.parametrize("url", ["http://0x7f.0.0.1/", "http://127.1/", "http://169.254.169.254/latest/meta-data/",
                                 "http://[::ffff:127.0.0.1]/", "http://[fd00::1]/", "http://0.0.0.0/",
                                 "http://printer.local/", "http://intranet/", "http://metadata.google.internal/",
                                 "http://[::1", "file:///etc/passwd", "http:///nohost"])
def test_a_link_into_the_own_network_or_no_link_at_all_is_refused(url):
    with pytest.raises(BadLink):
        check_media_url(url)


def test_a_body_that_is_no_form_is_400_in_the_format_asked(client, key, marata):
    response = client.post(f"/open311/v2/requests.xml?api_key={key}", data=b"service_code=roof-damage",
                           content_type="multipart/form-data")  # no boundary: nothing to read it by
    assert response.status_code == 400
    assert errors_of(response, "xml") == [{"code": 400, "description": "Тело запроса не читается как форма."}]
    assert _nothing_created()

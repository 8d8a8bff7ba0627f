"""POST requests: a request as FixMyStreet sends it becomes an appeal of the channel «Open311» through the
same intake verb as every channel — numbered, registered with the service's reason, given its deadlines,
routed and matched to incidents — and the answer is our number (or a token)."""

import datetime as dt

import pytest
from django.utils import timezone

from appeals.choices import Channel, Kind, Priority, Status
from appeals.models import Appeal
from conftest import create_appeal, create_building, create_staff
from open311.models import Integration, Submission
from reference.models import Outage
from triage.models import IncidentAppeal

from .conftest import make_integration
from .helpers import EMAIL, FIRST, LAST, fields, fms_form, valid_json, xml_root

pytestmark = pytest.mark.django_db


def test_a_fixmystreet_request_becomes_a_registered_open311_appeal(client, key, marata):
    response = client.post("/open311/v2/requests.xml", fms_form(key))
    assert response.status_code == 200
    request = xml_root(response, "service_requests").find("request")
    number = fields(request)["service_request_id"]
    appeal = Appeal.objects.select_related("applicant", "reason", "department").get(number=number)
    assert appeal.channel == Channel.OPEN311 and appeal.get_channel_display() == "Open311"
    assert appeal.kind == Kind.REQUEST
    assert appeal.reason.code == "roof-damage" and appeal.status == Status.REGISTERED
    assert appeal.department.code == "tech"  # routed by the reason, as any registered appeal
    assert appeal.answer_due is not None and appeal.registration_due is not None
    assert appeal.building == marata  # the nearest house to the pin
    assert appeal.applicant.full_name == f"{FIRST} {LAST}" and appeal.applicant.email == EMAIL
    assert appeal.applicant.phone == "+79217654321"
    assert appeal.text.startswith("Течёт крыша\n\nПосле дождя")


def test_the_history_names_the_integration_and_the_link_is_stored_never_fetched(client, key, marata):
    number = client.post("/open311/v2/requests.json", fms_form(key)).json()[0]["service_request_id"]
    appeal = Appeal.objects.get(number=number)
    note = appeal.events.get(action="commented").note
    assert note.startswith("Заявка Open311 от «FixMyStreet Петербург».")
    assert "https://fixmystreet.example.org/photo/4242.0.full.jpeg" in note
    submission = Submission.objects.get(appeal=appeal)
    assert submission.integration.name == "FixMyStreet Петербург" and submission.service_code == "roof-damage"
    assert submission.media_url == "https://fixmystreet.example.org/photo/4242.0.full.jpeg"
    assert (submission.latitude, submission.longitude) == (59.92702, 30.35105)


def test_the_json_answer_is_the_swagger_request_response(client, key, marata):
    response = client.post("/open311/v2/requests.json", fms_form(key))
    body = valid_json(response, "post-response")
    assert list(body[0]) == ["service_request_id"]
    assert Appeal.objects.filter(number=body[0]["service_request_id"], channel="open311").exists()


def test_an_emergency_service_jumps_the_queue(client, key, marata):
    number = client.post("/open311/v2/requests.json", fms_form(key, service_code="gas-smell")).json()[0][
        "service_request_id"]
    appeal = Appeal.objects.get(number=number)
    assert appeal.priority == Priority.EMERGENCY and appeal.department.code == "ads"
    assert appeal.counted_in_hours


def test_the_address_typed_is_matched_as_the_public_form_matches_it(client, key, marata):
    form = fms_form(key, lat=None, long=None, address_string="Санкт-Петербург, ул. Марата, д.7")
    number = client.post("/open311/v2/requests.json", form).json()[0]["service_request_id"]
    assert Appeal.objects.get(number=number).building == marata


def test_address_id_names_our_building(client, key, marata):
    other = create_building("улица Рубинштейна", "3")
    number = client.post("/open311/v2/requests.json", fms_form(key, address_id=str(other.pk))).json()[0][
        "service_request_id"]
    assert Appeal.objects.get(number=number).building == other  # the id wins over the pin


def test_a_point_far_from_every_house_is_taken_and_kept_for_the_operator(client, key, marata):
    number = client.post("/open311/v2/requests.json", fms_form(key, lat="59.9500", long="30.3100")).json()[0][
        "service_request_id"]
    appeal = Appeal.objects.get(number=number)
    assert appeal.building is None and appeal.address_text == "координаты 59.950000, 30.310000"


def test_a_request_without_words_is_described_by_its_service(client, key, marata):
    form = fms_form(key, description=None, first_name=None, last_name=None, email=None, phone=None)
    number = client.post("/open311/v2/requests.json", form).json()[0]["service_request_id"]
    appeal = Appeal.objects.get(number=number)
    assert appeal.text == "Повреждение кровли, протечка с крыши." and appeal.applicant is None


def test_only_a_phone_left_still_keeps_the_applicant(client, key, marata):
    form = fms_form(key, first_name=None, last_name=None, email=None)
    appeal = Appeal.objects.get(number=client.post("/open311/v2/requests.json", form).json()[0]["service_request_id"])
    assert appeal.applicant.phone == "+79217654321" and appeal.applicant.full_name == "Заявитель +79217654321"


def test_a_request_joins_the_incident_of_its_building_and_is_routed(client, key, marata,
                                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        create_appeal("Протекает крыша, вода течёт с потолка на лестнице", reason="roof-damage", building=marata)
    roofer = create_staff("roofer", "specialist", "tech")
    with django_capture_on_commit_callbacks(execute=True):
        number = client.post("/open311/v2/requests.json", fms_form(key)).json()[0]["service_request_id"]
    assert IncidentAppeal.objects.filter(appeal__number=number).exists()
    appeal = Appeal.objects.get(number=number)
    assert appeal.assignee == roofer and appeal.status == Status.ASSIGNED  # triage's routing by load


def test_an_integration_answering_with_tokens_gets_one_that_resolves_to_the_number(client, marata):
    _integration, key = make_integration("Городское приложение", answer_with=Integration.Answer.TOKEN)
    response = client.post("/open311/v2/requests.xml", fms_form(key))
    token = fields(xml_root(response, "service_requests").find("request"))
    assert list(token) == ["token"]
    resolved = client.get(f"/open311/v2/tokens/{token['token']}.json")
    body = valid_json(resolved, "token-response")
    assert body[0]["token"] == token["token"]
    assert body[0]["service_request_id"] == Submission.objects.get(token=token["token"]).appeal.number
    xml = fields(xml_root(client.get(f"/open311/v2/tokens/{token['token']}.xml"), "service_requests")[0])
    assert xml == {"service_request_id": body[0]["service_request_id"], "token": token["token"]}
    assert client.get("/open311/v2/tokens/no-such-token.json").status_code == 404


def test_an_outage_in_force_in_the_building_is_the_service_notice(client, key, marata):
    outage = Outage.objects.create(resource=Outage.Resource.HOT_WATER, starts_at=timezone.now() - dt.timedelta(hours=1),
                                   ends_at=timezone.now() + dt.timedelta(days=1), note="Ремонт теплотрассы.")
    outage.buildings.add(marata)
    body = client.post("/open311/v2/requests.json", fms_form(key, service_code="water-no-hot")).json()
    assert body[0]["service_notice"].startswith("Известно об отключении горячей воды до ")
    assert body[0]["service_notice"].endswith("Ремонт теплотрассы.")
    number = body[0]["service_request_id"]
    shown = client.get(f"/open311/v2/requests/{number}.json").json()[0]
    assert shown["service_notice"] == body[0]["service_notice"]


def test_the_key_may_come_in_the_query_string(client, key, marata):
    form = fms_form(key)
    del form["api_key"]
    response = client.post(f"/open311/v2/requests.json?api_key={key}", form)
    assert response.status_code == 200 and Appeal.objects.filter(channel="open311").count() == 1

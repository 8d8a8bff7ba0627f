"""A call's recording: uploaded or picked up from the PBX's folder, checked as audio, streamed and logged."""

import datetime as dt
import io
import wave

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from appeals.models import PersonalDataAccess
from calls import recordings, services
from calls.models import Call
from calls.services import CallError
from conftest import create_appeal


def wav_bytes() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 800)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def call(operator):
    create_appeal(full_name="Иванова Мария Петровна", phone="+79211234567")
    return services.start_call(operator, "+79211234567")


def test_an_uploaded_wav_is_attached_under_a_random_name(call, supervisor):
    call = recordings.attach(call, SimpleUploadedFile("разговор.wav", wav_bytes()), supervisor)
    assert call.recording.name.endswith(".wav") and "разговор" not in call.recording.name


def test_a_renamed_document_is_refused(call, supervisor):
    with pytest.raises(CallError, match="это не звукозапись"):
        recordings.attach(call, SimpleUploadedFile("запись.mp3", b"%PDF-1.4 not audio"), supervisor)


def test_a_file_over_the_limit_is_refused(call, supervisor, settings):
    settings.CALL_RECORDING_MAX_BYTES = 1024
    with pytest.raises(CallError, match="больше"):
        recordings.attach(call, SimpleUploadedFile("запись.wav", wav_bytes()), supervisor)


def test_operators_may_not_attach_recordings(call, operator):
    with pytest.raises(PermissionDenied, match="нет права"):
        recordings.attach(call, SimpleUploadedFile("запись.wav", wav_bytes()), operator)


def test_the_folder_is_searched_by_the_pbx_id(operator, supervisor, settings, tmp_path):
    folder = tmp_path / "pbx" / "2024" / "12" / "03"
    folder.mkdir(parents=True)
    (folder / "in-2000-79211234567-20241203-123015-1733218215.42.wav").write_bytes(wav_bytes())
    (folder / "in-2000-79211234567-20241203-123015-1733218215.421.wav").write_bytes(wav_bytes())
    settings.CALL_RECORDINGS_DIR = str(tmp_path / "pbx")
    call = Call.objects.create(pbx_id="1733218215.42", source=Call.Source.PBX, caller_number="+79211234567")
    assert recordings.find_in_folder(call).name == "in-2000-79211234567-20241203-123015-1733218215.42.wav"
    assert recordings.pick_up(call, supervisor).recording


def test_the_folder_is_searched_by_number_and_time(operator, settings, tmp_path):
    settings.CALL_RECORDINGS_DIR = str(tmp_path)
    moment = timezone.make_aware(dt.datetime(2024, 12, 3, 12, 30, 15))
    (tmp_path / "89211234567_20241203-123100.mp3").write_bytes(b"")
    (tmp_path / "79211234567-20241203-124000.wav").write_bytes(b"")
    call = Call.objects.create(operator=operator, caller_number="+79211234567", ringing_at=moment)
    assert recordings.find_in_folder(call).name == "89211234567_20241203-123100.mp3"
    assert not recordings.matches(call, "79219999999-20241203-123015.wav")


def test_picking_up_without_a_folder_says_so(call, supervisor, settings):
    settings.CALL_RECORDINGS_DIR = ""
    with pytest.raises(CallError, match="не настроена"):
        recordings.pick_up(call, supervisor)


def test_the_review_plays_the_recording_and_each_listening_is_logged(client, call, supervisor):
    client.force_login(supervisor)
    response = client.post(reverse("staff-call-recording-add", args=[call.pk]),
                           {"file": SimpleUploadedFile("запись.wav", wav_bytes())}, follow=True)
    page = response.content.decode()
    assert "Запись разговора прикреплена." in page
    assert f'<audio class="call-audio" controls preload="none" src="/staff/calls/{call.pk}/recording/"' in page
    before = PersonalDataAccess.objects.filter(action="listen_call_recording").count()
    audio = client.get(reverse("staff-call-recording", args=[call.pk]))
    assert audio.status_code == 200 and audio["Content-Type"] == "audio/wav"
    assert b"".join(audio.streaming_content) == wav_bytes()
    row = PersonalDataAccess.objects.filter(action="listen_call_recording").latest("id")
    assert PersonalDataAccess.objects.filter(action="listen_call_recording").count() == before + 1
    assert row.user == supervisor and row.applicant == call.applicant


def test_a_bad_upload_over_http_is_a_russian_message(client, call, supervisor):
    client.force_login(supervisor)
    response = client.post(reverse("staff-call-recording-add", args=[call.pk]),
                           {"file": SimpleUploadedFile("x.wav", b"MZ\x90\x00 a program")}, follow=True)
    assert "это не звукозапись" in response.content.decode()


def test_another_operator_may_not_listen(client, call, supervisor, specialist):
    recordings.attach(call, SimpleUploadedFile("запись.wav", wav_bytes()), supervisor)
    client.force_login(specialist)
    assert client.get(reverse("staff-call-recording", args=[call.pk])).status_code == 403

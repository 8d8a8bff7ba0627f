"""A call's recording: uploaded by a supervisor or picked up from the folder the PBX records into.

Either way the file is checked like an appeal's attachment (`appeals.attachments`): its type by its bytes,
audio only (MP3, WAV, OGG, M4A, FLAC), no larger than `CALL_RECORDING_MAX_BYTES`; it is stored privately
under a random name and handed out only by a staff view that logs each listening.

The folder (`CALL_RECORDINGS_DIR`, subfolders included) is searched by the file's name:
1. a name holding the call's PBX id (the CDR's uniqueid) as a part of its own: «1733218215.42.wav»,
   «in-2000-79211234567-20241203-123015-1733218215.42.wav»;
2. for a call without a PBX id, a name holding the caller's number (its last ten digits, with or without
   7/8 before them) and the moment the call came in, local time, as YYYYMMDD-HHMMSS, at most two minutes
   apart: «79211234567-20241203-123015.mp3», «20241203-123015_89211234567.wav».
"""

import re
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from appeals import access
from appeals.attachments import shown_name

from .models import Call
from .services import CallError

AUDIO_TYPES = {"mp3": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg", "m4a": "audio/mp4", "flac": "audio/flac"}
ACCEPT = ",".join(f".{ext}" for ext in AUDIO_TYPES) + "," + ",".join(AUDIO_TYPES.values())
LABEL = "MP3, WAV, OGG, M4A или FLAC"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SAME_CALL = timedelta(minutes=2)
_STAMP = re.compile(r"(?<!\d)(\d{8})[-_T](\d{6})(?!\d)")
_SNIFF_BYTES = 8192


def max_bytes() -> int:
    return getattr(settings, "CALL_RECORDING_MAX_BYTES", DEFAULT_MAX_BYTES)


def folder() -> Path | None:
    """The PBX's recordings folder, when one is set and exists."""
    path = getattr(settings, "CALL_RECORDINGS_DIR", "")
    return Path(path) if path and Path(path).is_dir() else None


def content_type(name: str) -> str:
    return AUDIO_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")


def audio_kind(data: bytes) -> str | None:
    """The extension of an accepted audio type the bytes are, or None."""
    guessed = filetype.guess(data[:_SNIFF_BYTES])
    return guessed.extension if guessed is not None and guessed.extension in AUDIO_TYPES else None


def _checked(data: bytes, name: str) -> str:
    limit = max_bytes()
    if not data:
        raise CallError("Файл пустой.", "file")
    if len(data) > limit:
        raise CallError(f"Файл больше {limit // (1024 * 1024)} МБ: такую запись не принять.", "file")
    kind = audio_kind(data)
    if kind is None:
        raise CallError(f"Файл «{shown_name(name)}» не принят: это не звукозапись. Допустимы {LABEL}.", "file")
    return kind


def _store(call: Call, data: bytes, name: str, actor) -> Call:
    access.check(actor, "review_calls")
    kind = _checked(data, name)
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.recording:
        raise CallError("У звонка уже есть запись разговора.", "file")
    call.recording.save(f"{uuid.uuid4().hex}.{kind}", ContentFile(data), save=False)
    call.save(update_fields=["recording"])
    return call


@transaction.atomic
def attach(call: Call, uploaded, actor) -> Call:
    """Attach an uploaded recording to the call, checked by its content and size."""
    access.check(actor, "review_calls")
    if uploaded is None:
        raise CallError("Выберите файл записи.", "file")
    if uploaded.size is not None and uploaded.size > max_bytes():
        raise CallError(f"Файл больше {max_bytes() // (1024 * 1024)} МБ: такую запись не принять.", "file")
    return _store(call, uploaded.read(max_bytes() + 1), getattr(uploaded, "name", "") or "", actor)


def _holds_token(name: str, token: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(token)}(?![\w]|\.\d)", name) is not None


def _stamps(name: str) -> list[datetime]:
    found = []
    for day, time in _STAMP.findall(name):
        try:
            found.append(timezone.make_aware(datetime.strptime(day + time, "%Y%m%d%H%M%S")))
        except ValueError:
            continue
    return found


def matches(call: Call, name: str) -> bool:
    """Whether a file of this name is the call's recording, by the naming rule above."""
    if call.pbx_id:
        return _holds_token(name, call.pbx_id)
    digits = re.sub(r"\D", "", call.caller_number)[-10:]
    if len(digits) != 10 or not re.search(rf"(?<!\d)[78]?{digits}(?!\d)", name):
        return False
    return any(abs(moment - call.ringing_at) <= SAME_CALL for moment in _stamps(name))


def find_in_folder(call: Call) -> Path | None:
    """The call's recording in the PBX's folder, by its name; None when there is none."""
    root = folder()
    if root is None:
        return None
    root = root.resolve()
    for path in sorted(root.rglob("*")):
        if path.suffix.lower().lstrip(".") in AUDIO_TYPES and path.is_file() and matches(call, path.name) \
                and path.resolve().is_relative_to(root):
            return path
    return None


@transaction.atomic
def pick_up(call: Call, actor) -> Call:
    """Copy the call's recording from the PBX's folder into the call, checked as an upload is."""
    access.check(actor, "review_calls")
    if folder() is None:
        raise CallError("Папка записей АТС не настроена (CALL_RECORDINGS_DIR).")
    path = find_in_folder(call)
    if path is None:
        raise CallError("В папке записей АТС нет записи этого звонка.")
    with path.open("rb") as source:
        data = source.read(max_bytes() + 1)
    return _store(call, data, path.name, actor)

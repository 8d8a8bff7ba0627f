"""Files attached to an appeal: checked by their content, stored privately, recorded in the history.

The type is decided by sniffing the bytes, never by the name or the browser's claim: a renamed
program is refused even if it is called «справка.pdf». Files live under MEDIA_ROOT, which no URL
serves; staff download them through a view that checks access to the appeal.
"""

import uuid
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from . import access
from .errors import AppealError
from .models import Appeal, AppealEvent, Attachment

# Detected extension → MIME type we hand back on download.
ALLOWED_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain",
}
ALLOWED_LABEL = "JPG, PNG, PDF, DOCX, XLSX, ODT или TXT"
TEXT_ENCODINGS = ("utf-8", "cp1251")
_SNIFF_BYTES = 8192
MAX_NAME = 255


@dataclass(frozen=True)
class FileKind:
    extension: str
    mime: str


def _looks_like_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    for encoding in TEXT_ENCODINGS:
        try:
            data.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def detect_kind(data: bytes, name: str) -> FileKind | None:
    """The allowed type of the file's content, or None when it is not one we accept."""
    guessed = filetype.guess(data[:_SNIFF_BYTES])
    if guessed is not None:
        extension = guessed.extension
        return FileKind(extension, ALLOWED_TYPES[extension]) if extension in ALLOWED_TYPES else None
    # Plain text has no signature: accept it only when named .txt and decodable without control bytes.
    if name.lower().endswith(".txt") and _looks_like_text(data):
        return FileKind("txt", ALLOWED_TYPES["txt"])
    return None


def _clean_name(name: str, kind: FileKind) -> str:
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or f"файл.{kind.extension}"
    return base[-MAX_NAME:]


def _read_checked(uploaded) -> bytes:
    limit = settings.ATTACHMENT_MAX_BYTES
    if uploaded is None:
        raise AppealError("Выберите файл.", "file")
    if uploaded.size is not None and uploaded.size > limit:
        raise AppealError(f"Файл больше {_megabytes(limit)} МБ. Уменьшите его или разделите на части.", "file")
    if hasattr(uploaded, "seek"):
        uploaded.seek(0)
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        raise AppealError(f"Файл больше {_megabytes(limit)} МБ. Уменьшите его или разделите на части.", "file")
    if not data:
        raise AppealError("Файл пустой.", "file")
    return data


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.2f}"


@transaction.atomic
def add_attachment(appeal: Appeal, uploaded, actor) -> Attachment:
    """Check an uploaded file (type by content, size), store it and write the history row."""
    access.check(actor, "attach", appeal)
    if not appeal.is_open:
        raise AppealError("Рассмотрение обращения завершено: новые файлы к нему не добавляют.", "file")
    data = _read_checked(uploaded)
    name = getattr(uploaded, "name", "") or ""
    kind = detect_kind(data, name)
    if kind is None:
        raise AppealError(f"Такой тип файла не принимается. Допустимы {ALLOWED_LABEL}.", "file")
    original = _clean_name(name, kind)
    attachment = Attachment(appeal=appeal, original_name=original, content_type=kind.mime, size=len(data),
                            uploaded_by=actor if getattr(actor, "pk", None) else None)
    # The stored name is random: the original (possibly odd or Cyrillic) name is kept only in the database.
    attachment.file.save(f"{uuid.uuid4().hex}.{kind.extension}", ContentFile(data), save=False)
    attachment.save()
    AppealEvent.objects.create(appeal=appeal, actor=attachment.uploaded_by, action="attachment_added",
                               field="attachment", new_value=original)
    return attachment


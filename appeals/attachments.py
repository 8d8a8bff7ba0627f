"""Files attached to an appeal: checked by their content, stored privately, recorded in the history.

The type is decided by sniffing the bytes, never by the name or the browser's claim: a renamed
program is refused even if it is called «справка.pdf». The name must then end in one extension of
that type and be a name every system takes as a plain file name (`check_file_name`), since it is handed
back on download. Files live under MEDIA_ROOT, which no URL serves; staff download them through a
view that checks access to the appeal.
"""

import re
import unicodedata
import uuid
from dataclasses import dataclass
from urllib.parse import quote

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
# How a file of each detected type may be named; the first is the one asked for.
EXTENSIONS = {"jpg": ("jpg", "jpeg")}
# Device names Windows opens instead of a file, whatever the extension («CON.jpg»).
RESERVED = re.compile(r"(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])", re.IGNORECASE)
# A part between dots that a server or a desktop would take for a second extension («фото.php.jpg»).
EXTENSION_LIKE = re.compile(r"[a-z][a-z0-9]{1,4}", re.IGNORECASE)
SHOWN_NAME = 60
TEXT_ENCODINGS = ("utf-8", "cp1251")
_SNIFF_BYTES = 8192


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


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf")  # control and format characters (direction overrides)


def shown_name(name: str) -> str:
    """The name as a message may quote it: without invisible characters, not too long."""
    visible = "".join("?" if _invisible(ch) else ch for ch in name)
    return visible if len(visible) <= SHOWN_NAME else visible[: SHOWN_NAME - 1] + "…"


def _name_problem(name: str, kind: FileKind) -> str | None:
    allowed = EXTENSIONS.get(kind.extension, (kind.extension,))
    stem, dot, extension = name.rpartition(".")
    if any(_invisible(ch) for ch in name):
        return "в имени есть управляющие или невидимые символы"
    if name.startswith("."):
        return "имя начинается с точки"
    if name != name.rstrip(". "):
        return "имя кончается точкой или пробелом"
    if not dot or not stem.strip():
        return f"у имени нет расширения, для этого файла нужно .{allowed[0]}"
    if extension.lower() not in allowed:
        return f"расширение .{extension} не совпадает с содержимым, для этого файла нужно .{allowed[0]}"
    parts = stem.split(".")
    if RESERVED.fullmatch(parts[0].strip()):
        return "такое имя зарезервировано в Windows"
    if any(EXTENSION_LIKE.fullmatch(part) for part in parts[1:]):
        return "в имени два расширения"
    return None


def check_file_name(name: str, kind: FileKind) -> str:
    """The file's own name (without a folder), if it is one we hand back as it is; else AppealError naming it."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    if not base:
        return f"файл.{kind.extension}"
    problem = _name_problem(base, kind)
    if problem:
        raise AppealError(f"Файл «{shown_name(base)}» не принят: {problem}.", "file")
    return base


# An ASCII form of the name for programs that do not read filename*.
_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                  "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" "), strict=True))


def _latin(char: str) -> str:
    latin = _LATIN.get(char.lower())
    if latin is None:
        return char
    return latin.capitalize() if char != char.lower() else latin


def _ascii_name(name: str) -> str:
    plain = unicodedata.normalize("NFKD", "".join(map(_latin, name))).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9._ -]", "_", plain)


def content_disposition(attachment: Attachment) -> str:
    """`attachment` with both forms of the name: the ASCII filename= and the exact filename*= (RFC 6266).

    A name stored before the rules on names is handed back as «вложение» with its type's extension.
    """
    extension = next(ext for ext, mime in ALLOWED_TYPES.items() if mime == attachment.content_type)
    name = attachment.original_name
    if _name_problem(name, FileKind(extension, attachment.content_type)):
        name = f"вложение.{extension}"
    return f"attachment; filename=\"{_ascii_name(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


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
        raise AppealError(f"Файл «{shown_name(name)}» не принят: такой тип файла не принимается. "
                          f"Допустимы {ALLOWED_LABEL}.", "file")
    original = check_file_name(name, kind)
    attachment = Attachment(appeal=appeal, original_name=original, content_type=kind.mime, size=len(data),
                            uploaded_by=actor if getattr(actor, "pk", None) else None)
    # The stored name is random: the original (possibly odd or Cyrillic) name is kept only in the database.
    attachment.file.save(f"{uuid.uuid4().hex}.{kind.extension}", ContentFile(data), save=False)
    attachment.save()
    AppealEvent.objects.create(appeal=appeal, actor=attachment.uploaded_by, action="attachment_added",
                               field="attachment", new_value=original)
    return attachment


"""What was too big in a request Django refused to read, said for people: pages and the API alike.

Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE (files not counted), more files than
DATA_UPLOAD_MAX_NUMBER_FILES, more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS, and a part of a form
whose headers pass 1 KB (in practice a file name of about a thousand characters).
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http.multipartparser import MAX_TOTAL_HEADER_SIZE, MultiPartParserError

# The one MultiPartParserError that is about size; the others are a broken form.
LONG_PART_HEADER = "Request max total header size exceeded."


def _size(size: int) -> str:
    for unit, label in ((1024 * 1024, "МБ"), (1024, "КБ")):
        if size >= unit:
            return f"{size / unit:.3g} {label}".replace(".", ",")
    return f"{size} байт"


def too_large(exception) -> str:
    """The message for a request refused as too big, or "" when `exception` is not about size."""
    if isinstance(exception, RequestDataTooBig):
        return (f"Слишком большой запрос: больше {_size(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)} "
                "без учёта файлов.")
    if isinstance(exception, TooManyFilesSent):
        return f"Слишком много файлов в одной отправке: можно не больше {settings.DATA_UPLOAD_MAX_NUMBER_FILES}."
    if isinstance(exception, TooManyFieldsSent):
        return f"Слишком много полей в одной отправке: можно не больше {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}."
    if isinstance(exception, MultiPartParserError) and str(exception) == LONG_PART_HEADER:
        return (f"Слишком длинное имя файла: вместе с описанием части формы больше {MAX_TOTAL_HEADER_SIZE} байт. "
                "Переименуйте файл короче.")
    return ""

"""One JSON shape for every error the API gives, so no bad input ever becomes a 500.

Field errors: 422 {"detail": [{"loc": ["body", "applicant", "phone"], "msg": "...", "type": "..."}]}.
Other errors: {"detail": "<message for people>"}.
"""

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from appeals.errors import AppealError
from appeals.workflow import TransitionError
from priemnaya.limits import too_large
from priemnaya.ratelimit import Refused

from .parser import JSON_TYPE, UnsupportedMediaType

logger = logging.getLogger(__name__)

UNKNOWN_ADDRESS = "Такого адреса в API нет. Список адресов: /api/v1/docs"
INTERNAL_ERROR = "Внутренняя ошибка сервера. Мы уже разбираемся."

BODY_PARAM = "payload"  # every endpoint names its JSON body so; it is dropped from error locations

# Pydantic error type → a message for people; "{…}" are filled from the error's context.
MESSAGES = {
    "missing": "Обязательное поле.",
    "extra_forbidden": "Такого поля нет.",
    "string_type": "Ожидается строка.",
    "string_too_long": "Не длиннее {max_length} знаков.",
    "string_too_short": "Не короче {min_length} знаков.",
    "string_pattern_mismatch": "Неверный формат.",
    "int_type": "Ожидается целое число.",
    "int_parsing": "Ожидается целое число.",
    "int_from_float": "Ожидается целое число.",
    "bool_type": "Ожидается true или false.",
    "bool_parsing": "Ожидается true или false.",
    "greater_than_equal": "Не меньше {ge}.",
    "less_than_equal": "Не больше {le}.",
    "enum": "Допустимые значения: {expected}.",
    "literal_error": "Допустимые значения: {expected}.",
    "datetime_type": "Ожидается дата и время в формате ISO 8601.",
    "datetime_parsing": "Ожидается дата и время в формате ISO 8601, например 2025-03-01T10:00:00+03:00.",
    "datetime_from_date_parsing": "Ожидается дата и время в формате ISO 8601, например 2025-03-01T10:00:00+03:00.",
    "timezone_aware": "Укажите часовой пояс, например 2025-03-01T10:00:00+03:00.",
    "date_type": "Ожидается дата в формате ГГГГ-ММ-ДД.",
    "date_parsing": "Ожидается дата в формате ГГГГ-ММ-ДД.",
    "date_from_datetime_parsing": "Ожидается дата в формате ГГГГ-ММ-ДД.",
    "model_type": "Ожидается JSON-объект.",
    "model_attributes_type": "Ожидается JSON-объект.",
    "dict_type": "Ожидается JSON-объект.",
}


class FieldError(Exception):
    """Bad input found by the API itself (an unknown code, a foreign key that does not exist)."""

    def __init__(self, loc: tuple, message: str, kind: str = "value_error") -> None:
        super().__init__(message)
        self.loc = loc
        self.message = message
        self.kind = kind


def json_error(status: int, message: str) -> JsonResponse:
    """The same shape for errors answered outside ninja: an unknown address, a CSRF failure, a 500."""
    return JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})


def field_errors(*errors: tuple[tuple, str, str]) -> dict:
    return {"detail": [{"loc": list(loc), "msg": msg, "type": kind} for loc, msg, kind in errors]}


def _loc(loc) -> list:
    loc = list(loc)
    if loc[:2] == ["body", BODY_PARAM]:
        del loc[1]
    return loc


def _message(error: dict) -> str:
    ctx = error.get("ctx", {})
    if error.get("type") == "value_error" and ctx.get("error"):
        return str(ctx["error"])  # our own validators speak Russian already
    if "expected" in ctx:
        ctx = {**ctx, "expected": ctx["expected"].replace(" or ", ", ")}
    template = MESSAGES.get(error.get("type", ""))
    if template is None:
        return error.get("msg", "Неверное значение.")
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return error.get("msg", "Неверное значение.")


def _validation_error(request, exc: ValidationError, api: NinjaAPI):
    details = [{"loc": _loc(e.get("loc", ())), "msg": _message(e), "type": e.get("type", "value_error")}
               for e in exc.errors]
    return api.create_response(request, {"detail": details}, status=422)


def _field_error(request, exc: FieldError, api: NinjaAPI):
    return api.create_response(request, field_errors((exc.loc, exc.message, exc.kind)), status=422)


def _appeal_error(request, exc: AppealError, api: NinjaAPI):
    loc = ("body", exc.field) if exc.field else ("body",)
    return api.create_response(request, field_errors((loc, exc.message, "appeal_error")), status=422)


def _http_error(request, exc: HttpError, api: NinjaAPI):
    if isinstance(exc, AuthenticationError):
        return api.create_response(request, {"detail": "Нужен токен: заголовок Authorization: Bearer <токен>."},
                                   status=401)
    if isinstance(exc.__cause__, UnsupportedMediaType):
        message = f"Тело запроса передаётся в JSON с заголовком Content-Type: {JSON_TYPE}."
        body = field_errors((("header", "Content-Type"), message, "unsupported_media_type"))
        return api.create_response(request, body, status=415)
    if exc.status_code == 400 and exc.__cause__ is not None:
        # ninja wraps any failure to parse the body into a bare 400
        body = field_errors((("body",), "Тело запроса не является корректным JSON.", "json_invalid"))
        return api.create_response(request, body, status=400)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


def _message_response(status: int, default: str, *, own_message: bool = False):
    def handler(request, exc: Exception, api: NinjaAPI):
        message = (str(exc) if own_message else "") or default
        return api.create_response(request, {"detail": message}, status=status)

    return handler


def _refused(request, exc: Refused, api: NinjaAPI):
    response = api.create_response(request, {"detail": str(exc)}, status=429)
    response["Retry-After"] = str(exc.seconds)
    return response


def _too_large(request, exc: RequestDataTooBig, api: NinjaAPI):
    return api.create_response(request, {"detail": too_large(exc)}, status=413)


def _unexpected(request, exc: Exception, api: NinjaAPI):
    logger.exception("API error on %s %s", request.method, request.path)
    return api.create_response(request, {"detail": INTERNAL_ERROR}, status=500)


def install(api: NinjaAPI) -> None:
    """Register the handlers on `api`; the most specific class wins."""
    handlers = {
        ValidationError: _validation_error,
        FieldError: _field_error,
        AppealError: _appeal_error,
        HttpError: _http_error,
        TransitionError: _message_response(409, "Действие невозможно.", own_message=True),
        PermissionDenied: _message_response(403, "Недостаточно прав.", own_message=True),
        RequestDataTooBig: _too_large,
        Http404: _message_response(404, "Не найдено.", own_message=True),
        Refused: _refused,
        Exception: _unexpected,
    }
    for exc_class, handler in handlers.items():
        api.add_exception_handler(exc_class, lambda request, exc, h=handler: h(request, exc, api))

"""The JSON API, version 1: OpenAPI schema at openapi.json, interactive docs at docs."""

from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from priemnaya.methods import any_method

from . import errors
from .appeals import router as appeals_router
from .auth import BearerToken
from .extract import router as extract_router
from .parser import JsonOnly
from .track import router as track_router


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # Cyrillic stays readable


api = NinjaAPI(
    title="Приёмная — API",
    version="1",
    description=(
        "Обращения и жалобы жителей. Сотрудники передают `Authorization: Bearer <токен>` "
        "(токен выдаёт администратор: `manage.py create_api_token <логин>`). "
        "Проверка статуса (`/track`) доступна без токена. Время — московское, со смещением +03:00."
    ),
    auth=BearerToken(),
    renderer=Renderer(),
    parser=JsonOnly(),
    urls_namespace="api",
)
errors.install(api)
api.add_router("/", appeals_router)
api.add_router("/", track_router)
api.add_router("/", extract_router)


@any_method
@csrf_exempt  # a client posting to a wrong address learns so, not that it lacks a CSRF cookie
def _not_found(request, *args, **kwargs):
    return errors.json_error(404, errors.UNKNOWN_ADDRESS)


# (no module-level `app_name` here: include() would take it for this module's namespace)
_patterns, _app, _namespace = api.urls

urlpatterns = [
    path("", include((_patterns, _app), namespace=_namespace)),
    re_path(r"^.*$", _not_found),
]

"""`POST /floor/appeals`: the product's API machinery (ninja, its JSON-only parser, the bearer-token check
with its rate limit, the schema of an appeal) in front of the bare endpoint's one INSERT — no domain rule.
Whatever an intake does beyond this costs more than this."""

from django.db import connection
from django.urls import path
from django.utils import timezone
from ninja import NinjaAPI

from api.auth import BearerToken
from api.parser import JsonOnly
from api.schemas import AppealIn
from api.urls import Renderer
from bench.bare.views import TABLE
from priemnaya.urls import urlpatterns as product

floor = NinjaAPI(auth=BearerToken(), renderer=Renderer(), parser=JsonOnly(), urls_namespace="floor",
                 docs_url=None, openapi_url=None)


@floor.post("/appeals", response={201: dict})
def create(request, payload: AppealIn):
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} (received_at, text, address) VALUES (%s, %s, %s) RETURNING id",
                       [now, payload.text.strip(), payload.address.strip()])
        number = cursor.fetchone()[0]
    return 201, {"number": f"{now:%y}-{number:06d}", "received_at": now.isoformat()}


urlpatterns = [path("floor/", floor.urls), *product]

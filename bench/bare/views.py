"""Parse, check, one INSERT that numbers the row, answer its number: the floor under any intake."""

import json

from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

TABLE = "bench_bare_appeal"
CREATE = (f"CREATE TABLE IF NOT EXISTS {TABLE} (id {{key}}, received_at TIMESTAMP NOT NULL, "
          f"text TEXT NOT NULL, address TEXT NOT NULL)")
KEYS = {"postgresql": "BIGSERIAL PRIMARY KEY", "sqlite": "INTEGER PRIMARY KEY AUTOINCREMENT"}


def make_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(CREATE.format(key=KEYS[connection.vendor]))


def count() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")
        return cursor.fetchone()[0]


@csrf_exempt
def create(request):
    if request.method != "POST":
        return JsonResponse({"detail": "POST only"}, status=405)
    try:
        data = json.loads(request.body)
    except ValueError:
        return JsonResponse({"detail": "not JSON"}, status=400)
    text, address = data.get("text"), data.get("address", "")
    if not isinstance(text, str) or not text.strip() or len(text) > 20_000:
        return JsonResponse({"field": "text", "detail": "text is required, at most 20,000 characters"}, status=422)
    if not isinstance(address, str) or len(address) > 400:
        return JsonResponse({"field": "address", "detail": "at most 400 characters"}, status=422)
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} (received_at, text, address) VALUES (%s, %s, %s) RETURNING id",
                       [now, text.strip(), address.strip()])
        number = cursor.fetchone()[0]
    return JsonResponse({"number": f"{now:%y}-{number:06d}", "received_at": now.isoformat()}, status=201)

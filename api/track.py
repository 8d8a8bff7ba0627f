"""The public status check: number + access code, no account, no personal data."""

import datetime as dt

from django.http import Http404
from ninja import Router

from appeals.tracking import find_tracked, public_status
from priemnaya.ratelimit import Refused, hit, seconds_left

from .schemas import REQUEST_ERRORS, FieldProblems, Message, TrackIn, TrackOut, moscow

router = Router(tags=["Статус обращения"])

SCOPE = "track"
NOT_FOUND = "Обращение не найдено. Проверьте номер и код доступа."


def _in_moscow(data: dict) -> dict:
    data = {k: moscow(v) if isinstance(v, dt.datetime) else v for k, v in data.items()}
    data["timeline"] = [{**step, "at": moscow(step["at"])} for step in data["timeline"]]
    return data


@router.post("/track", auth=None, response={200: TrackOut, 404: Message, 422: FieldProblems, **REQUEST_ERRORS},
             summary="Узнать статус по номеру и коду")
def track(request, payload: TrackIn):
    """A wrong code and an unknown number give the same 404; attempts are limited per IP address."""
    if not hit(request, SCOPE):
        raise Refused(seconds_left(request, SCOPE))
    appeal = find_tracked(payload.number, payload.access_code)
    if appeal is None:
        raise Http404(NOT_FOUND)
    return _in_moscow(public_status(appeal))

"""`POST requests`: a service request read from the form the client sent, checked field by field, and filed
through the intake verb every channel uses (`appeals.services.receive_and_register`): the appeal gets its
number and deadlines, is registered with the service's reason, routed and matched to incidents like any other.

Every field is checked before anything is written, and all that is wrong is answered at once, each error
naming its field; the applicant's contacts are checked by the domain's rules (`appeals.contacts`).
"""

import re
from dataclasses import dataclass

from django.db import transaction

from appeals import services
from appeals.applicants import ApplicantData
from appeals.choices import Channel, Kind
from appeals.contacts import check_email, check_line, check_name, normalize_phone
from appeals.errors import AppealError
from appeals.models import Appeal, Reason
from housing.models import Building

from .formats import Open311Error
from .links import BadLink, check_media_url
from .location import Place, place_of
from .models import Integration, Submission
from .public import DESCRIPTION_MAX, active_reasons

NAME_MAX = 150  # each of first_name and last_name; together they fit the applicant's name
ADDRESS_MAX = 400
# A tag, a comment, a doctype or CDATA: a description is plain text, and markup is refused, not guessed at.
_MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--|<!\[CDATA\[|<![A-Za-z]|<\?[A-Za-z]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ATTRIBUTE = re.compile(r"^attribute\[(.*)\](?:\[\])?$")
# Fields of the verb's errors → the form's fields.
_FIELD_OF = {"text": "description", "full_name": "first_name", "postal_address": "address_string"}


@dataclass
class ServiceRequest:
    """A form that passed every check: what the verb is given."""

    reason: Reason
    text: str
    applicant: ApplicantData | None
    place: Place
    point: tuple[float, float] | None
    media_url: str


class _Problems(list):
    def add(self, field: str, message: str) -> None:
        self.append(f"{field}: {message}")


def _value(data, name: str) -> str:
    return (data.get(name) or "").strip()


def _reason(data, problems: _Problems) -> Reason | None:
    code = _value(data, "service_code")
    if not code:
        problems.add("service_code", "Укажите код услуги (список — GET services).")
        return None
    reason = active_reasons().filter(code=code[:60]).first()
    if reason is None:
        problems.add("service_code", f"Нет такой услуги «{code[:60]}» (список — GET services).")
    return reason


def _text(data, reason: Reason | None, problems: _Problems) -> str:
    text = (data.get("description") or "").strip()
    if len(text) > DESCRIPTION_MAX:
        problems.add("description", f"Описание длиннее {DESCRIPTION_MAX} знаков (сейчас {len(text)}).")
    elif _MARKUP.search(text):
        problems.add("description", "Описание принимается простым текстом, без разметки HTML.")
    elif _CONTROL.search(text):
        problems.add("description", "В описании есть управляющие знаки: уберите их.")
    # A request may come without words: the service it names says what is wrong.
    return text or (f"{reason.name}." if reason else "")


def _checked(value: str, check, field: str, problems: _Problems) -> str:
    try:
        return check(value)
    except AppealError as error:
        problems.add(field, error.message)
        return ""


def _name(data, problems: _Problems) -> str:
    parts = []
    for field in ("first_name", "last_name"):
        part = _checked(_value(data, field), lambda v, f=field: check_line(v, f), field, problems)
        if len(part) > NAME_MAX:
            problems.add(field, f"Длиннее {NAME_MAX} знаков.")
        parts.append(part)
    name = " ".join(p for p in parts if p)
    return _checked(name, check_name, "first_name", problems) if name else ""


def _applicant(data, problems: _Problems) -> ApplicantData | None:
    name = _name(data, problems)
    phone = _checked(_value(data, "phone"), normalize_phone, "phone", problems)
    email = _checked(_value(data, "email"), check_email, "email", problems)
    if not (name or phone or email):
        return None
    # A name is needed to keep an applicant; without one the contact stands for it until the operator learns it.
    return ApplicantData(full_name=name or email or f"Заявитель {phone}", phone=phone, email=email)


def _coordinate(data, name: str, limit: float, problems: _Problems) -> float | None:
    raw = _value(data, name)
    try:
        value = float(raw)
    except ValueError:
        problems.add(name, "Число в градусах WGS-84 через точку, например 59.9386.")
        return None
    if not -limit <= value <= limit:  # NaN fails this too
        problems.add(name, f"Должно быть от −{limit:g} до {limit:g} градусов.")
        return None
    return value


def _point(data, problems: _Problems) -> tuple[float, float] | None:
    has_lat, has_long = bool(_value(data, "lat")), bool(_value(data, "long"))
    if has_lat != has_long:
        problems.add("long" if has_lat else "lat", "Место по координатам задаётся парой lat и long.")
        return None
    if not has_lat:
        return None
    lat, lon = _coordinate(data, "lat", 90, problems), _coordinate(data, "long", 180, problems)
    return (lat, lon) if lat is not None and lon is not None else None


def _building(data, problems: _Problems) -> Building | None:
    raw = _value(data, "address_id")
    if not raw:
        return None
    found = Building.objects.filter(pk=int(raw), is_active=True).first() if raw.isascii() and raw.isdigit() \
        and len(raw) <= 18 else None
    if found is None:
        problems.add("address_id", f"Нет такого дома в реестре: «{raw[:40]}».")
    return found


def _address_string(data, problems: _Problems) -> str:
    text = _value(data, "address_string")
    if len(text) > ADDRESS_MAX:
        problems.add("address_string", f"Адрес длиннее {ADDRESS_MAX} знаков.")
        return ""
    return _checked(text, lambda v: check_line(v, "postal_address"), "address_string", problems)


def _place(data, problems: _Problems) -> tuple[Place | None, tuple[float, float] | None]:
    given = len(problems)
    building, address, point = _building(data, problems), _address_string(data, problems), _point(data, problems)
    if len(problems) > given:
        return None, point
    if building is None and not address and point is None:
        problems.add("lat", "Укажите место: lat и long, address_string или address_id.")
        return None, None
    return place_of(building=building, address_string=address, point=point), point


def _media_url(data, problems: _Problems) -> str:
    try:
        return check_media_url(_value(data, "media_url"))
    except BadLink as error:
        problems.add("media_url", str(error))
        return ""


def _attributes(data, problems: _Problems) -> None:
    # No service has questions of its own (`metadata` is false everywhere): any answer is to a question not asked.
    for key in data:
        if _ATTRIBUTE.match(key):
            problems.add(key[:80], "У этой услуги нет дополнительных полей (metadata false).")


def read(data) -> ServiceRequest:
    """The checked request, or Open311Error 400 listing every field that is wrong."""
    problems = _Problems()
    reason = _reason(data, problems)
    text = _text(data, reason, problems)
    applicant = _applicant(data, problems)
    place, point = _place(data, problems)
    media_url = _media_url(data, problems)
    _attributes(data, problems)
    if problems:
        raise Open311Error(400, *problems)
    return ServiceRequest(reason=reason, text=text, applicant=applicant, place=place, point=point,
                          media_url=media_url)


def _history_note(integration: Integration, media_url: str) -> str:
    note = f"Заявка Open311 от «{integration.name}»."
    return note + (f" Ссылка на фото: {media_url}" if media_url else "")


@transaction.atomic
def file_request(integration: Integration, data) -> Submission:
    """Read the form and file it: the appeal, its history note naming the integration, the submission —
    all or nothing."""
    form = read(data)
    try:
        appeal: Appeal = services.receive_and_register(
            None, reason=form.reason, text=form.text, channel=Channel.OPEN311, kind=Kind.REQUEST,
            applicant=form.applicant, building=form.place.building, address_text=form.place.address_text)
    except AppealError as error:
        raise Open311Error(400, f"{_FIELD_OF.get(error.field, error.field or 'service_code')}: {error.message}") \
            from error
    services.note(appeal, None, "commented", _history_note(integration, form.media_url))
    return Submission.objects.create(
        integration=integration, appeal=appeal, service_code=form.reason.code, media_url=form.media_url,
        latitude=form.point[0] if form.point else None, longitude=form.point[1] if form.point else None)

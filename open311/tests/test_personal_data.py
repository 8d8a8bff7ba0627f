"""No personal data in any GET: a name, a phone, an e-mail and a flat planted in a request — in its fields and in
its words — are found in no answer of any read, in either format, at any step of the case."""

import re

import pytest

from appeals import services
from appeals.models import PersonalDataAccess
from conftest import create_staff
from open311.models import Integration, Submission

from .conftest import make_integration
from .helpers import EMAIL, FIRST, LAST, PHONE_DIGITS, fms_form

pytestmark = pytest.mark.django_db

WORDS = (f"Заявитель {FIRST} {LAST}, кв. 48. Течёт крыша над квартирой 48, у {LAST[:-1]}ой и её соседки всё мокрое. "
         f"Перезвоните {FIRST} по телефону 8 (921) 765-43-21 или напишите на {EMAIL}.")


def _planted(text: str) -> list[str]:
    """What of the resident an answer gives away."""
    found = [word for word in (FIRST[:-1], LAST[:-1], EMAIL, "shestopalova") if word.lower() in text.lower()]
    digits = re.sub(r"\D", "", text)
    found += ["phone"] if PHONE_DIGITS in digits or "765-43-21" in text else []
    found += ["flat"] if re.search(r"(?:кв\.?|квартир\w*)\s*48", text) else []
    return found


def _every_read(client, number: str, token: str) -> dict[str, str]:
    addresses = ["/open311/discovery", "/open311/v2/services", "/open311/v2/services/roof-damage",
                 "/open311/v2/requests", f"/open311/v2/requests/{number}", f"/open311/v2/tokens/{token}"]
    queries = ["?status=open", "?status=closed", f"?service_request_id={number}", "?service_code=roof-damage"]
    answers = {}
    for fmt in ("json", "xml"):
        for address in addresses:
            answers[f"{address}.{fmt}"] = client.get(f"{address}.{fmt}")
        for params in queries:
            answers[f"requests.{fmt}{params}"] = client.get(f"/open311/v2/requests.{fmt}{params}")
    assert all(r.status_code == 200 for r in answers.values()), {k: r.status_code for k, r in answers.items()}
    return {where: response.content.decode() for where, response in answers.items()}


def test_a_planted_name_phone_email_and_flat_are_in_no_read(client, marata, supervisor):
    _integration, key = make_integration("Городское приложение", answer_with=Integration.Answer.TOKEN)
    form = fms_form(key, description=WORDS, address_string=f"улица Марата, д. 7, кв. 48, {LAST}")
    token = client.post("/open311/v2/requests.json", form).json()[0]["token"]
    appeal = Submission.objects.get(token=token).appeal
    assert appeal.applicant.full_name == f"{FIRST} {LAST}"  # staff keep it all
    worker = create_staff("roofer", "specialist", "tech", first_name="Евлампий", last_name="Кровельщиков")
    stages = [lambda a: a]
    stages.append(lambda a: services.assign(a, supervisor, assignee=worker))
    stages.append(lambda a: services.transition(a, "start", worker))
    stages.append(lambda a: services.transition(
        a, "draft_answer", worker,
        answer_text=f"Уважаемая {FIRST} {LAST}! Кровлю над кв. 48 починим. Мастер Евлампий Кровельщиков."))
    stages.append(lambda a: services.transition(a, "answer", worker, result="Ремонт кровли",
                                                resolved_in_favour_of="applicant"))
    for stage in stages:
        appeal = stage(appeal)
        leaks = {where: _planted(text) for where, text in _every_read(client, appeal.number, token).items()}
        assert not {where: found for where, found in leaks.items() if found}
        assert not any("Кровельщиков" in text for text in _every_read(client, appeal.number, token).values())


def test_the_description_stays_readable_with_the_people_hidden(client, key, marata):
    number = client.post("/open311/v2/requests.json", fms_form(key, description=WORDS)).json()[0][
        "service_request_id"]
    description = client.get(f"/open311/v2/requests/{number}.json").json()[0]["description"]
    assert "Течёт крыша над квартирой [скрыто]" in description
    assert "[скрыто]" in description and not _planted(description)


def test_a_staff_member_reading_open311_is_no_staff_view_of_anyones_data(client, key, marata, supervisor):
    client.post("/open311/v2/requests.json", fms_form(key))
    client.force_login(supervisor)
    for address in ("/open311/v2/requests.json", "/open311/v2/requests.xml"):
        assert client.get(address).status_code == 200
    assert not PersonalDataAccess.objects.exists()  # what it showed is public and masked: nothing to log

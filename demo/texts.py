"""Composing realistic appeal texts and answers from the phrases in `reasons`.

Letters (web, e-mail, post, external systems) are written in the first person; calls and
visits are the operator's record in the third person.
"""

import datetime as dt
import random

from appeals.choices import Channel, Kind

from .people import Person
from .reasons import REASONS

MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
          "ноябрь", "декабрь"]
MONTHS_IN = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
             "ноябре", "декабре"]
PROPOSALS = {
    "mkd-ramp-proposal": "Предлагаю установить пандус у {stairs}-й парадной: в доме несколько жителей на колясках, "
                         "а ступени высокие.",
    "mkd-lighting": "Предлагаю заменить лампы в парадных на светодиодные с датчиками движения: свет не будет "
                    "гореть впустую, а жильцы сэкономят на общедомовом электричестве.",
    "mkd-bins": "Предлагаю поставить во дворе отдельные контейнеры для пластика и бумаги, многие соседи готовы "
                "сортировать мусор.",
    "mkd-intercom": "Предлагаю заменить старый домофон на систему с видеокамерой и открытием двери с телефона.",
    "service-other": "Предлагаю присылать уведомления об отключениях воды и света по СМС: объявления в парадной "
                     "часто срывают.",
    "billing-receipt": "Предлагаю дать возможность получать квитанции только в электронном виде, без бумажных.",
    "yard-playground": "Предлагаю обустроить во дворе небольшую детскую площадку на месте пустыря у арки.",
}
GREETINGS = ["Здравствуйте!", "Добрый день!", "Уважаемая управляющая компания!", "", ""]
SIGNOFFS = ["Заранее спасибо.", "Спасибо.", "С уважением, {name}.", "", ""]
COMPLAINT_LETTER = [
    "Обращаюсь уже не в первый раз, но ничего не меняется.",
    "Звонили диспетчеру несколько раз, мастер так и не пришёл.",
    "Заявку принимали по телефону ещё на прошлой неделе, но никто не пришёл.",
]
QUESTION_LETTER = ["Подскажите, когда это устранят?", "Прошу разъяснить, кто за это отвечает и в какие сроки "
                   "будет решён вопрос.", "Куда нам обращаться и сколько ждать?"]
CARE_LETTER = {
    "is_disabled": "Я инвалид второй группы, самостоятельно решить вопрос не могу.",
    "is_veteran": "Я ветеран труда, проживаю один.",
    "is_elderly": "Мне 83 года, прошу отнестись с пониманием.",
    "is_low_income": "Наша семья малоимущая, оплачивать лишнее нам тяжело.",
}
CARE_RECORD = {
    "is_disabled": "Заявитель — инвалид, передвигается с трудом.",
    "is_veteran": "Заявитель — ветеран.",
    "is_elderly": "Заявитель пожилого возраста, просит перезвонить на домашний телефон.",
    "is_low_income": "Семья малоимущая.",
}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def short_street(street: str) -> str:
    """«улица Марата» → «Марата», «набережная реки Фонтанки» → «Фонтанки»."""
    skip = {"улица", "проспект", "набережная", "переулок", "площадь", "реки", "канала"}
    return " ".join(w for w in street.split() if w.lower() not in skip)


def slots(rng: random.Random, person: Person, received: dt.datetime) -> dict:
    building = person.building
    last_month = (received.month - 2) % 12
    flat = int(person.flat)
    return {
        "flat": person.flat, "flat2": str(flat + rng.choice([4, 6, 8])), "stairs": rng.randint(1, 4),
        "floor": rng.randint(2, 6), "days": rng.choice(["третий день", "второй день", "уже неделю", "четвёртый день"]),
        "days_plain": rng.choice(["две недели", "больше недели", "почти месяц"]),
        "since": rng.choice(["со вчерашнего вечера", "с утра", "с понедельника", "со вчерашнего дня"]),
        "street": short_street(building.street) if building else person.unknown_address.split(",")[0],
        "house": building.house if building else "", "month": MONTHS[last_month], "month_in": MONTHS_IN[last_month],
        "amount": f"{rng.randrange(18, 64) * 100:,}".replace(",", " "), "date": "",
    }


def _letter(rng, person: Person, kind: str, code: str, values: dict) -> str:
    spec = REASONS[code]
    parts = [rng.choice(GREETINGS)]
    if rng.random() < 0.5 and person.building:
        lead = rng.choice(["Проживаю по адресу:", "Адрес:", "Наш адрес:"])
        parts.append(f"{lead} {person.building.address}, кв. {person.flat}.")
    parts.append(_cap(rng.choice(spec["p"]).format(**values)) + ".")
    if kind == Kind.COMPLAINT:
        parts.append(rng.choice(COMPLAINT_LETTER))
    for flag in person.flags:
        parts.append(CARE_LETTER[flag])
        break
    if kind == Kind.QUESTION:
        parts.append(rng.choice(QUESTION_LETTER))
    else:
        verb = "Требую" if kind == Kind.COMPLAINT else rng.choice(["Прошу", "Просим", "Убедительно прошу"])
        parts.append(f"{verb} {spec['ask']}.")
    parts.append(rng.choice(SIGNOFFS).format(name=person.full_name))
    return " ".join(p for p in parts if p)


def _record(rng, person: Person, channel: str, kind: str, code: str, values: dict) -> str:
    spec = REASONS[code]
    who = "жительница" if person.is_female else "житель"
    where = f"кв. {person.flat} ({values['street']}, {values['house']})" if person.building else "соседнего дома"
    intro = (f"На личном приёме {who} {where} сообщает" if channel == Channel.IN_PERSON
             else rng.choice([f"Звонит {who} {where}, сообщает", f"{_cap(who)} {where} сообщает"]))
    parts = [f"{intro}: {rng.choice(spec['p']).format(**values)}."]
    if kind == Kind.COMPLAINT:
        parts.append("Жалуется, что обращается не впервые, меры не приняты.")
    for flag in person.flags:
        parts.append(CARE_RECORD[flag])
        break
    parts.append("Спрашивает, когда будет решён вопрос." if kind == Kind.QUESTION else f"Просит {spec['ask']}.")
    return " ".join(parts)


def appeal_text(rng: random.Random, person: Person, channel: str, kind: str, code: str, values: dict) -> str:
    """The text of an appeal about reason `code`, as it arrives by `channel`; `values` come from `slots`."""
    if kind == Kind.PROPOSAL:
        text = PROPOSALS[code].format(**values)
        return text if channel not in (Channel.PHONE, Channel.IN_PERSON) else f"Заявитель предлагает: {text[10:]}"
    if channel in (Channel.PHONE, Channel.IN_PERSON):
        return _record(rng, person, channel, kind, code, values)
    return _letter(rng, person, kind, code, values)


def typed_address(rng: random.Random, person: Person) -> str:
    """The address as a resident types it: «Марата 12, кв. 45», «д. 12 по ул. Марата»."""
    if person.building is None:
        return f"{person.unknown_address}, кв. {person.flat}"
    b = person.building
    house = b.house + (f" к{b.korpus}" if b.korpus else "") + (f" лит. {b.litera}" if b.litera else "")
    short = short_street(b.street)
    abbreviated = (b.street.replace("улица", "ул.").replace("проспект", "пр.").replace("набережная", "наб.")
                   .replace("реки ", "р. "))
    return rng.choice([f"{short} {house}, кв. {person.flat}", f"{abbreviated}, д. {house}, кв. {person.flat}",
                       f"д. {house} по {abbreviated}, кв {person.flat}", f"{b.street}, {house}-{person.flat}"])

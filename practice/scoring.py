"""How a practice attempt is scored against its scenario: the weights, once, and each comparison.

An attempt gets each line's weight when it matches what was expected (completeness and time in part),
and the total out of 100. Every line keeps what was expected and what was entered, for the side-by-side
result; a missed emergency is called out, since sending a gas smell to the ordinary queue is the one
mistake that endangers people.
"""

import re
from dataclasses import asdict, dataclass

from appeals.choices import Priority
from appeals.contacts import normalize_phone
from appeals.errors import AppealError
from priemnaya.matching import fold

WEIGHTS = {
    "reason": 25,
    "priority": 20,
    "building": 10,
    "flat": 5,
    "name": 7,
    "phone": 8,
    "completeness": 15,
    "time": 10,
}
assert sum(WEIGHTS.values()) == 100

LABELS = {
    "reason": "Причина", "priority": "Приоритет", "building": "Адрес (дом)", "flat": "Квартира",
    "name": "ФИО заявителя", "phone": "Телефон", "completeness": "Полнота: что нужно было уточнить",
    "time": "Время",
}
EXTRA_QUESTION_COST = 0.1  # a question the call did not need, as a share of the completeness weight
SLOW_FACTOR = 3  # at three times the scenario's norm the time line gives nothing
NOT_GIVEN = "— не указано —"


@dataclass
class Line:
    key: str
    label: str
    expected: str
    given: str
    weight: int
    earned: float
    note: str = ""
    alert: bool = False  # a mistake to call out (a missed emergency)

    @property
    def full(self) -> bool:
        return self.earned >= self.weight


@dataclass(frozen=True)
class Entered:
    """What the operator registered in the sandbox, as plain values."""

    reason_id: int | None = None
    reason_name: str = ""
    priority: str = ""
    building_id: int | None = None
    address: str = ""
    flat: str = ""
    full_name: str = ""
    phone: str = ""


def _words(name: str) -> list[str]:
    return sorted(re.findall(r"\w+", fold(name)))


def _flat(value: str) -> str:
    return re.sub(r"^(кв\.?|квартира)\s*|[\s.№]", "", fold(value or ""))


def _phone(value: str) -> str:
    try:
        return normalize_phone(value or "")
    except AppealError:
        return fold(value or "")


def shown_phone(value: str) -> str:
    """+7 905 765-43-21, as people read a number back."""
    phone = _phone(value)
    if len(phone) != 12 or not phone.startswith("+7"):
        return value or ""
    return f"+7 {phone[2:5]} {phone[5:8]}-{phone[8:10]}-{phone[10:]}"


def _same(key: str, expected: str, given: str, weight: int, *, match: bool, note: str = "") -> Line:
    return Line(key, LABELS[key], expected or NOT_GIVEN, given or NOT_GIVEN, weight, weight if match else 0.0,
                note if not match else "")


def _priority_line(scenario, entered: Entered) -> Line:
    expected, given = scenario.expected_priority, entered.priority
    line = _same("priority", Priority(expected).label, Priority(given).label if given else "", WEIGHTS["priority"],
                 match=expected == given)
    if expected == Priority.EMERGENCY and given != Priority.EMERGENCY:
        line.alert = True
        line.note = "Пропущена авария: такой звонок передают аварийной службе сразу, срок устранения — часы."
    return line


def _building_line(scenario, entered: Entered) -> Line:
    expected_text = scenario.expected_building.address if scenario.expected_building else scenario.expected_address
    if scenario.expected_building_id:
        match = entered.building_id == scenario.expected_building_id
    else:  # an address outside the registry: as written, in the matching form
        match = bool(expected_text) and fold(entered.address) == fold(expected_text)
    return _same("building", expected_text, entered.address, WEIGHTS["building"], match=match,
                 note="Выберите дом из реестра по подсказке: так обращение попадёт к нужному дому.")


def _completeness_line(scenario, asked: list[int]) -> Line:
    required = set(scenario.required_facts)
    asked_set = {i for i in asked if 0 <= i < len(scenario.facts)}
    extra = len(asked_set - required)
    share = (len(asked_set & required) / len(required)) if required else 1.0
    share = max(0.0, min(1.0, share - EXTRA_QUESTION_COST * extra))
    missed = [scenario.facts[i]["question"] for i in sorted(required - asked_set)]
    expected = "; ".join(scenario.facts[i]["question"] for i in sorted(required)) or "ничего сверх сказанного"
    given = "; ".join(scenario.facts[i]["question"] for i in sorted(asked_set)) or "ничего не спрошено"
    notes = []
    if missed:
        notes.append("Не уточнено: " + "; ".join(missed) + ".")
    if extra:
        notes.append(f"Лишних вопросов: {extra}.")
    return Line("completeness", LABELS["completeness"], expected, given, WEIGHTS["completeness"],
                WEIGHTS["completeness"] * share, " ".join(notes))


def minutes(seconds: int) -> str:
    return f"{seconds // 60} мин {seconds % 60:02d} с"


def _time_line(scenario, seconds: int) -> Line:
    target = max(1, scenario.time_target)
    share = max(0.0, min(1.0, (SLOW_FACTOR * target - seconds) / ((SLOW_FACTOR - 1) * target)))
    note = "" if share >= 1 else f"Дольше норматива: за {minutes(SLOW_FACTOR * target)} и дольше баллов нет."
    return Line("time", LABELS["time"], f"до {minutes(target)}", minutes(seconds), WEIGHTS["time"],
                WEIGHTS["time"] * share, note)


def score(scenario, entered: Entered, asked: list[int], seconds: int) -> tuple[int, list[Line]]:
    """The attempt's total out of 100 and its lines, in the order of the result page."""
    lines = [
        _same("reason", scenario.expected_reason.name, entered.reason_name, WEIGHTS["reason"],
              match=entered.reason_id == scenario.expected_reason_id),
        _priority_line(scenario, entered),
        _building_line(scenario, entered),
        _same("flat", scenario.expected_flat, entered.flat, WEIGHTS["flat"],
              match=_flat(entered.flat) == _flat(scenario.expected_flat)),
        _same("name", scenario.caller_name, entered.full_name, WEIGHTS["name"],
              match=_words(entered.full_name) == _words(scenario.caller_name)),
        _same("phone", shown_phone(scenario.caller_phone), shown_phone(entered.phone), WEIGHTS["phone"],
              match=_phone(entered.phone) == _phone(scenario.caller_phone)),
        _completeness_line(scenario, asked),
        _time_line(scenario, seconds),
    ]
    return round(sum(line.earned for line in lines)), lines


def as_rows(lines: list[Line]) -> list[dict]:
    return [asdict(line) for line in lines]

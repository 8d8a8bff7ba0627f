"""Demo residents: Russian names, phones written the ways people write them, flats, care flags."""

import random
from dataclasses import dataclass, field

SURNAMES = (
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев "
    "Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев "
    "Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв "
    "Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Баранов "
    "Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов "
    "Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев "
    "Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Быков Маслов Родионов "
    "Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Блинов Шестаков Рябов"
).split()
# Surnames that do not change with gender.
NEUTRAL_SURNAMES = ["Ким", "Шульц", "Гофман", "Бондаренко", "Шевченко", "Коваленко", "Нестеренко"]
MALE_NAMES = ("Александр Сергей Владимир Андрей Алексей Дмитрий Николай Михаил Иван Виктор Юрий Евгений Павел "
              "Олег Игорь Борис Геннадий Константин Артём Максим Григорий Леонид Анатолий Валерий").split()
FEMALE_NAMES = ("Мария Анна Елена Ольга Татьяна Наталья Ирина Светлана Людмила Галина Валентина Нина Екатерина "
                "Юлия Марина Анастасия Алла Вера Зинаида Тамара Лариса Дарья Ксения Полина Римма").split()
PATRONYMICS = [(m, m[:-2] + "на") for m in (
    "Александрович Сергеевич Владимирович Андреевич Алексеевич Дмитриевич Николаевич Михайлович Иванович "
    "Викторович Юрьевич Евгеньевич Павлович Петрович Борисович Геннадьевич Анатольевич Васильевич "
    "Григорьевич Олегович Леонидович Степанович Фёдорович Валентинович").split()]
# The few addresses outside the registry (residents of neighbouring houses write too).
UNKNOWN_ADDRESSES = [
    "ул. Достоевского, д. 30", "Колокольная ул., д. 11", "ул. Стремянная, д. 8", "Графский пер., д. 4",
    "ул. Правды, д. 16",
]
_LATIN = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" ")
_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _LATIN, strict=True))
_MAIL_DOMAINS = ["example.com", "example.org", "example.net"]


@dataclass
class Person:
    full_name: str
    first_name: str
    patronymic: str
    is_female: bool
    phone: str
    email: str
    building: object | None  # housing.Building
    flat: str
    unknown_address: str = ""
    flags: dict = field(default_factory=dict)

    @property
    def polite_name(self) -> str:
        """«Мария Петровна», as an answer addresses the applicant."""
        return f"{self.first_name} {self.patronymic}"


def translit(text: str) -> str:
    return "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())


def _surname(rng: random.Random, female: bool) -> str:
    if rng.random() < 0.06:
        return rng.choice(NEUTRAL_SURNAMES)
    surname = rng.choice(SURNAMES)
    return surname + "а" if female else surname


def _phone(rng: random.Random, used: set[str]) -> str:
    while True:
        digits = f"9{rng.choice(['11', '21', '31', '52', '05', '81', '62', '99'])}{rng.randrange(10**7):07d}"
        if rng.random() < 0.08:
            digits = f"812{rng.randrange(2, 10)}{rng.randrange(10**6):06d}"  # a landline
        if digits not in used:
            used.add(digits)
            break
    a, b, c, d = digits[:3], digits[3:6], digits[6:8], digits[8:]
    return rng.choice([f"+7 ({a}) {b}-{c}-{d}", f"8 {a} {b}-{c}-{d}", f"8{digits}", f"+7{digits}",
                       f"+7 {a} {b} {c} {d}"])


def _flags(rng: random.Random) -> dict:
    if rng.random() > 0.16:
        return {}
    return rng.choice([{"is_elderly": True}, {"is_elderly": True, "is_veteran": True}, {"is_disabled": True},
                       {"is_disabled": True, "is_low_income": True}, {"is_low_income": True},
                       {"is_veteran": True}])


def make_people(rng: random.Random, count: int, buildings: list) -> list[Person]:
    """`count` residents with distinct names and phones, living in the given buildings."""
    people, names, phones = [], set(), set()
    while len(people) < count:
        female = rng.random() < 0.58  # women write to the management company more often
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        patronymic = rng.choice(PATRONYMICS)[1 if female else 0]
        surname = _surname(rng, female)
        full_name = f"{surname} {first} {patronymic}"
        if full_name in names:
            continue
        names.add(full_name)
        unknown = rng.choice(UNKNOWN_ADDRESSES) if rng.random() < 0.04 else ""
        email = ""
        if rng.random() < 0.45:
            email = f"{translit(surname)}.{translit(first)[0]}{rng.randrange(10, 99)}@{rng.choice(_MAIL_DOMAINS)}"
        people.append(Person(full_name=full_name, first_name=first, patronymic=patronymic, is_female=female,
                             phone=_phone(rng, phones), email=email,
                             building=None if unknown else rng.choice(buildings),
                             flat=str(rng.randrange(1, 140)), unknown_address=unknown, flags=_flags(rng)))
    return people

"""The scoring form's criteria as the seed names them (politeness, competence, correct information): loaded by a
data migration, edited in the admin (names, hints, weights, switched off), made again only if every row is gone."""

# (code, name, hint for the reviewer, weight, order)
CRITERIA = [
    ("politeness", "Вежливость", "Приветствие, тон, внимание к заявителю, корректное завершение разговора.", 1, 1),
    ("competence", "Компетентность", "Знание порядка работы и услуг, умение выяснить суть обращения.", 1, 2),
    ("correctness", "Правильность предоставленной информации",
     "Сведения, сроки и номер обращения сообщены верно и полностью.", 2, 3),
]


def load_criteria(Criterion) -> None:
    """Idempotent: adds the missing default criteria, never changes one an admin edited."""
    for code, name, hint, weight, order in CRITERIA:
        Criterion.objects.get_or_create(code=code, defaults={"name": name, "hint": hint, "weight": weight,
                                                             "order": order})

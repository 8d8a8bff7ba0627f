import pytest

from triage.rules.complexity import suggest_complexity


@pytest.mark.parametrize(("text", "expected"), [
    ("Перегорела лампочка в подъезде", "A"),
    ("Прошу сделать перерасчёт за отопление", "B"),
    ("Обращаюсь повторно: течь так и не устранили", "B"),
    ("Если не почините, обращусь в прокуратуру", "V"),
    ("Коллективное обращение жильцов дома 7", "V"),
    ("Направлю жалобу в жилищную инспекцию", "V"),
])
def test_words_in_the_text_raise_the_complexity(text, expected):
    assert suggest_complexity(text) == expected


def test_the_reason_default_is_a_floor_never_lowered():
    assert suggest_complexity("Перегорела лампочка", "B") == "B"
    assert suggest_complexity("Требую компенсацию", "V") == "V"

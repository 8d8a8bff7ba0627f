from triage.text import MASK, char_text, clean_text, lemma_text, strip_html


def test_html_tags_scripts_and_entities_are_removed():
    html = "<p>Течёт&nbsp;крыша &amp; <b>вода</b><br>в квартире</p><script>alert(1)</script><!-- x -->"
    assert clean_text(html) == "Течёт крыша & вода в квартире"


def test_text_without_tags_keeps_its_angle_brackets():
    text = "температура < 18 градусов, а должно быть > 20"
    assert strip_html(text) == text


def test_every_spelling_of_the_mask_becomes_one():
    assert clean_text("Звоните [скрыто] или [ СКРЫТО ]") == f"Звоните {MASK} или {MASK}"


def test_whitespace_is_collapsed():
    assert clean_text("  Нет\n\tсвета   в подъезде ") == "Нет света в подъезде"


def test_char_view_masks_numbers_and_lowers_case():
    assert char_text("Квартира 15, ЁЛКА у дома 7") == "квартира 0, елка у дома 0"


def test_lemma_view_meets_word_forms():
    assert lemma_text("Протекает крыша") == lemma_text("протекла крыши")


def test_lemma_view_reads_numbers_as_zero_and_every_mask_alike():
    assert lemma_text("Квартира 15, дом 7") == "квартира 0 дом 0"
    assert lemma_text("Звоните [скрыто]") == lemma_text("звоните [ УДАЛЕНО ]")

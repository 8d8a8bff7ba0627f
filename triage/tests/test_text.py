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


def test_a_letter_is_read_without_its_frame():
    from triage.text import letter_body

    letter = ("Генеральному директору ООО «ЖКС №1» Иванову И.И. от Петровой Анны Заявление Здравствуйте! Прошу "
              "принять меры: в подвале вода уже неделю. С уважением, Петрова А. «__» ______ 2021 г. Подпись")
    assert letter_body(letter) == "Заявление Прошу принять меры: в подвале вода уже неделю."
    assert letter_body("<p>Уважаемые сотрудники!</p><p>Не работает лифт.</p><p>Отправлено с iPhone</p>") == (
        "Не работает лифт.")
    assert letter_body("течёт крыша") == "течёт крыша"
    assert letter_body("Добрый день") == "Добрый день"  # nothing but the frame: the text as it is


def test_a_model_for_letters_reads_a_letter_as_its_problem():
    from dataclasses import replace

    from triage.classifier import TextClassifier
    from triage.classifier.presets import PLAIN

    from .samples import labelled

    texts, labels = labelled()
    model = TextClassifier(settings=replace(PLAIN, letters=True)).fit(texts, labels)
    framed = f"Генеральному директору ООО «ЖКС» от жильца. Здравствуйте! {texts[0]} С уважением, Иванов"
    assert model.predict_one(framed).label == model.predict_one(texts[0]).label
    assert (model.scores([framed]) == model.scores([texts[0]])).all()

"""A letter is set as a clerk sets it: «ёлочки», no short word left at a line's end, «№» and dates unbroken."""

from letters.services import as_clause
from letters.typography import NBSP, typeset


def test_straight_quotes_become_yolochki_also_when_escaped():
    assert typeset('<p>ООО "Ромашка" и &quot;Ко&quot;</p>') == f"<p>ООО «Ромашка» и{NBSP}«Ко»</p>"


def test_short_words_and_the_dash_hold_to_their_neighbours():
    assert typeset("в доме и на крыше - течь") == f"в{NBSP}доме и{NBSP}на{NBSP}крыше{NBSP}— течь"


def test_number_sign_dates_and_abbreviations():
    text = typeset("№26-0001 от 12 марта 2026 г. Санкт-Петербург, д. 7, кв. 12, г. Пушкин")
    assert text == (f"№{NBSP}26-0001 от{NBSP}12{NBSP}марта 2026{NBSP}г. Санкт-Петербург, д.{NBSP}7, кв.{NBSP}12, "
                    f"г.{NBSP}Пушкин")


def test_a_sentence_ending_in_an_abbreviation_keeps_one_full_stop():
    assert typeset("до 12 января 2027 г..") == f"до{NBSP}12{NBSP}января 2027{NBSP}г."
    assert typeset("Ждём...") == "Ждём..."


def test_tags_and_attributes_are_left_alone():
    html = '<p class="hq-notice" title="в доме">в доме</p>'
    assert typeset(html) == f'<p class="hq-notice" title="в доме">в{NBSP}доме</p>'


def test_setting_twice_changes_nothing_more():
    once = typeset('"Ответ" на обращение № 26-000001 от 5 мая 2026 г. - да')
    assert typeset(once) == once


def test_staff_words_follow_a_colon_as_a_clause():
    assert as_clause(" Нужен осмотр  подрядчика ") == "нужен осмотр подрядчика."
    assert as_clause("ГУП «Водоканал» не ответил!") == "ГУП «Водоканал» не ответил!"

import pytest

from triage.rules.keywords import KEYWORD_SCORE, keyword_reasons


@pytest.mark.parametrize(("text", "reason"), [
    ("Прошу сделать перерасчёт за воду, месяц не жили", "billing-recalc"),
    ("Не пришла квитанция за октябрь", "billing-receipt"),
    ("Начислили за отопление в два раза больше, чем соседям", "billing-wrong"),
    ("Почему выросла плата за содержание жилья?", "billing-tariff"),
    ("Не могу передать показания счётчиков через сайт", "meters-readings"),
    ("Истёк срок поверки счётчика горячей воды", "meters-verification"),
    ("Огромная сумма за общедомовой счётчик электроэнергии", "meters-common"),
    ("Нужна справка формы 9", "docs-certificate"),
    ("Прошу составить акт о заливе квартиры", "docs-act"),
    ("Сколько стоит замена смесителя?", "paid-order"),
    ("Диспетчер нагрубила и бросила трубку", "service-staff"),
])
def test_company_reasons_the_portal_lacks_are_suggested(text, reason):
    hits = keyword_reasons(text)
    assert hits and hits[0].reason == reason and hits[0].score == KEYWORD_SCORE


@pytest.mark.parametrize("text", [
    "Протекает крыша над квартирой", "Во дворе не вывезен мусор", "На Искровском проспекте яма",
])
def test_other_problems_fire_no_keyword_reason(text):
    assert keyword_reasons(text) == []

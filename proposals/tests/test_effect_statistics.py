"""The comparison of rates before and after a measure, on generated counts: it finds a real change and does
not find one where there is none more often than its error rate; its words; and the season it names."""

import datetime as dt

import numpy as np

from proposals.rates import ALPHA, compare_rates, season_note


def test_a_forty_per_cent_drop_is_found_in_nine_runs_of_ten():
    rng = np.random.default_rng(2026)
    found = 0
    for _ in range(300):
        before, after = rng.poisson(150), rng.poisson(90)  # 90 days each: 1.7 a day, then 1.0
        result = compare_rates(int(before), 90, int(after), 90)
        found += result.significant and result.change < 0
    assert found / 300 >= 0.90


def test_no_change_is_found_no_more_often_than_the_error_rate():
    rng = np.random.default_rng(416)
    false = sum(compare_rates(int(rng.poisson(60)), 60, int(rng.poisson(60)), 60).significant for _ in range(400))
    assert false / 400 <= 0.07


def test_no_change_over_windows_of_unequal_length_is_not_found_either():
    rng = np.random.default_rng(7)
    false = sum(compare_rates(int(rng.poisson(20)), 30, int(rng.poisson(60)), 90).significant for _ in range(400))
    assert false / 400 <= 0.07


def test_the_verdict_reads_as_plain_russian():
    assert compare_rates(100, 90, 62, 90).verdict == "снижение на 38 %, случайностью не объясняется"
    assert compare_rates(40, 30, 50, 30).verdict == "изменение в пределах случайных колебаний (+25 %)"
    assert compare_rates(80, 60, 100, 30).verdict == "рост на 150 %, случайностью не объясняется"
    assert compare_rates(0, 30, 12, 30).verdict == "рост: до — ни одного, после — 12; случайностью не объясняется"


def test_too_few_appeals_are_not_judged():
    result = compare_rates(4, 30, 1, 30)
    assert result.too_few and not result.significant
    assert result.verdict.startswith("обращений слишком мало, чтобы судить (до — 4, после — 1")


def test_the_error_rate_is_the_stated_one():
    assert ALPHA == 0.05 and compare_rates(50, 30, 50, 30).alpha == 0.05


def test_windows_in_and_out_of_the_heating_season_are_named():
    note = season_note((dt.date(2026, 2, 1), dt.date(2026, 4, 1)), (dt.date(2026, 5, 1), dt.date(2026, 7, 1)))
    assert "«до» — в отопительный сезон, «после» — вне отопительного сезона" in note


def test_windows_of_different_months_in_one_season_are_named():
    note = season_note((dt.date(2026, 6, 1), dt.date(2026, 7, 1)), (dt.date(2026, 7, 2), dt.date(2026, 8, 1)))
    assert note == "Окна приходятся на разные месяцы года: часть изменения может быть сезонной."


def test_windows_in_the_same_months_need_no_word_on_season():
    assert season_note((dt.date(2026, 6, 1), dt.date(2026, 6, 10)), (dt.date(2026, 6, 11), dt.date(2026, 6, 20))) == ""

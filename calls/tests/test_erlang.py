"""Erlang C against published worked examples.

1. Westbay Engineers, «The Erlang-C formula» (www.erlang.com, the step-by-step calculation): 360 calls per
   half hour, an average call of 4 minutes, 55 agents, a target answer time of 15 seconds. Published: traffic
   intensity 48 erlangs, occupancy 0.873, probability of waiting E_C = 0.2387 (23.87 %), average speed of
   answer 8.2 s, service level 84.6 %.
2. Call Centre Helper, «Erlang C formula — made simple» (www.callcentrehelper.com): 100 calls in 30 minutes,
   an average handling time of 180 s, 80 % of calls to be answered within 20 s: 10 erlangs; with 11 agents
   the probability of waiting is 68.2 % and the service level 39 %; 14 agents are needed (13 give 79.6 %).
3. The textbook M/M/c example (a call a minute, 3 minutes to serve, 5 agents): 3 erlangs, P(wait) = 0.2362.

Every figure below was also checked against an independent maintained implementation (pyworkforce 0.5.1,
`ErlangC`): 0.2387 / 0.8459, 0.6821 / 0.3896, 13 agents 0.7956, 14 agents needed, 0.2362.
"""

import math

import pytest

from calls import erlang


def test_westbay_worked_example():
    traffic = 360 / 1800 * 240
    assert traffic == pytest.approx(48)
    assert traffic / 55 == pytest.approx(0.873, abs=0.001)
    assert erlang.erlang_c(traffic, 55) == pytest.approx(0.2387, abs=0.0001)
    assert erlang.average_speed_of_answer(traffic, 55, 240) == pytest.approx(8.2, abs=0.05)
    assert erlang.service_level(traffic, 55, 15, 240) == pytest.approx(0.846, abs=0.001)


def test_call_centre_helper_example():
    assert erlang.erlang_c(10, 11) == pytest.approx(0.682, abs=0.001)
    assert erlang.service_level(10, 11, 20, 180) == pytest.approx(0.39, abs=0.005)
    assert erlang.service_level(10, 13, 20, 180) == pytest.approx(0.796, abs=0.001)
    assert erlang.agents_needed(200, 180, 20, 80) == 14


def test_textbook_example():
    assert erlang.erlang_c(3, 5) == pytest.approx(0.2362, abs=0.0001)


def test_no_calls_need_no_operators_and_too_few_cannot_keep_up():
    assert erlang.agents_needed(0, 180, 40, 80) == 0
    assert erlang.agents_needed(10, 0, 40, 80) == 0
    assert erlang.erlang_c(10, 10) == 1.0
    assert erlang.service_level(10, 9, 20, 180) == 0.0
    assert math.isinf(erlang.average_speed_of_answer(10, 10, 180))


def test_more_operators_are_never_fewer_for_more_calls():
    needed = [erlang.agents_needed(calls, 300, 40, 80) for calls in range(0, 400, 20)]
    assert needed == sorted(needed)
    assert erlang.agents_needed(1000, 300, 40, 80) > 1000 * 300 / 3600

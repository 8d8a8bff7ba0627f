"""Staffing by the Erlang C model (A5): how many operators answer a given share of calls within the waiting
norm, from the calls arriving per hour and the average handling time (talk and post-processing).

Erlang C assumes calls arrive at random (Poisson), handling times are exponential and nobody hangs up in
the queue; it is the industry's usual first estimate, not a promise."""

import math

MAX_AGENTS = 1000


def erlang_c(traffic: float, agents: int) -> float:
    """The probability that a call has to wait (all agents busy); 1.0 when the agents cannot keep up.

    `traffic` is in erlangs: calls per unit of time × handling time in the same unit. Computed through the
    Erlang B recursion, which stays exact where factorials would overflow."""
    if traffic <= 0:
        return 0.0
    if agents <= traffic:
        return 1.0
    blocking = 1.0
    for k in range(1, agents + 1):
        blocking = traffic * blocking / (k + traffic * blocking)
    return agents * blocking / (agents - traffic * (1 - blocking))


def service_level(traffic: float, agents: int, target_seconds: float, handling_seconds: float) -> float:
    """The share of calls answered within `target_seconds` (0…1)."""
    if traffic <= 0:
        return 1.0
    if agents <= traffic:
        return 0.0
    waiting = erlang_c(traffic, agents)
    return 1 - waiting * math.exp(-(agents - traffic) * target_seconds / handling_seconds)


def average_speed_of_answer(traffic: float, agents: int, handling_seconds: float) -> float:
    """The average wait of all calls, seconds; infinite when the agents cannot keep up."""
    if traffic <= 0:
        return 0.0
    if agents <= traffic:
        return math.inf
    return erlang_c(traffic, agents) * handling_seconds / (agents - traffic)


def agents_needed(calls_per_hour: float, handling_seconds: float, target_seconds: float,
                  level_percent: float) -> int:
    """The fewest operators that answer `level_percent` % of the calls within `target_seconds`."""
    if calls_per_hour <= 0 or not handling_seconds or handling_seconds <= 0:
        return 0
    traffic = calls_per_hour * handling_seconds / 3600
    agents = max(1, math.floor(traffic) + 1)
    while service_level(traffic, agents, target_seconds, handling_seconds) * 100 < level_percent:
        agents += 1
        if agents > MAX_AGENTS:
            break
    return agents

"""Pathway routes: a legal sequence of steps from welcome to the step a demo person has reached today."""

from __future__ import annotations

import random
from functools import cache

from gn_core.domain import enums as e
from gn_core.domain.pathway import allowed_moves
from gn_desktop.services.demo.tables import _EXIT_FROM

S = e.PathwayStep


@cache
def _shortest(start: S, goal: S) -> tuple[S, ...]:
    """The legal moves from `start` to `goal` (excluding `start`), shortest first, by breadth-first search."""
    if start == goal:
        return ()
    previous: dict[S, S] = {start: start}
    frontier = [start]
    while frontier:
        nxt: list[S] = []
        for step in frontier:
            for target in allowed_moves(step):
                if target not in previous:
                    previous[target] = step
                    nxt.append(target)
        frontier = nxt
        if goal in previous:
            break
    path = [goal]
    while path[-1] != start:
        path.append(previous[path[-1]])
    return (*reversed(path[1:-1]), goal)


def _waypoints(final: S, rng: random.Random) -> list[S]:
    """Steps a person passes through on the way to `final`: routes through training, detours, earlier exits."""
    points: list[S] = []
    if rng.random() < 0.03:
        points += [S.OUTCOME_OTHER_EXIT, S.WELCOME]  # left once, came back later
    r = rng.random()
    if final == S.TRAINING_DROPPED:
        points.append(S.TRAINING_IN_PROGRESS if r < 0.7 else S.TRAINING_ENROLLED)
    elif final == S.JOB_SEARCH:
        if r < 0.40:
            points.append(S.TRAINING_COMPLETED)
        elif r < 0.50:
            points.append(S.TRAINING_DROPPED)
        elif r < 0.55:
            points += [S.ORIENTATION, S.JOB_SEARCH, S.OUTCOME_BUSINESS]  # a company that closed
        elif r < 0.62:
            points += [S.ORIENTATION, S.JOB_SEARCH, S.OUTCOME_HIRED]  # a contract that ended
    elif final in (S.OUTCOME_HIRED, S.OUTCOME_BUSINESS):
        if r < 0.35:
            points += [S.TRAINING_COMPLETED]
        elif r < 0.65:
            points += [S.TRAINING_COMPLETED, S.JOB_SEARCH]
    elif final == S.OUTCOME_OTHER_EXIT:
        points.append(_EXIT_FROM(rng))
    trains = final in (S.TRAINING_REFERRED, S.TRAINING_ENROLLED, S.TRAINING_IN_PROGRESS)
    via_training = bool(points) and points[-1] in (S.TRAINING_COMPLETED, S.TRAINING_IN_PROGRESS, S.TRAINING_ENROLLED)
    if (trains or via_training) and rng.random() < 0.06:
        refused = [S.TRAINING_REFERRED, S.ORIENTATION]  # a first referral the training organisation turned down
        if via_training:
            points[-1:-1] = refused
        else:
            points += refused
    points.append(final)
    return points


def _route(final: S, rng: random.Random) -> list[S]:
    """A legal sequence of steps from WELCOME to `final` (WELCOME included)."""
    steps = [S.WELCOME]
    for point in _waypoints(final, rng):
        if point != steps[-1]:
            steps.extend(_shortest(steps[-1], point))
    return steps

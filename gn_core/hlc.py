"""Hybrid logical clock (Kulkarni et al., 2014): timestamps that follow wall time yet never go backwards.

A stamp is a string `WWWWWWWWWWWWW-CCCCC-NODE` (13-digit wall milliseconds, 5-digit counter, node id) so stamps
compare correctly as text. Clocks are used only to break ties in merges; `MAX_DRIFT_MS` bounds how far a remote
stamp may pull a clock forward, so a campus whose clock is a day ahead cannot drag every other clock with it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_DRIFT_MS = 5 * 60 * 1000  # five minutes, as Anki allows


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        wall, counter, node = text.split("-", 2)
        return cls(int(wall), int(counter), node)


class ClockDriftError(Exception):
    """A remote stamp is further ahead of local wall time than MAX_DRIFT_MS."""


class HybridClock:
    """Thread-safe HLC for one node. `now()` for local events, `observe()` for stamps received from elsewhere."""

    def __init__(self, node: str, wall: Callable[[], int] | None = None, last: Stamp | None = None) -> None:
        self._node = node
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self._last = last or Stamp(0, 0, node)
        self._lock = threading.Lock()

    @property
    def node(self) -> str:
        return self._node

    def now(self) -> Stamp:
        with self._lock:
            wall = self._wall()
            if wall > self._last.wall_ms:
                self._last = Stamp(wall, 0, self._node)
            else:
                self._last = Stamp(self._last.wall_ms, self._last.counter + 1, self._node)
            return self._last

    def observe(self, remote: Stamp | str) -> Stamp:
        """Merge a received stamp; refuses one implausibly far in the future instead of jumping to it."""
        if isinstance(remote, str):
            remote = Stamp.parse(remote)
        with self._lock:
            wall = self._wall()
            if remote.wall_ms - wall > MAX_DRIFT_MS:
                raise ClockDriftError(
                    f"remote clock is {(remote.wall_ms - wall) // 1000} s ahead of this device's clock"
                )
            top = max(wall, self._last.wall_ms, remote.wall_ms)
            if top == self._last.wall_ms == remote.wall_ms:
                counter = max(self._last.counter, remote.counter) + 1
            elif top == self._last.wall_ms:
                counter = self._last.counter + 1
            elif top == remote.wall_ms:
                counter = remote.counter + 1
            else:
                counter = 0
            self._last = Stamp(top, counter, self._node)
            return self._last

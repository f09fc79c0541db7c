"""Deterministic draws: a seeded generator, UUIDv7-shaped ids and weighted choices; fictional SIRET numbers.

Determinism: the same seed (and the same `today`) gives the same data, record ids included: every record the demo
makes gets a UUIDv7-shaped id drawn from a generator seeded with the seed. Campuses, public partners and accounts are
made by their own services (`setup`, `accounts`), which mint ordinary device ids; compare stores by their natural keys
(campus code, username) there.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from _typeshed import SupportsLenAndGetItem

T = TypeVar("T")


# --- Deterministic ids and draws ----------------------------------------------------------------------------------


class _Random(random.Random):
    """A seeded generator whose integer draws are a few times cheaper than the standard ones (one float each).

    Seeded the same, it draws the same sequence on every platform and Python version: `random()` is specified.
    """

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if step != 1:
            return super().randrange(start, stop, step)
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def choice(self, seq: SupportsLenAndGetItem[T]) -> T:
        return seq[int(self.random() * len(seq))]


class _Ids:
    """UUIDv7-shaped ids drawn from a seeded generator: same seed, same ids; always unique within a run.

    The 48-bit timestamp is a seeded base plus one millisecond per id, so ids are strictly increasing in creation
    order (new rows append to the primary-key index, as with real UUIDv7) and unique whatever the random bits.
    """

    def __init__(self, seed: int | str) -> None:
        self._rng = random.Random(f"gn-demo-ids:{seed}")
        # 2024-01-01T00:00Z plus up to about six months
        self._ms = 1_704_067_200_000 + self._rng.getrandbits(34)

    def __call__(self) -> str:
        self._ms += 1
        bits = self._rng.getrandbits(74)  # 12 bits of rand_a, 62 of rand_b
        h = ((self._ms << 80) | _UUID7_MARKS | ((bits >> 62) << 64) | (bits & _LOW62)).to_bytes(16, "big").hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_UUID7_MARKS = (0x7 << 76) | (0b10 << 62)  # version 7, RFC 4122 variant
_LOW62 = (1 << 62) - 1


class _Pick(Generic[T]):
    """A weighted choice among fixed options, cheaper than `random.choices` in a hot loop."""

    def __init__(self, options: dict[T, float] | Sequence[tuple[T, float]]) -> None:
        pairs = list(options.items()) if isinstance(options, dict) else list(options)
        self.options = [o for o, _ in pairs]
        total = 0.0
        self.cum: list[float] = []
        for _, w in pairs:
            total += w
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> T:
        return self.options[bisect.bisect_right(self.cum, rng.random() * self.total)]


# --- SIRET --------------------------------------------------------------------------------------------------------


def _luhn_complete(digits: str) -> str:
    """`digits` followed by the check digit that makes the whole number pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:  # these digits are doubled once the check digit is appended
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return digits + str((10 - total % 10) % 10)


def fictional_siret(rng: random.Random) -> str:
    """A 14-digit SIRET whose SIREN and whole number both pass Luhn, as `stdnum.fr.siret` requires (not La Poste's)."""
    siren = _luhn_complete(f"{rng.randrange(10_000_000, 100_000_000):08d}")
    if siren.startswith("356000000"):
        siren = "4" + siren[1:-1]
        siren = _luhn_complete(siren[:8])
    return _luhn_complete(siren + f"{rng.randrange(1, 10_000):04d}")

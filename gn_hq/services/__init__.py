"""HQ's use cases: enrolment and devices, push (merge), pull (feed), erasure, sharing, conflicts, indicators.

Each module takes an `Hq` context (engine, settings, clock, epoch guard) and primitives, and returns plain data or
the wire models of `gn_core.protocol`. None of them knows about HTTP; errors a caller can act on are `HqError`s.
"""

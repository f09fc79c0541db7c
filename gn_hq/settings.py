"""HQ's tunables, with the defaults production uses; tests and the benchmark override some of them."""

from __future__ import annotations

from dataclasses import dataclass

from gn_core.protocol import MAX_PUSH_CHANGES


@dataclass(frozen=True, slots=True)
class Settings:
    #: largest request body accepted (after gzip decoding); larger ones get 413
    max_body_bytes: int = 32 * 1024 * 1024
    #: most changes in one push
    max_push_changes: int = MAX_PUSH_CHANGES
    #: pull pages: default and largest number of rows, and the byte budget of a page (at least one row is sent)
    pull_default_limit: int = 2000
    pull_max_limit: int = 10000
    pull_max_bytes: int = 8 * 1024 * 1024
    #: gzip level of answers (1 is fast and already shrinks JSON about 5 times)
    gzip_level: int = 1
    #: how long a one-time enrolment code stays valid
    enrolment_code_days: int = 7

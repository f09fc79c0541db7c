"""HQ's logs: one JSON object per line (time, level, logger, message, process, request id, device, campus), for a log
collector; or plain text for a person at a terminal (`gn-hq serve --log-format text`).

What goes into a log line is chosen where it is written: ids, routes, counts and durations — never a person's data.
The request id comes from the request being served (`REQUEST_ID`, set by the API's request-log middleware), so every
line written while serving a request carries it, worker threads included (contextvars follow run_in_threadpool).
"""

from __future__ import annotations

import json
import logging
import logging.config
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, Literal

#: the id of the request being served ("" outside a request)
REQUEST_ID: ContextVar[str] = ContextVar("gn_hq_request_id", default="")

LogFormat = Literal["json", "text"]

#: LogRecord attributes that are not extra fields
_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON: `ts`, `level`, `logger`, `msg`, the request id and any `extra=` fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            "pid": record.process,
        }
        request_id = REQUEST_ID.get()
        if request_id:
            line["request_id"] = request_id
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_") and key not in line:
                line[key] = value if isinstance(value, str | int | float | bool | None) else str(value)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


def logging_config(log_format: LogFormat, level: str, *, access: bool = True) -> dict[str, Any]:
    """A `logging.config.dictConfig` for HQ and uvicorn: our formatter on stderr; uvicorn's own access log off
    (HQ writes its own, with route templates instead of raw paths: `gn_hq.api.observability`)."""
    formatter: dict[str, Any] = (
        {"()": f"{__name__}.JsonFormatter"}
        if log_format == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    )
    handler = {"class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {"default": handler},
        "root": {"handlers": ["default"], "level": level.upper()},
        "loggers": {
            "uvicorn": {"handlers": [], "level": level.upper(), "propagate": True},
            "uvicorn.error": {"handlers": [], "level": level.upper(), "propagate": True},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            "gn_hq.access": {"handlers": [], "level": "INFO" if access else "WARNING", "propagate": True},
        },
    }


def configure(log_format: LogFormat, level: str = "info", *, access: bool = True) -> None:
    logging.config.dictConfig(logging_config(log_format, level, access=access))

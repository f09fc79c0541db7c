"""Preferences of this computer's workspace, kept in its local settings (never synced): the interface language."""

from __future__ import annotations

from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

LANGUAGE_SETTING = "workspace_language"
#: the languages the advisor workspace is translated into
WORKSPACE_LANGUAGES = ("fr", "en")


def workspace_language(uow: UnitOfWork) -> str | None:
    """The language chosen in the workspace, or None when none was (or it is no longer offered)."""
    setting = uow.session.get(m.LocalSetting, LANGUAGE_SETTING)
    value = setting.value if setting is not None else None
    return value if value in WORKSPACE_LANGUAGES else None


def set_workspace_language(uow: UnitOfWork, lang: str) -> None:
    if lang not in WORKSPACE_LANGUAGES:
        raise ValueError(f"unsupported workspace language {lang!r}")
    setting = uow.session.get(m.LocalSetting, LANGUAGE_SETTING)
    if setting is None:
        uow.session.add(m.LocalSetting(key=LANGUAGE_SETTING, value=lang))
    else:
        setting.value = lang
    uow.session.flush()

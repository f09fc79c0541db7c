"""The self-service kiosk walk-in visitors use: check in, pre-register, discover digital jobs and events.

The kiosk never shows anyone's personal data; it switches language (French, English, Arabic) live. The composition
root builds it with `build_kiosk(translations, runner)`; `render_kiosk_screen` draws one of `SCREEN_NAMES` for
`gn-desktop screenshot --view kiosk-...`.
"""

from __future__ import annotations

from gn_desktop.views.kiosk.render import SCREEN_NAMES, build_kiosk, render_kiosk_screen

__all__ = ["SCREEN_NAMES", "build_kiosk", "render_kiosk_screen"]

"""The kiosk's colours and type scale, in one place so a test can check every text/background pair.

Colours are chosen for a contrast ratio of at least 4.5:1 (WCAG 2.x, EN 301 549) for every text on its background,
including the focus and error states; `TEXT_PAIRS` lists every pair the stylesheet uses (the contrast test computes
the ratios from it). Nothing is said by colour alone: errors also start with a symbol and a word, the selected
language and choices are also marked by a tick and a thicker border.

Text scales: `stylesheet(scale)` multiplies every font size (1.0, 1.5 or 2.0); layouts wrap instead of truncating.
"""

from __future__ import annotations

NAVY = "#1f3a5f"  # header, primary buttons
INK = "#14202e"  # body text
PAGE = "#f3f6fa"  # page background
WHITE = "#ffffff"
MUTED = "#3d4b5c"  # secondary text (still ≥ 4.5:1 on PAGE and WHITE)
ERROR = "#9b1c1c"  # error text, always with "⚠" and a word
ERROR_BG = "#fdecec"
FOCUS = "#ffcf4a"  # focus ring (3 px), never the only cue: focused buttons also get a thick outline
SELECTED_BG = "#dce8f7"
KEY_BG = "#e4eaf2"  # on-screen keys

#: (what, text colour, background colour): every text/background pair the stylesheet uses
TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("body text on the page", INK, PAGE),
    ("secondary text on the page", MUTED, PAGE),
    ("header text", WHITE, NAVY),
    ("journey and secondary buttons", NAVY, WHITE),
    ("primary buttons", WHITE, NAVY),
    ("language buttons in the header", WHITE, NAVY),
    ("selected language button", NAVY, WHITE),
    ("error messages", ERROR, ERROR_BG),
    ("error text on the page", ERROR, PAGE),
    ("text fields", INK, WHITE),
    ("cards", INK, WHITE),
    ("secondary text on cards", MUTED, WHITE),
    ("selected choices", NAVY, SELECTED_BG),
    ("on-screen keys", INK, KEY_BG),
    ("focused button", NAVY, FOCUS),
    ("ticket number", NAVY, WHITE),
    ("disabled buttons", MUTED, WHITE),
)

#: base font size in points at scale 1.0
BASE_PT = 17
SCALES = (1.0, 1.5, 2.0)
#: smallest touch target (px): WCAG 2.5.5 asks for 44
MIN_TARGET_PX = 56


def stylesheet(scale: float = 1.0) -> str:
    """The kiosk's stylesheet with every font size multiplied by `scale`."""

    def pt(size: float) -> str:
        return f"{round(size * scale)}pt"

    return f"""
QWidget#kiosk, QWidget[page="true"], QScrollArea, QScrollArea > QWidget > QWidget {{ background: {PAGE}; }}
QWidget {{ color: {INK}; font-size: {pt(BASE_PT)}; }}
QWidget#kiosk-header {{ background: {NAVY}; }}
QWidget#kiosk-header > QLabel {{ color: {WHITE}; background: {NAVY}; }}
QLabel[role="title"] {{ font-size: {pt(BASE_PT * 1.9)}; font-weight: bold; color: {NAVY}; }}
QLabel[role="subtitle"] {{ font-size: {pt(BASE_PT * 1.25)}; color: {INK}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {ERROR}; background: {ERROR_BG}; border-left: 6px solid {ERROR}; padding: 8px; }}
QLabel[role="ticket"] {{
    font-size: {pt(BASE_PT * 4)}; font-weight: bold; color: {NAVY}; background: {WHITE};
    border: 4px solid {NAVY}; border-radius: 16px; padding: 12px 40px;
}}
QFrame[role="card"] {{ background: {WHITE}; border: 2px solid #c4cfdc; border-radius: 12px; }}
QFrame[role="card"] QLabel {{ background: {WHITE}; }}
QFrame[role="card"] QLabel[role="muted"] {{ color: {MUTED}; }}
QFrame[role="card"] QPushButton QLabel {{ background: transparent; }}
QPushButton {{
    background: {WHITE}; color: {NAVY}; border: 2px solid {NAVY}; border-radius: 12px;
    padding: 10px 18px; min-height: {MIN_TARGET_PX - 24}px; min-width: {MIN_TARGET_PX - 40}px;
}}
QPushButton QLabel {{ background: transparent; }}
QPushButton QLabel[tone="dark"] {{ color: {NAVY}; }}
QPushButton QLabel[tone="light"] {{ color: {WHITE}; }}
QPushButton QLabel[tone="muted"] {{ color: {MUTED}; }}
QPushButton[variant="primary"] {{ background: {NAVY}; color: {WHITE}; }}
QPushButton[variant="journey"] {{ border-width: 3px; border-radius: 18px; }}
QPushButton[variant="journey"] QLabel {{ font-size: {pt(BASE_PT * 1.35)}; font-weight: bold; }}
QPushButton[variant="key"] {{ background: {KEY_BG}; color: {INK}; border: 1px solid #8393a7; border-radius: 8px; }}
QPushButton[variant="language"] {{ background: {NAVY}; color: {WHITE}; border: 2px solid {WHITE}; }}
QPushButton[variant="language"]:checked {{ background: {WHITE}; color: {NAVY}; border: 4px solid {WHITE}; }}
QPushButton[variant="header"] {{ background: {NAVY}; color: {WHITE}; border: 2px solid {WHITE}; }}
QPushButton[variant="choice"]:checked {{ background: {SELECTED_BG}; color: {NAVY}; border: 4px solid {NAVY}; }}
QPushButton:focus {{ background: {FOCUS}; color: {NAVY}; border: 4px solid {NAVY}; }}
QPushButton:disabled {{ background: {WHITE}; color: {MUTED}; border-color: {MUTED}; }}

QLineEdit, QComboBox {{
    background: {WHITE}; color: {INK}; border: 2px solid {MUTED}; border-radius: 8px; padding: 8px;
    min-height: {MIN_TARGET_PX - 24}px;
}}
QLineEdit:focus, QComboBox:focus {{ border: 4px solid {NAVY}; }}
QLineEdit[invalid="true"] {{ border: 4px solid {ERROR}; }}
QComboBox QAbstractItemView {{ background: {WHITE}; color: {INK}; selection-background-color: {SELECTED_BG};
    selection-color: {INK}; }}
QCheckBox {{ spacing: 16px; min-height: {MIN_TARGET_PX}px; }}
QCheckBox::indicator {{ width: 40px; height: 40px; }}
QCheckBox:focus {{ background: {FOCUS}; color: {NAVY}; }}
"""

"""Building blocks of the kiosk screens: wrapping touch buttons, labelled fields, a keypad and an on-screen keyboard
(and the staff's invisible corner).

Every interactive widget here gets an accessible name from its visible text. Buttons are at least
`theme.MIN_TARGET_PX` high, wrap their text instead of truncating it, and react to Enter as well as Space, so the whole
kiosk works with a keyboard alone. The keypad and keyboard never take the focus: they type into the text field that
had it last. Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gn_desktop.views.kiosk import theme


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class KioskButton(QPushButton):
    """A touch button whose text wraps (a plain QPushButton never wraps, so a long translation would widen it).

    `variant` picks its look in the stylesheet: primary, journey, choice, key, language, header, or plain.
    """

    def __init__(self, text: str = "", variant: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if variant:
            self.setProperty("variant", variant)
        self._variant = variant
        self._label = QLabel(text)
        self._label.setProperty("tone", "dark")
        # short captions (header, languages, keys) stay on one line; the others wrap
        self._label.setWordWrap(variant not in ("header", "language", "key"))
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self._label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(self._label.wordWrap())
        self.setSizePolicy(policy)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(theme.MIN_TARGET_PX)
        self.setText(text)
        self.toggled.connect(lambda _on: self._update_tone())
        self._update_tone()

    def _update_tone(self) -> None:
        """The label's colour follows the button's state (style sheets cannot select a label by its parent's state)."""
        if not self.isEnabled():
            tone = "muted"
        elif self.hasFocus() or (self.isChecked() and self._variant in ("choice", "language")):
            tone = "dark"
        elif self._variant in ("primary", "language", "header"):
            tone = "light"
        else:
            tone = "dark"
        if self._label.property("tone") != tone:
            self._label.setProperty("tone", tone)
            restyle(self._label)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._update_tone()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._update_tone()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._update_tone()

    def setText(self, text: str) -> None:
        self._label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def text(self) -> str:
        return self._label.text()

    @property
    def label(self) -> QLabel:
        return self._label

    def sizeHint(self) -> QSize:
        hint = self._label.sizeHint()
        return QSize(max(hint.width() + 32, theme.MIN_TARGET_PX), max(hint.height() + 24, theme.MIN_TARGET_PX))

    def minimumSizeHint(self) -> QSize:
        if not self._label.wordWrap():
            return self.sizeHint()
        metrics = self._label.fontMetrics()
        longest = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0)
        return QSize(max(longest + 32, theme.MIN_TARGET_PX), theme.MIN_TARGET_PX)

    def hasHeightForWidth(self) -> bool:
        # a one-line caption has one height; asking the inner layout for a height-for-width would give the minimum
        return self._label.wordWrap()

    def heightForWidth(self, width: int) -> int:
        if not self._label.wordWrap():
            return self.sizeHint().height()
        return max(self._label.heightForWidth(max(1, width - 32)) + 24, self.minimumHeight())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            self.animateClick()
            return
        super().keyPressEvent(event)


class ReflowGrid(QWidget):
    """Widgets side by side in up to `columns` columns, fewer when the longest word of one would not fit its column:
    a long translation or big text puts the widgets under one another instead of widening the page past the screen's
    edge. The grid never asks for more width than its widest widget needs alone."""

    def __init__(self, columns: int, spacing: int = 16, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._most = columns
        self._columns = columns
        self._widgets: list[QWidget] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)

    @property
    def columns(self) -> int:
        return self._columns

    def add(self, widget: QWidget) -> None:
        self._widgets.append(widget)
        index = len(self._widgets) - 1
        self._grid.addWidget(widget, index // self._columns, index % self._columns)

    def _widest(self) -> int:
        return max((w.minimumSizeHint().width() for w in self._widgets), default=0)

    def _fitting(self, width: int) -> int:
        need, spacing = self._widest(), self._grid.horizontalSpacing()
        return next((n for n in range(self._most, 1, -1) if n * need + (n - 1) * spacing <= width), 1)

    def reflow(self) -> None:
        """Place the widgets again for the current width (after a text or a text size changed)."""
        columns = self._fitting(self.width())
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for index, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, index // columns, index % columns)
        for column in range(self._most):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._widest(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reflow()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a widget's text or text size changed
            self.reflow()
        return handled


def label(text: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    """A plain-text label (visitors' input is never interpreted as rich text) with a stylesheet role."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


class ErrorLabel(QLabel):
    """An error message: a warning sign and the word, not only red. Hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(f"⚠ {text}" if text else "")
        self.setVisible(bool(text))


class Field(QWidget):
    """A labelled text field with its hint and its error message (the label is the field's accessible name)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"field-{name}")
        self.name = name
        self.caption = label(role="subtitle")
        self.hint = label(role="muted")
        self.edit = QLineEdit()
        self.edit.setObjectName(name)
        self.caption.setBuddy(self.edit)
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.hint)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.hint.hide()

    def set_texts(self, caption: str, hint: str = "") -> None:
        self.caption.setText(caption)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.edit.setAccessibleName(caption)
        self.edit.setAccessibleDescription(hint)

    def value(self) -> str:
        return self.edit.text()

    def set_error(self, message: str) -> None:
        self.error.show_message(message)
        self.edit.setProperty("invalid", bool(message))
        self.edit.setAccessibleDescription(message or self.hint.text())
        restyle(self.edit)

    def wipe(self) -> None:
        """Forget what was typed, undo history included (QLineEdit.setText clears it; clear() would not)."""
        self.edit.setText("")
        self.set_error("")


class CheckField(QWidget):
    """A check box with a wrapping caption beside it (a QCheckBox's own text never wraps)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.box.setObjectName(name)
        self.caption = label()
        self.caption.setBuddy(self.box)
        self.error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def set_text(self, text: str) -> None:
        self.caption.setText(text)
        self.box.setAccessibleName(text)

    def mousePressEvent(self, event: object) -> None:  # touching the caption ticks the box too
        self.box.toggle()

    def wipe(self) -> None:
        self.box.setChecked(False)
        self.error.show_message("")


class TypingTarget(QObject):
    """Remembers the text field that last had the focus, for the keypad and the on-screen keyboard."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edit: QLineEdit | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit):
            self.edit = new

    def type(self, text: str) -> None:
        focused = QApplication.focusWidget()
        edit = focused if isinstance(focused, QLineEdit) else self.edit
        if edit is None or not edit.isVisible():
            return
        edit.setFocus()
        if text == "\b":
            edit.backspace()
        else:
            edit.insert(text)


class Keypad(QFrame):
    """Digits 0-9 and "erase", for codes and PINs: large keys, never focused (a physical keyboard works too)."""

    typed = Signal(str)

    def __init__(self, target: TypingTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self._target = target
        grid = QGridLayout(self)
        grid.setSpacing(10)
        self.keys: list[KioskButton] = []
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a keypad keeps its layout in Arabic
        for index, digit in enumerate("123456789"):
            self._add(digit, digit, index // 3, index % 3, grid)
        self.erase = self._add("⌫", "\b", 3, 0, grid)
        self._add("0", "0", 3, 1, grid)

    def _add(self, caption: str, text: str, row: int, col: int, grid: QGridLayout) -> KioskButton:
        key = KioskButton(caption, "key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setMinimumSize(96, 72)
        key.clicked.connect(lambda _checked=False, t=text: self._press(t))
        grid.addWidget(key, row, col)
        self.keys.append(key)
        return key

    def _press(self, text: str) -> None:
        self._target.type(text)
        self.typed.emit(text)

    def retranslate(self) -> None:
        self.erase.setAccessibleName(self.tr("Erase"))


_ROWS = ("azertyuiop", "qsdfghjklm", "wxcvbn-'", "éèàçëï@._")


class OnScreenKeyboard(QFrame):
    """A built-in French (AZERTY) keyboard for touch kiosks with no physical keyboard.

    Latin letters only: names, e-mails and addresses are typed as on official papers. Digits, shift and space.
    It never takes the focus; keys type into the last focused field (`TypingTarget`).
    """

    def __init__(self, target: TypingTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("on-screen-keyboard")
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._target = target
        self._upper = False
        self.letter_keys: list[KioskButton] = []
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.setContentsMargins(0, 8, 0, 0)
        for chars in ("1234567890", *_ROWS):
            row = QHBoxLayout()
            row.setSpacing(6)
            for ch in chars:
                key = self._key(ch)
                key.clicked.connect(lambda _c=False, ch=ch: self._type(ch))
                row.addWidget(key)
                if ch.isalpha():
                    self.letter_keys.append(key)
            layout.addLayout(row)
        bottom = QHBoxLayout()
        self.shift = self._key("⇧")
        self.shift.setCheckable(True)
        self.shift.toggled.connect(self._set_upper)
        self.space = self._key("␣")
        self.erase = self._key("⌫")
        self.space.clicked.connect(lambda: self._target.type(" "))
        self.erase.clicked.connect(lambda: self._target.type("\b"))
        bottom.addWidget(self.shift, 1)
        bottom.addWidget(self.space, 4)
        bottom.addWidget(self.erase, 1)
        layout.addLayout(bottom)

    def _key(self, ch: str) -> KioskButton:
        key = KioskButton(ch, "key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setMinimumSize(theme.MIN_TARGET_PX, theme.MIN_TARGET_PX)
        return key

    def _type(self, ch: str) -> None:
        self._target.type(ch.upper() if self._upper else ch)
        if self._upper:
            self.shift.setChecked(False)

    def _set_upper(self, upper: bool) -> None:
        self._upper = upper
        for key in self.letter_keys:
            key.setText(key.text().upper() if upper else key.text().lower())

    def retranslate(self) -> None:
        self.shift.setAccessibleName(self.tr("Capital letter"))
        self.space.setAccessibleName(self.tr("Space"))
        self.erase.setAccessibleName(self.tr("Erase"))


class CornerHotspot(QWidget):
    """An invisible square in the top-left corner: holding it down `long_press_ms` opens the staff PIN screen."""

    long_pressed = Signal()

    def __init__(self, long_press_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff-corner")
        self.setFixedSize(64, 64)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(long_press_ms)
        self._timer.timeout.connect(self.long_pressed.emit)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._timer.start()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._timer.stop()


def card() -> QFrame:
    frame = QFrame()
    frame.setProperty("role", "card")
    return frame


def is_typing_event(event: QEvent) -> bool:
    """Input events that mean someone is at the kiosk (they restart the idle timer)."""
    return event.type() in (
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
    )

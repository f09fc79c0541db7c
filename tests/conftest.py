"""Shared test configuration. Qt-free: unit tests must run without a display (and without Qt installed).

Qt fixtures live in tests/gui/conftest.py. The platform must be chosen before anything imports Qt: without a display
a pytest-qt run would otherwise abort the whole process.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

"""`gn-desktop --self-test`: opens the store, builds and renders both windows offscreen, checks French is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from gn_desktop import cli


def test_self_test_passes_on_a_fresh_data_dir(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--data-dir", str(tmp_path), "--self-test"]) == 0
    out = capsys.readouterr().out
    assert "ÉCHEC" not in out
    assert "[OK   ] Traduction française chargée" in out
    assert "tous les contrôles sont passés" in out
    assert (tmp_path / "campus.db").is_file()
    assert (tmp_path / "logs" / "gn-desktop.log").is_file()
    # It leaves the process as it found it: no translator stays installed.
    assert QCoreApplication.translate("MainWindow", "Home") == "Home"

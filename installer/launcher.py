"""Entry script PyInstaller freezes into `gn-desktop` (the same `main` as the `gn-desktop` console script)."""

from gn_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

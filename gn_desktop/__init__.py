"""The campus app of Le Grand Numérique: advisor workspace, self-service kiosk and sync client."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("grand-numerique")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"

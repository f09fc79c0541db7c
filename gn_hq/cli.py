"""`gn-hq` entry point. The sync service itself arrives with the HQ issue; until then it says so plainly."""

from __future__ import annotations

import argparse

from gn_core.protocol import PROTOCOL_VERSION


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gn-hq", description="Le Grand Numérique — HQ sync service")
    parser.add_argument("--version", action="store_true", help="print the version and the sync protocol version")
    args = parser.parse_args(argv)
    if args.version:
        print(f"gn-hq 0.1.0 (sync protocol {PROTOCOL_VERSION})")
        return 0
    parser.print_help()
    print("\nThe HQ sync service is not built yet: campuses work fully offline meanwhile.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

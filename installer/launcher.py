"""Entry script PyInstaller freezes into `gn-desktop` (the same `main` as the `gn-desktop` console script).

Once `main` has returned, everything is already closed (windows, task runner, store, log file): the process ends
with `os._exit` after flushing, skipping the interpreter's and Qt's teardown of objects nobody will use again, which
costs 0.3-0.5 s at every exit (measured on the self-test).
"""

import logging
import os
import sys

from gn_desktop.cli import main

if __name__ == "__main__":
    status = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(status)

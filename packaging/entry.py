"""The frozen app's entry point: the normal command line (``gov-review --selftest`` included).

``multiprocessing.freeze_support()`` first: on Windows the workers of ``check --jobs N`` are spawned
from this same executable, and must run their task instead of starting the app again.
"""

from __future__ import annotations

import os
import sys


def _streams() -> None:
    # A windowed (no console) Windows build has no stdout/stderr: printing would raise.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()
    _streams()
    from gov_review.cli.main import main as cli

    return cli()


if __name__ == "__main__":
    sys.exit(main())

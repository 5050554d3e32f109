"""The frozen app's entry point: ``--selftest`` is handled here, everything else is the normal CLI.

Handled here (not in gov_review.cli) so the installed app can be checked with one flag before the
command line grows an option for it.
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
    _streams()
    if "--selftest" in sys.argv[1:]:
        from gov_review.selftest import main as selftest

        return selftest()
    from gov_review.cli import main as cli

    return cli()


if __name__ == "__main__":
    sys.exit(main())

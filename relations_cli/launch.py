"""The `relations` program: `--version` alone is answered before the CLI (and Typer) is imported."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"relations {__version__}\n")
        return
    from .cli import main as run

    run()

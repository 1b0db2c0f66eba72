"""The `relations` program: `--version` alone is answered before Typer is imported, and a run registers only
the command it runs."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"relations {__version__}\n")
        return
    import os

    from .app import app
    from .commands import command_word, register

    # Only the command run is registered; completion and help need them all.
    completing = any(key.endswith("_COMPLETE") for key in os.environ)
    register(None if completing else command_word(sys.argv[1:]))
    app(prog_name="relations")

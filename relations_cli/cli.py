"""Entry point: the Typer app with every command registered (for `python -c`, tests and other programs)."""

from __future__ import annotations

from .app import app
from .commands import register

register()

__all__ = ["app", "main"]


def main() -> None:
    app(prog_name="relations")

"""Entry point: the Typer app with every command registered."""

from __future__ import annotations

from .app import app
from .commands import brief, bulk, events, ingest, records, reference, report  # noqa: F401  (registers the commands)

__all__ = ["app", "main"]


def main() -> None:
    app(prog_name="relations")

"""The commands, one module per family; importing a module registers its commands on the app.

A run imports only the module of the command it runs (Typer builds every registered command's
options on each run, which costs more than the imports); `--help`, completion and tests load all.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

MODULES = {
    "add": "records", "list": "records", "show": "records", "edit": "records", "delete": "records",
    "summary": "report", "matrix": "report", "brief": "brief", "graph": "brief",
    "import": "bulk", "export": "bulk", "ingest": "ingest", "events-sql": "events",
    "countries": "reference", "areas": "reference", "schema": "reference", "check": "reference",
}  # fmt: skip
_GLOBAL_WITH_VALUE = ("--db",)


def register(command: str | None = None) -> None:
    """Register `command`'s module's commands, or every command when it is None or not one of ours."""
    names = {MODULES[command]} if command in MODULES else sorted(set(MODULES.values()))
    for name in names:
        importlib.import_module(f"{__name__}.{name}")


def command_word(args: Sequence[str]) -> str | None:
    """The command a command line runs: the first word that is not a global option or its value."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _GLOBAL_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None

"""Sending output taller than the screen through a pager, as git does; never on a pipe."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

DEFAULT = "less -FRX"


class Settings:
    """Turned off by the global --no-pager option."""

    enabled = True


settings = Settings()


def command(environ: dict[str, str] | None = None) -> list[str] | None:
    """The pager to run: $RELATIONS_PAGER, else $PAGER, else `less -FRX`; None when turned off or missing."""
    env = os.environ if environ is None else environ
    if not settings.enabled:
        return None
    chosen = env["RELATIONS_PAGER"] if "RELATIONS_PAGER" in env else env.get("PAGER") or DEFAULT
    argv = shlex.split(chosen)
    if not argv or shutil.which(argv[0]) is None:
        return None
    return argv


def wanted(lines: int) -> list[str] | None:
    """The pager argv when stdout is a terminal shorter than `lines`, else None."""
    if not sys.stdout.isatty():
        return None
    if lines <= shutil.get_terminal_size().lines - 1:
        return None
    return command()


def page(text: str, argv: list[str]) -> None:
    """Give the text to the pager; if it cannot start, print the text as it is."""
    env = dict(os.environ)
    env.setdefault("LESSCHARSET", "utf-8")
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)
        return
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode("utf-8", "surrogateescape"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit before the end (q in less)
        pass
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager, as in git
            continue

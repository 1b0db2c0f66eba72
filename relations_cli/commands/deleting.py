"""The delete prompt: what is about to go, and a yes or a no before it goes."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Engagement


def confirm_delete(records: list[Engagement]) -> bool:
    """Show what would be deleted (id, date, pair, summary) and ask until the answer is yes or no."""
    import shutil

    from ..countries import display_name
    from ..text import printable

    width = shutil.get_terminal_size().columns
    id_width = max(len(str(record.id)) for record in records)
    question = "Delete it? [y/n] " if len(records) == 1 else "Delete them? [y/n] "
    lines = []
    for record in records:
        pair = " – ".join(sorted(display_name(code) for code in record.countries))
        line = printable(f"  {record.id:>{id_width}}  {record.date:<10}  {pair}  {record.summary or ''}".rstrip())
        lines.append(line if len(line) <= width else line[: max(width - 1, 20)] + "…")
    sys.stderr.write(f"About to delete {len(records)} engagement(s):\n" + "\n".join(lines) + "\n")
    while True:
        try:
            answer = _ask_on_stderr(question)
        except (EOFError, KeyboardInterrupt):
            sys.stderr.write("\n")
            return False
        answer = answer.strip().casefold()
        if answer in ("y", "yes"):
            return True
        if answer in ("n", "no"):
            return False
        sys.stderr.write("Please answer y (delete) or n (keep them).\n")


def _ask_on_stderr(question: str) -> str:
    # Not input(): it prompts on stdout, and stdout carries the deleted ids.
    sys.stderr.write(question)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line

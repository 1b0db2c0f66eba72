"""The delete prompt: what is about to go, and a yes or a no before it goes."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Engagement


def confirm_delete(records: list[Engagement]) -> bool:
    """Show what would be deleted (id, date, pair, summary) and ask until the answer is yes or no."""
    import shutil

    from ..render import pair_name
    from ..review import ask
    from ..text import printable

    width = shutil.get_terminal_size().columns
    id_width = max(len(str(record.id)) for record in records)
    question = "Delete it? [y/n]" if len(records) == 1 else "Delete them? [y/n]"
    lines = []
    for record in records:
        line = printable(f"  {record.id:>{id_width}}  {record.date:<10}  {pair_name(record.countries)}  "
                         f"{record.summary or ''}".rstrip())  # fmt: skip
        lines.append(line if len(line) <= width else line[: max(width - 1, 20)] + "…")
    sys.stderr.write(f"About to delete {len(records)} engagement(s):\n" + "\n".join(lines) + "\n")
    # Prompts on stderr (stdout carries the deleted ids); end of input and Ctrl-C mean no.
    return ask(question, {"y": "yes", "n": "no"}) == "y"

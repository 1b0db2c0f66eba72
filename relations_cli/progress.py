"""Progress bars for long work: on stderr, and only when stderr is a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

# Below this many items the work is over before a bar would be read.
MIN_ITEMS = 200


def wanted(total: int | None = None, minimum: int = MIN_ITEMS) -> bool:
    if total is not None and total < minimum:
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return sys.stderr.isatty()


def track(items: Iterable[T], description: str, total: int | None = None, minimum: int = MIN_ITEMS) -> Iterator[T]:
    """Yield the items, drawing a bar on a terminal's stderr; on a pipe, nothing is drawn."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    if not wanted(total, minimum):
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=sys.stderr, no_color=bool(os.environ.get("NO_COLOR")))
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)

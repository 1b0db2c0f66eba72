"""What an imported GDELT or ICEWS engagement says: code names, counts, places and ids, worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .conftest import Run
from .test_events import EXCERPT, gdelt_row


def _gdelt(run: Run, tmp_path: Path, *rows: str) -> list[dict[str, Any]]:
    source = tmp_path / "events.CSV"
    source.write_text("\n".join(rows) + "\n")
    result = run("import", str(source), "--from", "gdelt")
    assert result.exit_code == 0, result.stderr
    records: list[dict[str, Any]] = json.loads(run("export").stdout)
    return records


def test_a_sub_code_without_a_name_of_its_own_is_named_by_its_parent(run: Run, tmp_path: Path) -> None:
    # CAMEO 0341 (intent to change leadership) has no entry of its own; 034 is its parent.
    [record] = _gdelt(run, tmp_path, gdelt_row("20240306", "ROM", "MDA", "0341"))
    assert record["summary"] == "Moldova and Romania: express intent to institute political reform (1 GDELT event)"
    assert (record["kind"], record["areas"], record["tags"]) == ("statement", ["political"], ["cameo:0341", "gdelt"])

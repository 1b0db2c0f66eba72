"""The names the database file is made of: its format name and its two tables."""

from __future__ import annotations

from typing import Any

FORMAT = "relations"
META = "meta"  # one document: the format name, the schema version and the next id
TABLE = "engagements"  # the records, keyed by id

Tables = dict[str, dict[str, dict[str, Any]]]

"""A small database for the brief and graph tests, with figures worked out by hand in the tests.

Five engagements: a partial year (2019), a partial month (2021-03) that is also a trilateral
(AZE-PAK-TUR), an agreement with no source url, a pair with one engagement (AZE-GEO), and empty
years between them (2020, 2022).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from relations_cli.models import Engagement, parse_record


def _who(name: str, role: str, country: str) -> dict[str, str]:
    return {"name": name, "role": role, "country": country}


HASANOV = _who("Zakir Hasanov", "Defence Minister", "AZE")
JALAL = _who("Zobaida Jalal", "Defence Production Minister", "PAK")
ALIYEV = _who("Ilham Aliyev", "President", "AZE")
SHARIF = _who("Shehbaz Sharif", "Prime Minister", "PAK")

DATA: list[dict[str, Any]] = [
    {"id": 1, "date": "2019", "countries": ["AZE", "PAK"], "kind": "meeting", "areas": ["military"],
     "location": {"country": "AZE", "place": "Baku"}, "participants": [HASANOV, JALAL], "mentioned": ["ARM"],
     "summary": "Defence ministers met in Baku.",
     "source": {"outlet": "Outlet A", "url": "https://a.example/1"}},
    {"id": 2, "date": "2021-03", "countries": ["AZE", "PAK", "TUR"], "kind": "exercise",
     "areas": ["military", "security"], "location": {"country": "PAK", "place": None},
     "summary": "Three Brothers joint drills.", "source": {"outlet": "Outlet B", "url": "https://b.example/2"}},
    {"id": 3, "date": "2021-11-20", "countries": ["AZE", "PAK"], "kind": "agreement", "areas": ["energy", "trade"],
     "location": {"country": "AZE", "place": "Baku"}, "participants": [ALIYEV, SHARIF, HASANOV],
     "mentioned": ["TUR", "ARM"], "summary": "Signed a trade accord.", "source": {"outlet": "Outlet C"}},
    {"id": 4, "date": "2021-12-05", "countries": ["AZE", "GEO"], "kind": "call", "areas": ["energy"],
     "summary": "Leaders spoke about gas transit.", "source": {"outlet": "Outlet D", "url": "https://d.example/4"}},
    {"id": 5, "date": "2023-06-01", "countries": ["AZE", "PAK"], "kind": "meeting", "areas": ["energy"],
     "location": {"country": "PAK", "place": "Islamabad"}, "participants": [ALIYEV, SHARIF],
     "summary": "State visit to Islamabad.", "source": {"outlet": "Outlet E", "url": "https://e.example/5"}},
]  # fmt: skip


def records() -> list[Engagement]:
    return [parse_record(d) for d in DATA]


def write(path: Path) -> Path:
    """The records as a JSONL file to import."""
    path.write_text("".join(json.dumps(d) + "\n" for d in DATA))
    return path

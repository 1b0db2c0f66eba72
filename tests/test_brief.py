"""brief: each section's figures on the small database of brief_data.py, worked out by hand, and the command."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from relations_cli.brief import Brief, build, to_json
from relations_cli.formats import dumps

from . import brief_data
from .conftest import SAMPLE, Run


def pair_brief(*codes: str) -> Brief:
    chosen = [r for r in brief_data.records() if set(codes).issubset(r.countries)]
    return build(chosen, codes)


@pytest.fixture
def loaded(run: Run, tmp_path: Path) -> Run:
    result = run("import", str(brief_data.write(tmp_path / "brief.jsonl")))
    assert result.exit_code == 0, result.stderr
    return run


def test_headline_counts_the_trilateral_and_reads_partial_dates() -> None:
    h = pair_brief("AZE", "PAK").headline
    # 1 (2019), 2 (2021-03, with TUR), 3 (2021-11-20), 5 (2023-06-01); 4 is AZE-GEO.
    assert (h.engagements, h.first, h.last) == (4, "2019", "2023-06-01")
    assert (h.busiest_year, h.busiest_year_engagements) == ("2021", 2)
    assert h.kinds == {"meeting": 2, "agreement": 1, "exercise": 1}
    assert (h.military, h.military_share) == (2, 0.5)  # 1 and 2 have a military area
    assert (h.areas, h.partners) == (4, 1)  # military, security, trade, energy; Türkiye


def test_timeline_by_year_keeps_the_empty_years() -> None:
    t = pair_brief("AZE", "PAK").timeline
    assert t.by == "year"
    assert [(p.period, p.engagements) for p in t.periods] == [
        ("2019", 1), ("2020", 0), ("2021", 2), ("2022", 0), ("2023", 1),
    ]  # fmt: skip
    assert t.periods[2].kinds == {"agreement": 1, "exercise": 1}
    assert t.periods[1].kinds == {} and t.periods[1].areas == {}


def test_a_short_span_is_by_month_and_the_range_asked_for_widens_it() -> None:
    chosen = [r for r in brief_data.records() if {"AZE", "PAK"} <= set(r.countries) and r.date.startswith("2021")]
    t = build(chosen, ["AZE", "PAK"], ("2021-01-01", "2021-12-31")).timeline
    assert t.by == "month"
    assert len(t.periods) == 12 and t.periods[0].period == "2021-01"
    assert {p.period: p.engagements for p in t.periods if p.engagements} == {"2021-03": 1, "2021-11": 1}


def test_areas_over_time_and_their_trend_against_the_periods_before() -> None:
    rows = {r.area: r for r in pair_brief("AZE", "PAK").areas}
    assert list(rows) == ["energy", "military", "security", "trade"]  # busiest first, then by name
    energy = rows["energy"]
    assert (energy.counts, energy.latest, energy.before, energy.trend) == ([0, 0, 1, 0, 1], 1, 0.25, "rising")
    assert (rows["military"].counts, rows["military"].trend) == ([1, 0, 1, 0, 0], "fading")


def test_agreements_people_places_and_formats() -> None:
    b = pair_brief("AZE", "PAK")
    assert [(a.id, a.date, a.url) for a in b.agreements] == [(3, "2021-11-20", None)]
    people = {p.name: p for p in b.people}
    assert [p.name for p in b.people] == ["Ilham Aliyev", "Shehbaz Sharif", "Zakir Hasanov", "Zobaida Jalal"]
    assert people["Zakir Hasanov"].engagements == 2
    assert people["Zakir Hasanov"].counterparts == {"Shehbaz Sharif": 1, "Zobaida Jalal": 1}
    assert people["Shehbaz Sharif"].counterparts == {"Ilham Aliyev": 2, "Zakir Hasanov": 1}  # most frequent first
    assert people["Zakir Hasanov"].roles == ["Defence Minister"]
    assert [(p.place, p.country, p.engagements) for p in b.places] == [
        ("Baku", "AZE", 2), ("Islamabad", "PAK", 1), (None, "PAK", 1),
    ]  # fmt: skip
    assert b.third_countries == {"TUR": 1}
    assert b.mentioned == {"ARM": 2, "TUR": 1}
    assert [i.id for i in b.latest] == [5, 3, 2, 1]  # newest first


def test_a_pair_with_one_engagement() -> None:
    b = pair_brief("AZE", "GEO")
    assert (b.headline.engagements, b.headline.first, b.headline.last) == (1, "2021-12-05", "2021-12-05")
    assert b.timeline.by == "month" and [p.period for p in b.timeline.periods] == ["2021-12"]
    assert [(r.area, r.counts, r.trend) for r in b.areas] == [("energy", [1], "")]  # one period: no trend
    assert b.people == [] and b.places == [] and b.agreements == []
    assert [i.url for i in b.latest] == ["https://d.example/4"]


def test_one_country_ranks_its_partners() -> None:
    b = build(brief_data.records(), ["AZE"])
    assert b.headline.engagements == 5 and b.headline.partners == 3
    assert [(p.country, p.engagements) for p in b.partners] == [("PAK", 4), ("GEO", 1), ("TUR", 1)]
    assert b.partners[0].areas == {"energy": 2, "military": 2, "security": 1, "trade": 1}
    assert [i.id for i in b.latest] == [5, 4, 3, 2, 1]
    data = json.loads(dumps(to_json(b)))
    assert "people" not in data and data["partners"][0]["country"] == "PAK"


def test_json_has_every_section_under_stable_keys(loaded: Run) -> None:
    result = loaded("brief", "Azerbaijan", "Pakistani", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["kind", "countries", "headline", "timeline", "areas", "latest", "agreements", "people",
                          "places", "third_countries", "mentioned"]  # fmt: skip
    assert data["kind"] == "pair" and data["countries"] == ["AZE", "PAK"]
    assert data["headline"]["engagements"] == 4
    assert data["areas"][0] == {"area": "energy", "engagements": 2, "counts": [0, 0, 1, 0, 1], "latest": 1,
                                "before": 0.25, "trend": "rising"}  # fmt: skip
    assert data["latest"][0]["url"] == "https://e.example/5"


def test_filters_apply(loaded: Run) -> None:
    data = json.loads(loaded("brief", "AZ", "PK", "--since", "2021", "--area", "energy", "--json").stdout)
    assert data["headline"]["engagements"] == 2  # 3 and 5
    assert data["timeline"]["periods"][0]["period"] == "2021"
    # A country's brief reads only the index, and the lines of its latest engagements.
    country = json.loads(loaded("brief", "AZ", "--latest", "2", "--json").stdout)
    assert [(i["id"], i["summary"]) for i in country["latest"]] == [
        (5, "State visit to Islamabad."), (4, "Leaders spoke about gas transit."),
    ]  # fmt: skip


def test_a_filter_that_leaves_nothing_says_so_and_succeeds(loaded: Run) -> None:
    result = loaded("brief", "AZ", "PK", "--kind", "statement")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no engagements of Azerbaijan and Pakistan match" in result.stderr
    as_json = loaded("brief", "AZ", "PK", "--kind", "statement", "--format", "json")
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["headline"]["engagements"] == 0
    memo = loaded("brief", "AZ", "PK", "--kind", "statement", "--format", "md")
    assert "No engagements match." in memo.stdout


@pytest.mark.parametrize("args", [["brief"], ["brief", "AZ", "PK", "TR"], ["brief", "AZ", "--latest", "-1"]])
def test_one_or_two_countries_only(loaded: Run, args: list[str]) -> None:
    result = loaded(*args)
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")


def test_markdown_memo(loaded: Run) -> None:
    memo = loaded("brief", "AZ", "PK", "--format", "md").stdout
    assert memo.startswith("# Azerbaijan – Pakistan: the relationship\n")
    assert "| Area | 2019 | 2020 | 2021 | 2022 | 2023 | All | Trend |" in memo
    assert "| energy |  |  | 1 |  | 1 | 2 | rising |" in memo
    assert "| 2021-11-20 | Signed a trade accord. | Outlet C |" in memo  # no url: the outlet alone
    assert "[Outlet E](<https://e.example/5>)" in memo
    assert "2020  0" in memo  # the empty year is in the text timeline


def test_output_file_takes_its_format_from_its_ending(loaded: Run, tmp_path: Path, db: Path) -> None:
    out = tmp_path / "brief.json"
    result = loaded("brief", "AZ", "PK", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["headline"]["engagements"] == 4
    md = tmp_path / "brief.md"
    assert loaded("brief", "AZ", "-o", str(md)).exit_code == 0
    assert md.read_text().startswith("# Azerbaijan: its relations")
    before = db.read_bytes()
    refused = loaded("brief", "AZ", "PK", "--format", "md", "-o", str(db))
    assert refused.exit_code == 2 and db.read_bytes() == before


def test_html_page_is_self_contained(loaded: Run) -> None:
    page = loaded("brief", "AZ", "PK", "--format", "html").stdout
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == 2  # the timeline and the areas
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert 'href="https://e.example/5"' in page
    one = loaded("brief", "AZ", "--format", "html").stdout
    assert one.count("<svg") == 3 and "Partners by engagements" in one


def test_html_escapes_text_from_articles(run: Run, add: object) -> None:
    assert callable(add)
    add("AZ", "PK", "--date", "2024-01-01", "--summary", "<script>alert(1)</script> & [bold]x[/bold]",
        "--url", "javascript:alert(1)")  # fmt: skip
    page = run("brief", "AZ", "PK", "--format", "html").stdout
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page


def test_sample_brief_runs_in_every_format() -> None:
    from .conftest import relations

    for fmt in ("table", "md", "json", "html"):
        done = relations("brief", "AZ", "PK", "--format", fmt, db=SAMPLE)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip()


def test_output_paths_keep_symlinks_and_fifos(loaded: Run, tmp_path: Path) -> None:
    import stat
    import threading

    target = tmp_path / "real.md"
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert loaded("brief", "AZ", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and target.read_text().startswith("# Azerbaijan")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert loaded("brief", "AZ", "--format", "json", "-o", str(fifo)).exit_code == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # written as a stream, not replaced by a file
    assert json.loads(got[0])["kind"] == "country"
    missing = loaded("brief", "AZ", "-o", str(tmp_path / "no" / "such" / "dir.md"))
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: cannot write")


def test_latest_lines_that_moved_are_read_again(loaded: Run, db: Path) -> None:
    from relations_cli.storage.records import documents
    from relations_cli.storage.source import Source
    from relations_cli.storage.store import Store

    # Rows as the index gives them when the file is settled: spans, the file not yet read.
    source = Source(None, db, db.open("rb"))
    rows = [r._replace(source=source, parsed=None) for r in Store(db).rows()]
    first, second = rows[0], rows[1]
    # As if the file had been replaced since the index was read: the first record's span now holds another line.
    moved = first._replace(span=second.span)
    docs = documents([moved, second])
    assert [d["summary"] for d in docs] == ["Defence ministers met in Baku.", "Three Brothers joint drills."]
    source.close()

"""import --from icews / gdelt: coded events collapsed into engagements, with a report of what was skipped."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import orjson
import pytest

from relations_cli import countries
from relations_cli.models import Engagement
from relations_cli.storage.change import stored_doc

from .conftest import ROOT, Run

FIXTURES = Path(__file__).parent / "fixtures"
EXCERPT = FIXTURES / "icews-excerpt.tab"
FULL_SAMPLE = ROOT.parent / "shared" / "data" / "icews" / "events.2018.sample.tab"

# Counted by hand from the sample's lines for each pair (both directions, CAMEO 03-06 only):
# ISR-RUS 1 June: statement (050, 051), other (040), call (041), meeting (042, 043, 046), agreement (057) -> 5.
# GEO-TUR 1 June: other (040), call (041), statement (051) -> 3.
# ARM-GEO 1 June: other (040), meeting (042, 043) -> 2.
# AND-ISR: a meeting (036) on 1 June and another on 2 June -> 2.
# IND-SGP 1 June: statement (030), meeting (036, 042, 043, 046), other (040), agreement (057);
#         2 June: other (040), meeting (042, 043) -> 6.
HAND_COUNTED = {("ISR", "RUS"): 5, ("GEO", "TUR"): 3, ("ARM", "GEO"): 2, ("AND", "ISR"): 2, ("IND", "SGP"): 6}


def _records(run: Run) -> list[dict[str, Any]]:
    result = run("export")
    assert result.exit_code == 0, result.stderr
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records


def _pair_counts(records: list[dict[str, Any]]) -> dict[tuple[str, ...], int]:
    counts: dict[tuple[str, ...], int] = {}
    for r in records:
        pair = tuple(r["countries"])
        counts[pair] = counts.get(pair, 0) + 1
    return counts


def _assert_clean(records: list[dict[str, Any]]) -> None:
    occasions = set()
    for r in records:
        codes = r["countries"]
        assert len(set(codes)) == 2
        assert all(countries.is_code(c) for c in codes)
        occasion = (r["date"], tuple(codes), r["kind"])
        assert occasion not in occasions  # A->B and B->A are one engagement
        occasions.add(occasion)


def test_icews_events_collapse_to_the_hand_counted_engagements(run: Run) -> None:
    result = run("import", str(EXCERPT), "--from", "icews", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["events"] == {
        "read": 309,
        "taken": 143,
        "skipped": {
            "an actor without a country": 6,
            "both actors in the same country": 16,
            "not cooperation (CAMEO root outside 03-06)": 144,
        },
    }
    assert report["imported"] == 76 and report["skipped"] == 0
    assert "events: 309 read, 143 taken" in result.stderr
    records = _records(run)
    _assert_clean(records)
    counts = _pair_counts(records)
    assert {pair: counts.get(pair) for pair in HAND_COUNTED} == HAND_COUNTED


def test_one_meeting_coded_many_times_becomes_one_record_with_its_codes_and_place(run: Run) -> None:
    run("import", str(EXCERPT), "--from", "icews")
    listed = json.loads(run("list", "Israel", "Russia", "--kind", "meeting", "--json").stdout)
    assert len(listed) == 1
    meeting = listed[0]
    assert meeting["date"] == "2018-06-01"
    assert meeting["location"] == {"country": "RUS", "place": "Moscow"}
    assert meeting["areas"] == ["political"]
    assert meeting["tags"] == ["cameo:042", "cameo:043", "cameo:046", "icews"]
    assert "Israel and Russia" in meeting["summary"] and "10 ICEWS events" in meeting["summary"]
    # Georgia-Turkey consultations were placed in Ankara and in Baku: no single place is claimed.
    other = json.loads(run("list", "GE", "TR", "--kind", "other", "--json").stdout)[0]
    assert other["location"] == {"country": None, "place": None}


def test_icews_na_is_unknown_not_namibia_and_congo_is_the_republic(run: Run, tmp_path: Path) -> None:
    header = EXCERPT.read_text().splitlines()[0]
    base = ["1", "2018-06-01", "A", "Gov", "France", "Consult", "040", "1", "B", "Gov", "NA", "9", "1", "Pub",
            "Paris", "NA", "NA", "France", "0", "0"]  # fmt: skip
    congo = [*base[:10], "Congo", *base[11:]]
    source = tmp_path / "events.tab"
    source.write_text("\n".join([header, "\t".join(base), "\t".join(congo)]) + "\n")
    report = json.loads(run("import", str(source), "--from", "icews", "--json").stdout)
    assert report["events"]["skipped"] == {"an actor without a country": 1}
    assert [r["countries"] for r in _records(run)] == [["COG", "FRA"]]


def test_events_already_stored_are_counted_not_added_twice(run: Run) -> None:
    run("add", "Israel", "Russia", "--date", "2018-06-01", "--kind", "meeting", "--summary", "Netanyahu in Moscow")
    first = json.loads(run("import", str(EXCERPT), "--from", "icews", "--json").stdout)
    assert (first["imported"], first["skipped"]) == (75, 1)
    again = run("import", str(EXCERPT), "--from", "icews", "--json")
    assert json.loads(again.stdout)["imported"] == 0
    assert "imported 0, skipped 76" in again.stderr
    assert len(_records(run)) == 76


def test_dry_run_shows_the_first_drafts_on_screen_all_of_them_as_data_and_writes_nothing(run: Run, db: Path) -> None:
    result = run("import", str(EXCERPT), "--from", "icews", "--dry-run")
    assert result.exit_code == 0
    assert "would import 76, skipped 0" in result.stderr
    assert "20 engagements" in result.stdout and "showing the first 20 of 76 drafts" in result.stderr
    lines = run("import", str(EXCERPT), "--from", "icews", "--dry-run", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 76 and json.loads(lines[0])["date"] == "2018-06-01"
    report = json.loads(run("import", str(EXCERPT), "--from", "icews", "--dry-run", "--json").stdout)
    assert report["imported"] == 76 and len(report["drafts"]) == 76
    assert not db.exists()


def test_a_file_that_is_not_icews_is_refused_and_nothing_written(run: Run, db: Path, tmp_path: Path) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    other = tmp_path / "notes.tab"
    other.write_text("date\twhat\n2021-01-01\tsomething\n")
    result = run("import", str(other), "--from", "icews")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "not an ICEWS event file" in result.stderr
    assert run("import", str(EXCERPT), "--from", "gdelt").exit_code == 2
    assert run("import", str(EXCERPT), "--from", "icews", "--format", "csv").exit_code == 2
    assert db.read_bytes() == before


@pytest.mark.skipif(not FULL_SAMPLE.exists(), reason="the full ICEWS sample is in ../shared, outside a fresh clone")
def test_the_whole_icews_sample(run: Run) -> None:
    report = json.loads(run("import", str(FULL_SAMPLE), "--from", "icews", "--json").stdout)
    assert report["events"]["read"] == 3705
    assert report["imported"] == 296
    records = _records(run)
    _assert_clean(records)
    counts = _pair_counts(records)
    assert {pair: counts.get(pair) for pair in HAND_COUNTED} == HAND_COUNTED


# -- GDELT ---------------------------------------------------------------------

# Positions in the GDELT 2.0 event export (61 tab-separated columns, no header), from its codebook.
G2 = {"id": 0, "day": 1, "actor1": 7, "actor2": 17, "code": 26, "base": 27, "root": 28,
      "geo_type": 51, "geo_name": 52, "geo_fips": 53, "added": 59, "url": 60}  # fmt: skip


def gdelt_row(day: str, actor1: str, actor2: str, code: str, place: str = "", fips: str = "", url: str = "",
              width: int = 61) -> str:  # fmt: skip
    row = [""] * width
    at = G2 if width == 61 else {**G2, "geo_name": 50, "geo_fips": 51, "added": 56, "url": 57}
    values = {"id": "1", "day": day, "actor1": actor1, "actor2": actor2, "code": code, "base": code[:3],
              "root": code[:2], "geo_name": place, "geo_fips": fips, "added": day + "000000", "url": url}  # fmt: skip
    for name, value in values.items():
        if at[name] < width:
            row[at[name]] = value
    return "\t".join(row)


def imported_gdelt(run: Run, tmp_path: Path, *rows: str) -> list[dict[str, Any]]:
    """The records a GDELT file of these rows imports as, exported."""
    source = tmp_path / "events.CSV"
    source.write_text("\n".join(rows) + "\n")
    result = run("import", str(source), "--from", "gdelt")
    assert result.exit_code == 0, result.stderr
    records: list[dict[str, Any]] = json.loads(run("export").stdout)
    return records


GDELT_ROWS = [
    # One visit coded from both sides, placed by FIPS code GM: Germany (in ISO, GM is the Gambia).
    gdelt_row("20240305", "FRA", "DEU", "042", "Berlin, Berlin, Germany", "GM", "https://example.org/a"),
    gdelt_row("20240305", "DEU", "FRA", "043", "Berlin, Berlin, Germany", "GM", "https://example.org/b"),
    # ROM is CAMEO's code for Romania, not ISO's; FIPS RO is Romania too.
    gdelt_row("20240306", "ROM", "MDA", "0312", "Bucharest, Bucuresti, Romania", "RO", "https://example.org/c"),
    # AJ is Azerbaijan in FIPS; the place names only the country.
    gdelt_row("20240307", "AZE", "PAK", "057", "Azerbaijan", "AJ", "https://example.org/d"),
    gdelt_row("20240307", "EUR", "PAK", "042"),  # a region
    gdelt_row("20240307", "", "PAK", "042"),  # no actor country
    gdelt_row("20240307", "AZE", "AZE", "042"),  # one country
    gdelt_row("20240307", "AZE", "ARM", "190"),  # fighting is not cooperation
]


def test_a_gdelt_2_file_imports_with_cameo_and_fips_codes_mapped(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "20240307.export.CSV"
    source.write_text("\n".join(GDELT_ROWS) + "\n")
    report = json.loads(run("import", str(source), "--from", "gdelt", "--json").stdout)
    assert report["events"] == {
        "read": 8,
        "taken": 4,
        "skipped": {
            "an actor that is a region, not a country": 1,
            "an actor without a country": 1,
            "both actors in the same country": 1,
            "not cooperation (CAMEO root outside 03-06)": 1,
        },
    }
    records = {tuple(r["countries"]): r for r in _records(run)}
    assert set(records) == {("DEU", "FRA"), ("MDA", "ROU"), ("AZE", "PAK")}
    visit = records[("DEU", "FRA")]
    assert (visit["date"], visit["kind"]) == ("2024-03-05", "meeting")
    assert visit["location"] == {"country": "DEU", "place": "Berlin"}
    assert visit["source"]["url"] == "https://example.org/a"
    assert visit["tags"] == ["cameo:042", "cameo:043", "gdelt"]
    military = records[("MDA", "ROU")]
    assert (military["kind"], military["areas"]) == ("statement", ["military"])
    signed = records[("AZE", "PAK")]
    assert signed["kind"] == "agreement"
    assert signed["location"] == {"country": "AZE", "place": None}


def test_places_and_urls_with_quotes_backslashes_and_control_characters_are_stored_as_read(
    run: Run, tmp_path: Path, db: Path
) -> None:
    # A draft's JSON is filled into a template, not encoded whole: it must still be the very bytes
    # orjson writes for the record (the store's in-place edits and checks rely on it), read back intact.
    place, url = 'Sa\\nt "Ana"\x01 東京 🙂', 'https://example.org/a?q="x"\\y\x02ü'
    source = tmp_path / "20240305.export.CSV"
    source.write_text(gdelt_row("20240305", "ITA", "DEU", "042", f"{place}, Lazio, Italy", "IT", url) + "\n")
    assert run("import", str(source), "--from", "gdelt").exit_code == 0
    [record] = _records(run)
    assert record["location"] == {"country": "ITA", "place": place}
    assert record["source"]["url"] == url
    assert record["summary"] == "Germany and Italy: make a visit (1 GDELT event)"
    lines = db.read_bytes().splitlines()
    stored = lines[lines.index(b'  "engagements": {') + 1].removeprefix(b'    "1": ')
    assert stored == orjson.dumps(stored_doc(Engagement.from_stored(json.loads(stored), 1)))


def _gz(text: str) -> bytes:
    return gzip.compress(text.encode())


def _zip(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("20240307.export.CSV", text)
    return buffer.getvalue()


@pytest.mark.parametrize("pack", [_gz, _zip])
def test_gdelt_reads_compressed_files_and_stdin(run: Run, tmp_path: Path, pack: object) -> None:
    text = "\n".join(GDELT_ROWS) + "\n"
    packed = pack(text)  # type: ignore[operator]
    source = tmp_path / "events.gz"
    source.write_bytes(packed)
    assert json.loads(run("import", str(source), "--from", "gdelt", "--json").stdout)["imported"] == 3
    # stdin is recognised by content, not name
    assert json.loads(run("import", "-", "--from", "gdelt", "--json", input=text).stdout)["skipped"] == 3


def test_gdelt_1_daily_files_with_58_columns(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "20130401.export.CSV"
    source.write_text(gdelt_row("20130401", "USA", "KOS", "041", "Pristina, Kosovo", "KV", "https://x.test", 58))
    report = json.loads(run("import", str(source), "--from", "gdelt", "--json").stdout)
    assert report["imported"] == 1
    record = _records(run)[0]
    assert (record["countries"], record["kind"]) == (["USA", "XKX"], "call")
    assert record["location"] == {"country": "XKX", "place": "Pristina"}

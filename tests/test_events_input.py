"""Event files that are damaged, hostile or odd: refused with a message or counted, never a traceback;
and what an imported engagement says (place, code names, plurals, id order)."""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest

from relations_cli.events import sql
from relations_cli.events.engine import Scan
from relations_cli.events.sources import gather

from .conftest import Run
from .test_events import EXCERPT, gdelt_row, imported_gdelt

ICEWS_HEADER = EXCERPT.read_text().splitlines()[0]


def _icews_row(date: str, source: str, target: str, code: str = "040") -> str:
    row = ["1", date, "A", "Gov", source, "Consult", code, "1", "B", "Gov", target, "9", "1", "Pub",
           "Paris", "NA", "NA", "France", "0", "0"]  # fmt: skip
    return "\t".join(row)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _refused(run: Run, db: Path, path: Path, dataset: str, words: str) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    result = run("import", str(path), "--from", dataset)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("Error: ") and words in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert db.read_bytes() == before


def test_a_bomb_whose_trailer_lies_about_its_size_is_judged_on_its_start(run: Run, db: Path, tmp_path: Path) -> None:
    row = gdelt_row("20240305", "FRA", "DEU", "042").encode() + b"\n"  # a real first line, then zeros
    packed = bytearray(gzip.compress(row + b"\0" * (80 << 20), 9))  # over 64 kB packed: more than one read
    assert len(packed) > 64 << 10
    packed[-4:] = (1000).to_bytes(4, "little")  # the size it states: 1,000 bytes
    bomb = tmp_path / "bomb.CSV.gz"
    bomb.write_bytes(bytes(packed))
    _refused(run, db, bomb, "gdelt", "expands more than 100 times its size")


@pytest.mark.parametrize("packing", ["gz", "zip"])
def test_a_decompression_bomb_is_refused_before_it_fills_memory(run: Run, db: Path, tmp_path: Path,
                                                                packing: str) -> None:  # fmt: skip
    zeros = b"\0" * (24 << 20)  # 24 MiB that pack into a few kilobytes
    bomb = tmp_path / f"bomb.{packing}"
    bomb.write_bytes(gzip.compress(zeros, 9) if packing == "gz" else _zip({"events.CSV": zeros}))
    assert bomb.stat().st_size < 100_000
    _refused(run, db, bomb, "gdelt", "expands more than 100 times its size")


def _rows_gz(count: int) -> bytes:
    return gzip.compress(
        "".join(gdelt_row("20240305", "FRA", "DEU", f"04{n % 10}") + "\n" for n in range(count)).encode()
    )


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda packed: packed[: len(packed) // 2], "it ends before its content does"),  # a download cut short
        (lambda packed: packed + b"junk\n", "other data after its end"),  # its last bytes are no size
        (lambda packed: packed + bytes(512), "other data after its end"),  # padded by a tape tool
        (lambda packed: packed[:3], "3 bytes, too short to be one"),
    ],
)
def test_a_damaged_gzip_file_is_called_damaged_not_a_bomb(
    run: Run, db: Path, tmp_path: Path, damage: Any, words: str
) -> None:
    source = tmp_path / "events.CSV.gz"
    source.write_bytes(damage(_rows_gz(400)))
    _refused(run, db, source, "gdelt", f"events.CSV.gz: damaged gzip file: {words}")


def test_an_encrypted_zip_is_refused_with_a_message(run: Run, db: Path, tmp_path: Path) -> None:
    data = bytearray(_zip({"events.CSV": gdelt_row("20240305", "FRA", "DEU", "042").encode()}))
    # Set the "encrypted" flag in the local and the central header, as an encrypting tool would.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature) + offset
        data[at] |= 0x1
    archive = tmp_path / "events.zip"
    archive.write_bytes(bytes(data))
    _refused(run, db, archive, "gdelt", "encrypted")


def test_a_zip_compressed_with_an_unsupported_method_is_refused(run: Run, db: Path, tmp_path: Path) -> None:
    data = bytearray(_zip({"events.CSV": gdelt_row("20240305", "FRA", "DEU", "042").encode()}))
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.index(signature) + offset
        data[at : at + 2] = (9).to_bytes(2, "little")  # Deflate64
    archive = tmp_path / "events.zip"
    archive.write_bytes(bytes(data))
    _refused(run, db, archive, "gdelt", "method 9, which is not supported")


@pytest.mark.parametrize("column", ["Target Country", "Event Date"])
def test_an_icews_header_without_a_required_column_names_it(run: Run, db: Path, tmp_path: Path, column: str) -> None:
    header = ICEWS_HEADER.replace(column, "Something Else")
    source = tmp_path / "events.tab"
    source.write_text(header + "\n" + _icews_row("2018-06-01", "France", "Germany") + "\n")
    _refused(run, db, source, "icews", f"no '{column}' column")


def test_bad_dates_and_malformed_rows_are_counted_not_fatal(run: Run, tmp_path: Path) -> None:
    icews = tmp_path / "events.tab"
    rows = [_icews_row("2018-06-01", "France", "Germany"), _icews_row("2018-13-45", "France", "Italy"),
            _icews_row("٢٠١٨-٠٦-٠١", "France", "Spain"), "1\t2018-06-01\ttoo short"]  # fmt: skip
    icews.write_text("\n".join([ICEWS_HEADER, *rows]) + "\n")
    report = json.loads(run("import", str(icews), "--from", "icews", "--json").stdout)
    assert report["imported"] == 1
    assert report["events"]["read"] == 4 and report["events"]["skipped"] == {"malformed row": 3}
    gdelt = tmp_path / "events.CSV"
    gdelt.write_text("\n".join([gdelt_row("20240305", "FRA", "DEU", "042"), gdelt_row("20241399", "FRA", "ITA", "042"),
                                "\t".join(["x"] * 20), gdelt_row("20240305", "FRA", "ESP", "042")]) + "\n")  # fmt: skip
    result = run("import", str(gdelt), "--from", "gdelt", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["imported"] == 2 and report["events"]["skipped"] == {"malformed row": 2}


def test_in_a_folder_of_gzip_files_the_first_bad_one_in_order_is_named(run: Run, db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "day"
    folder.mkdir()
    for n in range(6):
        (folder / f"2024030{n}.export.CSV.gz").write_bytes(
            gzip.compress(gdelt_row(f"2024030{n + 1}", "FRA", "DEU", "042").encode())
        )
    # the first bad file takes longest to judge; the one after it fails at once
    (folder / "20240302.export.CSV.gz").write_bytes(gzip.compress(b"\0" * (24 << 20), 9))
    (folder / "20240304.export.CSV.gz").write_bytes(gzip.compress(b"x")[:10] + b"\xff" * 40)  # not deflate
    _refused(run, db, folder, "gdelt", "20240302.export.CSV.gz: expands more than 100 times")


def test_of_several_bad_sources_the_first_is_named_whatever_is_wrong_with_it(
    run: Run, db: Path, tmp_path: Path
) -> None:
    # a wrong layout is found after the files are unpacked, a missing file before: the order still decides
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.CSV").write_text("not\tgdelt\tat all\n")
    (folder / "b.CSV.gz").write_bytes(_rows_gz(10)[:40])
    _refused(run, db, folder, "gdelt", "a.CSV: not a GDELT event file")
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    result = run("import", str(folder / "b.CSV.gz"), str(tmp_path / "missing.CSV"), "--from", "gdelt")
    assert result.exit_code == 2 and "b.CSV.gz: damaged gzip file" in result.stderr
    assert db.read_bytes() == before


def test_a_gzip_file_of_several_members_is_read_whole(run: Run, tmp_path: Path) -> None:
    # `cat a.gz b.gz > c.gz` makes one file of two members; here the first is empty, as some tools write it,
    # so that the file's first line is in the second member.
    rows = [gdelt_row("20240305", "FRA", "DEU", "042"), gdelt_row("20240306", "ROM", "MDA", "0312")]
    joined = tmp_path / "joined.CSV.gz"
    joined.write_bytes(b"".join(gzip.compress(part.encode()) for part in ["", rows[0] + "\n", rows[1] + "\n"]))
    records = json.loads(run("import", str(joined), "--from", "gdelt", "--json").stdout)
    assert records["imported"] == 2 and records["events"]["read"] == 2


def test_a_missing_file_is_named(run: Run, tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "nowhere.CSV"), "--from", "gdelt")
    assert result.exit_code == 2 and "nowhere.CSV: no such file" in result.stderr


# -- what an imported engagement says (issue 19, items 6-8) ---------------------------------------


def test_events_in_two_cities_of_one_country_keep_the_country(run: Run, tmp_path: Path) -> None:
    [visit] = imported_gdelt(run, tmp_path, gdelt_row("20240305", "FRA", "DEU", "042", "Berlin, Berlin, Germany", "GM"),
                      gdelt_row("20240305", "DEU", "FRA", "043", "Munich, Bayern, Germany", "GM"))  # fmt: skip
    assert visit["location"] == {"country": "DEU", "place": None}


def test_four_digit_codes_are_named_by_their_own_name(run: Run, tmp_path: Path) -> None:
    [record] = imported_gdelt(run, tmp_path, gdelt_row("20240306", "ROM", "MDA", "0312"))
    assert record["summary"] == "Moldova and Romania: express intent to cooperate militarily (1 GDELT event)"


def test_imported_engagements_get_ids_in_date_order_and_counts_say_events(run: Run, tmp_path: Path) -> None:
    records = imported_gdelt(run, tmp_path, gdelt_row("20240307", "AZE", "PAK", "057"),
                      gdelt_row("20240305", "DEU", "FRA", "042"), gdelt_row("20240305", "FRA", "DEU", "043"),
                      gdelt_row("20240306", "MDA", "ROU", "0312"))  # fmt: skip
    assert [(r["id"], r["date"], r["countries"]) for r in records] == [
        (1, "2024-03-05", ["DEU", "FRA"]),
        (2, "2024-03-06", ["MDA", "ROU"]),
        (3, "2024-03-07", ["AZE", "PAK"]),
    ]
    assert str(records[0]["summary"]).endswith("(2 GDELT events)")
    assert str(records[2]["summary"]).endswith("(1 GDELT event)")


def test_running_out_of_memory_or_disk_is_one_clear_line(run: Run, db: Path, tmp_path: Path) -> None:
    from relations_cli.errors import StoreError
    from relations_cli.events.sources import _copy

    rows = [gdelt_row(f"202403{d:02d}", a, b, "042", f"{a} town, x, y", "GM", f"https://e.org/{d}{a}{b}")
            for d in range(1, 29) for a in ("FRA", "DEU", "ITA", "ESP") for b in ("POL", "AUT", "CZE")]  # fmt: skip
    source = tmp_path / "events.CSV"
    source.write_text("\n".join(rows * 20) + "\n")
    result = run("import", str(source), "--from", "gdelt", env={"RELATIONS_EVENTS_MEMORY": "1MB"})
    assert result.exit_code == 1 and "out of memory" in result.stderr and "RELATIONS_EVENTS_MEMORY" in result.stderr
    assert not db.exists()
    assert run("import", str(source), "--from", "gdelt", env={"RELATIONS_EVENTS_MEMORY": "lots"}).exit_code == 2

    class FullDisk(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(StoreError, match="no space left on the temporary disk"):
        _copy(FullDisk(), tmp_path / "staged", "stdin")


def test_python_running_out_of_memory_or_disk_while_importing_events_is_one_line_and_no_write(
    run: Run, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relations_cli.events import merge

    source = tmp_path / "events.CSV"
    source.write_text(gdelt_row("20240305", "DEU", "FRA", "042") + "\n")
    assert run("import", str(source), "--from", "gdelt").exit_code == 0
    before = db.read_bytes()
    source.write_text(gdelt_row("20240306", "DEU", "POL", "042") + "\n")

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(merge, "utc_now", exhausted)
    result = run("import", str(source), "--from", "gdelt")
    assert result.exit_code == 1 and "out of memory while importing the events" in result.stderr
    assert "Traceback" not in result.stderr and db.read_bytes() == before

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(merge, "utc_now", full)
    result = run("import", str(source), "--from", "gdelt")
    assert result.exit_code == 1 and "no space left on the disk" in result.stderr
    assert db.read_bytes() == before


def test_memory_running_out_midway_through_writing_the_drafts_leaves_the_database_as_it_was(
    run: Run, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file is written as its bytes are made: a failure halfway must still leave the old file whole.
    from relations_cli.events.documents import Document
    from relations_cli.files import temporaries

    assert run("add", "AZ", "PK", "--date", "2021").exit_code == 0
    before = db.read_bytes()
    source = tmp_path / "events.CSV"
    source.write_text("\n".join(gdelt_row(f"202403{d:02}", "DEU", "FRA", "042") for d in range(1, 29)) + "\n")
    made = 0
    encode = Document.json_parts

    def failing(self: Document) -> tuple[bytes, bytes]:
        nonlocal made
        made += 1
        if made > 20:
            raise MemoryError
        return encode(self)

    monkeypatch.setattr(Document, "json_parts", failing)
    result = run("import", str(source), "--from", "gdelt")
    assert result.exit_code == 1 and "out of memory while importing the events" in result.stderr
    assert made > 20 and db.read_bytes() == before
    assert not temporaries(db)  # the half-written file is gone


def test_codes_outside_the_named_table_join_the_named_ones_of_their_engagement(run: Run, tmp_path: Path) -> None:
    # 0311 has a name and an area (economic); 0399 is read by its prefix (a statement, political).
    rows = [gdelt_row("20240305", "FRA", "DEU", "0399"), gdelt_row("20240305", "DEU", "FRA", "0311")]
    [record] = imported_gdelt(run, tmp_path, *rows, rows[0])
    assert record["tags"] == ["cameo:0311", "cameo:0399", "gdelt"]
    assert record["areas"] == ["economic", "political"] and record["kind"] == "statement"
    assert str(record["summary"]).endswith("(3 GDELT events)")


# -- Ctrl-C while the engine scans: the import stops at once, as a Ctrl-C anywhere else does ----------------------


def _scan(tmp_path: Path) -> tuple[Scan, str]:
    source = tmp_path / "events.CSV"
    source.write_text(gdelt_row("20240305", "FRA", "DEU", "042") + "\n")
    scan = Scan(tmp_path)
    scan.define("gdelt", gather([str(source)], tmp_path))
    scan.tables(sql.mapping_tables())
    return scan, sql.gdelt(inline=False)


def test_ctrl_c_in_the_engine_is_an_interrupt_not_an_engine_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without a terminal the query runs in the main thread; DuckDB answers Ctrl-C with RuntimeError.
    scan, query = _scan(tmp_path)

    def interrupted(statement: str) -> None:
        raise RuntimeError("Query interrupted")

    monkeypatch.setattr(
        scan, "con", type("Con", (), {"execute": staticmethod(interrupted), "close": lambda self: None})()
    )
    with pytest.raises(KeyboardInterrupt):
        list(scan.rows(query))


def test_ctrl_c_while_the_progress_bar_is_drawn_stops_the_query_and_closes_cleanly(tmp_path: Path) -> None:
    scan, _ = _scan(tmp_path)
    query = "SELECT sum(i) FROM range(100000000000) t(i)"  # a minute of work or more, were it not stopped
    outcome: list[str] = []

    def pressed(done: object) -> None:
        raise KeyboardInterrupt  # as Ctrl-C arrives in the thread that draws the bar

    def scanning() -> None:
        try:
            list(scan.rows(query, pressed))
        except KeyboardInterrupt:
            outcome.append("interrupted")

    waiting = threading.Thread(target=scanning, daemon=True)
    waiting.start()
    waiting.join(timeout=50)
    assert outcome == ["interrupted"]  # the query was stopped, not waited for
    assert list(scan.rows("SELECT 1")) == [(1,)]  # and the connection is free again
    scan.close()


# -- which files a folder, a glob or stdin names: none dropped unsaid -------------------------------------------


def _day_file(path: Path, day: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(gdelt_row(day, "FRA", "DEU", "042") + "\n")


def test_folders_behind_symlinks_and_folders_a_glob_matches_are_read(run: Run, tmp_path: Path) -> None:
    _day_file(tmp_path / "outside" / "march" / "b.CSV", "20240306")
    _day_file(tmp_path / "data" / "a.CSV", "20240305")
    (tmp_path / "data" / "march").symlink_to(tmp_path / "outside" / "march")
    (tmp_path / "outside" / "march" / "loop").symlink_to(tmp_path / "outside")  # a loop is walked once
    report = json.loads(run("import", str(tmp_path / "data"), "--from", "gdelt", "--json").stdout)
    assert report["events"]["read"] == 2
    _day_file(tmp_path / "globbed" / "data-2024" / "c.CSV", "20240307")
    result = run("import", str(tmp_path / "globbed" / "data-*"), "--from", "gdelt", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["events"]["read"] == 1


def test_a_folder_that_cannot_be_read_stops_the_import_naming_it(
    run: Run, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _day_file(tmp_path / "data" / "a.CSV", "20240305")
    _day_file(tmp_path / "data" / "locked" / "b.CSV", "20240306")
    scandir = os.scandir

    def refusing(path: Any = ".") -> Any:  # as chmod 000 does for anyone but root
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    _refused(run, db, tmp_path / "data", "gdelt", f"cannot read {tmp_path / 'data' / 'locked'}: Permission denied")


def test_stdin_named_twice_is_refused_not_read_as_empty(run: Run, db: Path, tmp_path: Path) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    result = run("import", "-", "-", "--from", "gdelt", input=gdelt_row("20240305", "FRA", "DEU", "042") + "\n")
    assert result.exit_code == 2 and "more than once" in result.stderr
    assert db.read_bytes() == before


def test_many_small_icews_gzip_files_import_like_the_same_rows_unpacked(run: Run, tmp_path: Path) -> None:
    # each ICEWS file is a scan of its own (to keep its lines' order); thirty of them once ran out of memory
    header, *rows = EXCERPT.read_text().splitlines()
    packed, plain = tmp_path / "packed", tmp_path / "plain"
    packed.mkdir()
    plain.mkdir()
    for n in range(0, len(rows), 10):
        text = "\n".join([header, *rows[n : n + 10]]) + "\n"
        (packed / f"part{n:04d}.tab.gz").write_bytes(gzip.compress(text.encode()))
        (plain / f"part{n:04d}.tab").write_text(text)
    assert len(list(packed.iterdir())) >= 30
    reports = [run("import", str(folder), "--from", "icews", "--dry-run", "--json") for folder in (packed, plain)]
    assert [r.exit_code for r in reports] == [0, 0], reports[0].stderr
    assert json.loads(reports[0].stdout) == json.loads(reports[1].stdout)


def test_a_file_whose_name_is_not_utf8_is_named_and_refused(run: Run, db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "day"
    folder.mkdir()
    (folder / "a.CSV").write_text(gdelt_row("20240305", "FRA", "DEU", "042") + "\n")
    with open(os.fsencode(folder) + b"/caf\xe9.CSV", "w") as handle:  # a Latin-1 name, as old archives have
        handle.write(gdelt_row("20240306", "FRA", "DEU", "042") + "\n")
    _refused(run, db, folder, "gdelt", "caf\\xe9.CSV: the file's name is not UTF-8")


def test_a_gzip_file_inside_a_zip_is_read_and_a_zip_inside_a_zip_or_an_empty_one_is_named(
    run: Run, db: Path, tmp_path: Path
) -> None:
    row = gdelt_row("20240305", "FRA", "DEU", "042") + "\n"
    archive = tmp_path / "gz-in.zip"
    archive.write_bytes(_zip({"20240305.export.CSV.gz": gzip.compress(row.encode())}))
    report = json.loads(run("import", str(archive), "--from", "gdelt", "--json").stdout)
    assert report["imported"] == 1 and report["events"]["read"] == 1
    nested = tmp_path / "zip-in.zip"
    nested.write_bytes(_zip({"inner.zip": _zip({"a.CSV": row.encode()})}))
    _refused(run, db, nested, "gdelt", "zip-in.zip:inner.zip: a zip archive inside a zip archive")
    empty = tmp_path / "empty.zip"
    empty.write_bytes(_zip({}))
    _refused(run, db, empty, "gdelt", "empty.zip: the zip archive is empty")


def test_a_file_named_twice_by_overlapping_sources_is_read_once(run: Run, tmp_path: Path) -> None:
    _day_file(tmp_path / "day" / "20240305.export.CSV", "20240305")
    (tmp_path / "link.CSV").symlink_to(tmp_path / "day" / "20240305.export.CSV")
    sources = [str(tmp_path / "day"), str(tmp_path / "day" / "*.CSV"), str(tmp_path / "link.CSV")]
    report = json.loads(run("import", *sources, "--from", "gdelt", "--json").stdout)
    assert report["events"]["read"] == 1
    [record] = json.loads(run("export").stdout)
    assert record["summary"].endswith("(1 GDELT event)")

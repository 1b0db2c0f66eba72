"""relations against sqlite-utils for the same work, at 1,000 to 1,000,000 engagements.

Run by hand, never in CI:  python benchmarks/compare.py [--sizes 1000 10000 100000] [--runs 5] [--write]

Every figure is a whole process (interpreter start-up included): the median wall time of the runs
and the largest maximum resident set size among them. The floor for a JSON-file store is the time
to read, parse, re-serialise and write the same database with orjson inside a running process,
plus the interpreter's start-up (`python -c pass`). With --write the table goes into
benchmarks/README.md between the markers, with the machine, the date and the commit.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RELATIONS = [str(BIN / "relations")]
SQLITE_UTILS = [str(BIN / "sqlite-utils")]
PYTHON = [sys.executable]

COUNTRIES = [
    "AZE",
    "PAK",
    "TUR",
    "RUS",
    "CHN",
    "USA",
    "IND",
    "IRN",
    "GEO",
    "ARM",
    "KAZ",
    "UZB",
    "KGZ",
    "TJK",
    "TKM",
    "BLR",
    "UKR",
    "POL",
    "DEU",
    "FRA",
    "GBR",
    "ITA",
    "ESP",
    "JPN",
    "KOR",
    "VNM",
    "IDN",
    "MYS",
    "SGP",
    "PHL",
    "SAU",
    "ARE",
    "QAT",
    "EGY",
    "ISR",
    "BRA",
    "ARG",
    "ZAF",
    "NGA",
    "KEN",
]
AREAS = [
    "political",
    "military",
    "military-technical",
    "military-educational",
    "military-industrial",
    "security",
    "economic",
    "trade",
    "energy",
    "transport",
    "education",
    "science-technology",
    "culture",
    "health",
    "humanitarian",
    "environment",
]
KINDS = ["meeting"] * 6 + ["call"] * 2 + ["agreement", "exercise", "statement", "other"]
OUTLETS = ["Xinhua", "TASS", "AZERTAC", "Reuters", "Anadolu", "VNA", "Trend", "PTI"]


def generate(n: int, seed: int = 20261127) -> list[dict[str, object]]:
    """Realistic shapes: 2–3 parties, 1–4 areas, one or two participants, a source URL, dates over 30 years."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        parties = rng.sample(COUNTRIES, 3 if rng.random() < 0.1 else 2)
        year, month, day = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28)
        records.append(
            {
                "date": f"{year}-{month:02d}-{day:02d}",
                "countries": parties,
                "kind": rng.choice(KINDS),
                "areas": rng.sample(AREAS, rng.randint(1, 4)),
                "location": {"country": parties[0], "place": None},
                "participants": [
                    {"name": f"Person {rng.randint(1, 5000)}", "role": "Minister", "country": c}
                    for c in parties[: rng.randint(1, 2)]
                ],
                "mentioned": [],
                "summary": f"Talks number {i} between the two sides on cooperation.",
                "source": {
                    "outlet": rng.choice(OUTLETS),
                    "author": None,
                    "url": f"https://news.example/{year}/{i}",
                    "published": None,
                },
                "tags": [],
            }
        )
    return records


@dataclass
class Figure:
    seconds: float
    rss_mb: float


def measure(
    command: list[str], runs: int, setup: Callable[[], None] | None = None, stdin: Path | None = None
) -> Figure:
    times, peaks = [], []
    for _ in range(runs):
        if setup:
            setup()
        with open(stdin or os.devnull, "rb") as source:
            started = time.perf_counter()
            proc = subprocess.Popen(command, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            assert proc.stderr is not None
            raise SystemExit(f"failed: {' '.join(command)}\n{proc.stderr.read().decode()}")
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024)
    return Figure(statistics.median(times), max(peaks))


_FLOOR = """
import os, sys, time, orjson
db, out = sys.argv[1], sys.argv[1] + ".floor"
started = time.perf_counter()
data = orjson.loads(open(db, "rb").read())
with open(out, "wb") as f:
    f.write(orjson.dumps(data))
    f.flush()
    os.fsync(f.fileno())
print(time.perf_counter() - started)
os.unlink(out)
"""


def floor(db: Path, runs: int, start_up: float) -> float:
    """Read, parse, re-serialise and write the database with orjson in a running process, plus start-up.

    In a child process, as everything heavy here: a child's peak RSS counts its parent's at the fork.
    """
    times = [float(subprocess.run([*PYTHON, "-c", _FLOOR, str(db)], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(runs)]  # fmt: skip
    return statistics.median(times) + start_up


PAIR_SQL = (
    "select * from engagements where exists (select 1 from json_each(countries) where value = 'AZE') "
    "and exists (select 1 from json_each(countries) where value = 'PAK') order by date"
)
AREA_SQL = (
    "select a.value as area, count(*) as engagements, min(date) as first, max(date) as last "
    "from engagements, json_each(engagements.areas) a group by a.value order by engagements desc"
)
PAIR_SUMMARY_SQL = (
    "select c1.value as a, c2.value as b, count(*) as engagements, min(date) as first, max(date) as last "
    "from engagements, json_each(engagements.countries) c1, json_each(engagements.countries) c2 "
    "where c1.value < c2.value group by 1, 2 order by engagements desc"
)
MATRIX_SQL = (
    "select c1.value as a, c2.value as b, ar.value as area, count(*) as n "
    "from engagements, json_each(engagements.countries) c1, json_each(engagements.countries) c2, "
    "json_each(engagements.areas) ar where c1.value < c2.value group by 1, 2, 3"
)


def compare(n: int, runs: int, work: Path) -> list[tuple[str, Figure, Figure | None, float | None]]:
    data = work / f"{n}.jsonl"
    subprocess.run([*PYTHON, __file__, "--generate", str(n), str(data)], check=True)
    one = work / "one.json"
    one.write_text(json.dumps({**generate(1)[0], "summary": "one more"}))
    rel_db, sql_db = work / f"{n}.json", work / f"{n}.db"
    fresh_rel, fresh_sql = work / "fresh.json", work / "fresh.db"

    def clear() -> None:
        for path in (fresh_rel, fresh_sql):
            path.unlink(missing_ok=True)

    rows: list[tuple[str, Figure, Figure | None, float | None]] = []
    rows.append(
        (
            "import all",
            measure([*RELATIONS, "--db", str(fresh_rel), "import", str(data)], runs, clear),
            measure(
                [*SQLITE_UTILS, "insert", str(fresh_sql), "engagements", str(data), "--nl", "--pk", "id"], runs, clear
            ),
            None,
        )
    )
    clear()
    subprocess.run([*RELATIONS, "--db", str(rel_db), "import", str(data)], check=True, capture_output=True)
    subprocess.run([*SQLITE_UTILS, "insert", str(sql_db), "engagements", str(data), "--nl"], check=True)
    start_up = measure([*PYTHON, "-c", "pass"], max(runs, 5)).seconds
    write_floor = floor(rel_db, runs, start_up)
    rows[0] = (*rows[0][:3], None)
    cold = work / "cold.json"
    shutil.copyfile(rel_db, cold)
    rows.append(("list a pair, no index yet", measure([*RELATIONS, "--db", str(cold), "list", "AZE", "PAK",
                 "--format", "json"], 1), None, None))  # fmt: skip

    def rel(*args: str) -> list[str]:
        return [*RELATIONS, "--db", str(rel_db), *args]

    def sql(query: str) -> list[str]:
        return [*SQLITE_UTILS, "query", str(sql_db), query]

    middle = str(n // 2)
    reads = [
        ("list a pair", rel("list", "AZE", "PAK", "--format", "json"), sql(PAIR_SQL)),
        ("show one", rel("show", middle, "--json"), sql(f"select * from engagements where rowid = {middle}")),
        ("summary --by area", rel("summary", "--by", "area", "--format", "json"), sql(AREA_SQL)),
        ("summary --by pair", rel("summary", "--by", "pair", "--format", "json"), sql(PAIR_SUMMARY_SQL)),
        ("matrix", rel("matrix", "--format", "json"), sql(MATRIX_SQL)),
        ("export all (jsonl)", rel("export", "--format", "jsonl"), [*sql("select * from engagements"), "--nl"]),
    ]
    for name, ours, theirs in reads:
        rows.append((name, measure(ours, runs), measure(theirs, runs), None))

    copy_rel, copy_sql = work / "copy.json", work / "copy.db"

    def copies() -> None:
        shutil.copyfile(rel_db, copy_rel)
        shutil.copyfile(sql_db, copy_sql)
        # A copied file has no index yet; the user's database has one (every write keeps it), so build it.
        subprocess.run([*RELATIONS, "--db", str(copy_rel), "list", "--limit", "0"], check=True, capture_output=True)

    writes = [
        ("add one", ["add", "AZ", "PK", "--date", "2024-01-01", "--summary", "one more"],
         ["insert", str(copy_sql), "engagements", str(one)]),
        ("edit one", ["edit", middle, "--summary", "changed"],
         ["query", str(copy_sql), f"update engagements set summary = 'changed' where rowid = {middle}"]),
        ("delete one", ["delete", middle, "--yes"],
         ["query", str(copy_sql), f"delete from engagements where rowid = {middle}"]),
    ]  # fmt: skip
    for name, ours, theirs in writes:
        rows.append(
            (
                name,
                measure([*RELATIONS, "--db", str(copy_rel), *ours], runs, copies),
                measure([*SQLITE_UTILS, *theirs], runs, copies),
                write_floor,
            )
        )
    return rows


def start_up_rows(runs: int, work: Path) -> list[tuple[str, Figure, Figure | None, float | None]]:
    empty = work / "empty.json"
    python = measure([*PYTHON, "-c", "pass"], runs)
    return [
        ("python -c pass", python, None, None),
        ("--version", measure([*RELATIONS, "--version"], runs), measure([*SQLITE_UTILS, "--version"], runs), None),
        ("--help", measure([*RELATIONS, "--help"], runs), measure([*SQLITE_UTILS, "--help"], runs), None),
        ("list, empty database", measure([*RELATIONS, "--db", str(empty), "list"], runs), None, None),
    ]


def table(title: str, rows: list[tuple[str, Figure, Figure | None, float | None]], base: float | None = None) -> str:
    lines = [
        f"#### {title}",
        "",
        "| work | relations | sqlite-utils | ratio | × floor | relations RSS | sqlite-utils RSS |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, ours, theirs, write_floor in rows:
        ratio = f"{ours.seconds / theirs.seconds:.2f}" if theirs else "–"
        if name == "--version" and base:
            ratio = f"{ours.seconds / base:.1f}× python"
        lines.append(
            f"| {name} | {ours.seconds * 1000:.0f} ms | "
            + (f"{theirs.seconds * 1000:.0f} ms" if theirs else "–")
            + f" | {ratio} | "
            + (f"{ours.seconds / write_floor:.2f} (floor {write_floor * 1000:.0f} ms)" if write_floor else "–")
            + f" | {ours.rss_mb:.0f} MB | "
            + (f"{theirs.rss_mb:.0f} MB" if theirs else "–")
            + " |"
        )
    return "\n".join(lines) + "\n"


def machine() -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}, "
        f"{platform.system()}; date: {time.strftime('%Y-%m-%d')}; commit: {commit.strip()}."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="write the tables into benchmarks/README.md")
    parser.add_argument("--generate", nargs=2, metavar=("N", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        n, path = int(args.generate[0]), Path(args.generate[1])
        with path.open("w") as out:
            out.writelines(json.dumps(r) + "\n" for r in generate(n))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        start = start_up_rows(max(args.runs, 11), work)
        parts = [machine(), "", table("Start-up", start, start[0][1].seconds)]
        print(parts[-1], flush=True)
        for n in args.sizes:
            runs = args.runs if n <= 100_000 else 1
            parts.append(table(f"{n:,} engagements ({runs} run{'s' if runs > 1 else ''} each)", compare(n, runs, work)))
            print(parts[-1], flush=True)
    if args.write:
        readme = ROOT / "benchmarks" / "README.md"
        text = readme.read_text()
        start_mark, end_mark = "<!-- compare:start -->", "<!-- compare:end -->"
        before, _, rest = text.partition(start_mark)
        _, _, after = rest.partition(end_mark)
        readme.write_text(before + start_mark + "\n" + "\n".join(parts) + "\n" + end_mark + after)


if __name__ == "__main__":
    main()

"""`relations import --from gdelt` against the bare DuckDB query on the same synthetic files (issue 16).

Run by hand, never in CI. Generates GDELT 2.0 files with a fixed seed (gdelt_gen.py), then for each
case times whole processes and reads their peak RSS: the import into a fresh database, and DuckDB
alone doing the same filter and collapse (countries mapped, regions and same-country events left
out, grouped by pair, day and kind). Prints a Markdown table.

Usage:
  python benchmarks/events.py --sizes 1000000 5000000 [--month] [--repeat 3] [--workdir /tmp/evbench] [--keep]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import gdelt_gen

PER_DAY = 200_000

BARE = """
import sys, duckdb
from relations_cli.events import tables
actors = tables.rows_sql(("cameo", "iso"), tables.actor_countries())
codes = tables.rows_sql(("code", "kind", "area"), tables.code_readings())
columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(61)) + "}"
files = sys.argv[1:]  # paths or globs
query = f'''
WITH actors AS ({actors}), codes AS ({codes}),
e AS (SELECT c1 AS day, c7 AS a1, c17 AS a2, c26 AS code
      FROM read_csv({files!r}, delim = '\\t', header = false, quote = '', escape = '', columns = {columns})
      WHERE substr(c26, 1, 2) IN ('03', '04', '05', '06')),
m AS (SELECT day, least(x.iso, y.iso) AS p1, greatest(x.iso, y.iso) AS p2, e.code,
             coalesce(k.kind, CASE WHEN e.code LIKE '03%' OR substr(e.code, 1, 3) IN
               ('050','051','052','053','054','055','056') THEN 'statement' ELSE 'other' END) AS kind
      FROM e JOIN actors x ON x.cameo = e.a1 JOIN actors y ON y.cameo = e.a2 LEFT JOIN codes k ON k.code = e.code
      WHERE x.iso <> y.iso)
SELECT p1, p2, day, kind, count(*) AS events, list(DISTINCT code) AS codes FROM m GROUP BY ALL
'''
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
print(len(con.sql(query).fetchall()))
"""


def measure(command: list[str]) -> tuple[float, int, str, float]:
    """Wall time, peak RSS in bytes (of the child and its children), its output, and CPU seconds
    (user + system: on a shared machine, what the work cost whatever else ran)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate()
    took = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{command[:4]} failed: {err.decode()[-2000:]}")
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, usage.ru_maxrss * 1024, out.decode() + err.decode(), usage.ru_utime + usage.ru_stime


def run_isolated(command: list[str]) -> tuple[float, int, str, float]:
    """measure() in a fresh Python process, so that RUSAGE_CHILDREN holds this command alone."""
    wrapper = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import events as b; "
        "print(json.dumps(b.measure(json.loads(sys.argv[2]))))"
    )
    here = str(Path(__file__).resolve().parent)
    out = subprocess.run([sys.executable, "-c", wrapper, here, json.dumps(command)], capture_output=True, check=True)
    took, rss, text, cpu = json.loads(out.stdout)
    return took, rss, text, cpu


def dataset(workdir: Path, count: int, files_per_day: int, gz: bool) -> Path:
    """The folder of one layout, generated once (the one-file and gzip layouts from the 96-file one)."""
    name = f"{count}-{files_per_day or 'one'}-{'gz' if gz else 'plain'}"
    folder = workdir / name
    if folder.exists():
        return folder
    base = workdir / f"{count}-96-plain"
    if not base.exists():
        gdelt_gen.write(base, count, files_per_day=96, per_day=PER_DAY, start=date(2024, 3, 1))
    if files_per_day == 96 and not gz:
        return base
    folder.mkdir()
    sources = sorted(base.iterdir())
    if files_per_day == 96:
        for path in sources:
            with path.open("rb") as src, gzip.open(folder / (path.name + ".gz"), "wb", compresslevel=1) as out:
                shutil.copyfileobj(src, out, 1 << 20)
        return folder
    target = folder / ("all.export.CSV" + (".gz" if gz else ""))
    with gzip.open(target, "wb", compresslevel=1) if gz else target.open("wb") as out:
        for path in sources:
            with path.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
    return folder


def month_of(workdir: Path) -> Path:
    """30 days of 96 files: the 96-file days of the largest set already written (linked, not copied:
    the generator's one stream makes them the month's first days), and the days after them."""
    month = workdir / "month"
    if month.exists():
        return month
    bases = sorted((int(p.name.split("-")[0]), p) for p in workdir.glob("*-96-plain") if p.is_dir())
    done = 0
    month.mkdir()
    if bases and bases[-1][0] % PER_DAY == 0:
        done, base = bases[-1]
        for path in sorted(base.iterdir()):
            os.link(path, month / path.name)
    gdelt_gen.write(month, 30 * PER_DAY, files_per_day=96, per_day=PER_DAY, start=date(2024, 3, 1), skip=done)
    return month


def case(
    folder: Path, workdir: Path, extra: list[str] | None = None, *, dry: bool = True, repeat: int = 1
) -> dict[str, Any]:
    """The import and the bare query on one folder, `repeat` times in turn (so that both see about the
    same load): each figure the median of its runs, peak RSS the largest, and the range of the
    per-turn wall-time ratios."""
    runs = [_turn(folder, workdir, extra, dry=dry) for _ in range(repeat)]
    row: dict[str, Any] = {}
    for key in runs[0]:
        values = sorted(r[key] for r in runs)
        row[key] = values[-1] if key.endswith("_rss") else values[len(values) // 2]
    if "bare_s" in row:
        ratios = sorted(r["relations_s"] / r["bare_s"] for r in runs)
        row["ratios"] = (ratios[0], ratios[-1])
    row["runs"] = repeat
    return row


def _turn(folder: Path, workdir: Path, extra: list[str] | None, *, dry: bool) -> dict[str, Any]:
    files = sorted(str(p) for p in folder.iterdir())
    db = workdir / "bench.json"
    db.unlink(missing_ok=True)
    relations = [sys.executable, "-m", "relations_cli", "--db", str(db), "import", str(folder), "--from", "gdelt",
                 "--json", *(extra or [])]  # fmt: skip
    load = os.getloadavg()[0]
    took, rss, out, cpu = run_isolated(relations)
    report = json.loads(out[: out.rindex("}") + 1])
    row: dict[str, Any] = {"load": load, "relations_s": took, "relations_rss": rss, "relations_cpu": cpu,
                           "engagements": report["imported"],
                              "events": report["events"]["read"]}  # fmt: skip
    db.unlink(missing_ok=True)
    # The scan alone: a dry run reads, collapses and checks against the (empty) database, writes nothing.
    if dry:
        command = [c for c in relations if c != "--json"] + ["--dry-run"]
        row["dry_s"], row["dry_rss"], _, row["dry_cpu"] = run_isolated(command)
    if extra is None:
        # The folder as a glob: thousands of paths would pass the argument-length limit.
        pattern = str(folder / "*") if len(files) > 1 else files[0]
        bare_took, bare_rss, bare_out, bare_cpu = run_isolated([sys.executable, "-c", BARE, pattern])
        row |= {"bare_s": bare_took, "bare_rss": bare_rss, "bare_groups": int(bare_out), "bare_cpu": bare_cpu}
    db.unlink(missing_ok=True)
    return row


def _line(count: int, layout: str, r: dict[str, Any]) -> str:
    mb = 1 << 20
    cells = [f"{count:,}", layout, f"{r['load']:.1f}", f"{r['relations_s']:.1f} s", f"{r['relations_cpu']:.1f} s",
             f"{r['relations_rss'] // mb} MB", f"{r['engagements']:,}"]  # fmt: skip
    if "dry_s" in r:
        cells[3] += f" (dry run {r['dry_s']:.1f} s)"
        cells[4] += f" (dry run {r['dry_cpu']:.1f} s)"
    if "bare_s" in r:
        cells += [f"{r['bare_s']:.1f} s", f"{r['bare_cpu']:.1f} s", f"{r['bare_rss'] // mb} MB",
                  f"{r['bare_groups']:,}", f"{r['relations_s'] / r['bare_s']:.2f}×",
                  f"{r['relations_cpu'] / r['bare_cpu']:.2f}×"]  # fmt: skip
        if r["runs"] > 1:
            low, high = r["ratios"]
            cells[-2] += f" ({low:.2f}–{high:.2f})"
    else:
        cells += ["–"] * 6
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000_000, 5_000_000])
    parser.add_argument("--month", action="store_true", help="also ~6M events as 30 days of 96 files")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/relations-events-bench"))
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--generate-only", action="store_true", help="write the files, measure nothing")
    parser.add_argument("--dry-run", action="store_true", help="also time a dry run (no write) of each import")
    parser.add_argument(
        "--layouts",
        nargs="*",
        default=["one", "one-gz", "96", "96-gz"],
        help="which of one, one-gz, 96, 96-gz to measure",
    )
    parser.add_argument("--filtered-only-at", type=int, default=None, help="the two-country run at this size only")
    parser.add_argument("--repeat", type=int, default=1, help="run each case this many times; medians are shown")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.generate_only:
        for count in args.sizes:
            for files_per_day, gz in ((0, False), (0, True), (96, False), (96, True)):
                dataset(args.workdir, count, files_per_day, gz)
        if args.month:
            month_of(args.workdir)
        return
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    import duckdb

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"DuckDB {duckdb.__version__}; date: {date.today()}; commit {commit}; "
          f"load average at start: {os.getloadavg()[0]:.1f}\n")  # fmt: skip
    print("| events | layout | load | relations import | its CPU | peak RSS | engagements "
          "| bare DuckDB | its CPU | its RSS | groups | wall ÷ bare | CPU ÷ bare |")  # fmt: skip
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count in args.sizes:
        for name in args.layouts:
            files_per_day, gz = (0 if name.startswith("one") else 96), name.endswith("gz")
            folder = dataset(args.workdir, count, files_per_day, gz)
            layout = ("one file" if files_per_day == 0 else "96 files a day") + (", gzip" if gz else "")
            print(_line(count, layout, case(folder, args.workdir, dry=args.dry_run, repeat=args.repeat)), flush=True)
        if count == (args.filtered_only_at or max(args.sizes)):
            folder = dataset(args.workdir, count, 0, False)
            first, second = gdelt_gen.busiest(2)
            row = case(folder, args.workdir, ["--country", first, "--country", second], dry=False, repeat=args.repeat)
            print(_line(count, f"one file, `--country {first} --country {second}`", row), flush=True)
    if args.month:
        month = month_of(args.workdir)
        layout = f"a month, 96 files a day ({len(list(month.iterdir()))} files)"
        print(_line(30 * PER_DAY, layout, case(month, args.workdir, dry=False, repeat=args.repeat)), flush=True)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    if not args.keep:
        shutil.rmtree(args.workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

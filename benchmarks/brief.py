"""brief and graph against summary on the same database: 100,000 engagements from compare.py's generator.

Run by hand, never in CI:  python benchmarks/brief.py [--size 100000] [--runs 5]

Whole processes, median wall time and largest RSS, as in compare.py. Two databases: compare.py's
(2–3 parties from 40 countries, so a pair has a few hundred engagements and a country a few
thousand), and a dense one where every engagement is of the same pair (the brief's worst case: it
reads people, places and sources of every record it covers).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import RELATIONS, Figure, generate, machine, measure


def dense(n: int) -> list[dict[str, object]]:
    """Every engagement between Azerbaijan and Pakistan."""
    return [{**r, "countries": ["AZE", "PAK"], "location": {"country": "AZE", "place": None}} for r in generate(n)]


def rows(db: Path, runs: int) -> list[tuple[str, Figure]]:
    def rel(*args: str) -> Figure:
        return measure([*RELATIONS, "--db", str(db), *args], runs)

    return [
        ("summary (by pair)", rel("summary")),
        ("summary AZE --by year", rel("summary", "AZE", "--by", "year")),
        ("list AZE PAK --format json", rel("list", "AZE", "PAK", "--format", "json")),
        ("brief AZE PAK", rel("brief", "AZE", "PAK")),
        ("brief AZE PAK --format json", rel("brief", "AZE", "PAK", "--format", "json")),
        ("brief AZE (one country)", rel("brief", "AZE")),
        ("brief AZE PAK --format html", rel("brief", "AZE", "PAK", "--format", "html")),
        ("graph --format gexf", rel("graph", "--format", "gexf")),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--generate", nargs=3, metavar=("KIND", "N", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        kind, n, path = args.generate
        records = generate(int(n)) if kind == "mix" else dense(int(n))
        Path(path).write_text("".join(json.dumps(r) + "\n" for r in records))
        return
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        for kind, name in (("mix", "compare.py's mix"), ("dense", "one dense pair")):
            data, db = Path(tmp) / "data.jsonl", Path(tmp) / f"{kind}.json"
            # In a child process: a child forked from a process that held the records would inherit its peak RSS.
            subprocess.run([sys.executable, __file__, "--generate", kind, str(args.size), str(data)], check=True)
            subprocess.run([*RELATIONS, "--db", str(db), "import", str(data)], check=True, capture_output=True)
            subprocess.run([*RELATIONS, "--db", str(db), "list", "--limit", "1"], check=True, capture_output=True)
            print(f"\n#### {args.size:,} engagements, {name} ({args.runs} runs each)\n")
            print("| work | time | RSS |\n| --- | ---: | ---: |")
            for work, figure in rows(db, args.runs):
                print(f"| {work} | {figure.seconds * 1000:.0f} ms | {figure.rss_mb:.0f} MB |", flush=True)


if __name__ == "__main__":
    main()

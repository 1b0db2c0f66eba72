"""Score `relations ingest` on the real-article development set, field by field (issue 13).

Runs the installed `relations ingest --json` on each article's cached text, in two conditions:
text only, and with `--url` and `--published` as a user who has the page would give them.
Prints, per condition: ran, parties exact, date exact, kind, location, areas F1, participants F1
(names matched ignoring case, accents, dots and order), mentioned F1, and the mean of the seven
fields after `ran`. `--verbose` prints each miss.

The set is split once, by a fixed rule, into a development half (tuned on) and a check half (only
scored): an article is in the check half when the first byte of the SHA-256 of its id is odd.

    python benchmarks/ingest/score.py                  # the development half, both conditions
    python benchmarks/ingest/score.py --half check     # the check half: score it, never tune on it
    python benchmarks/ingest/score.py --verbose --condition context --ids a-001,b-007

Texts are never in the repository: they are read from the cache (`--cache`, by default
~/.cache/relations-dev/articles/<id>.txt); an article whose text is not cached is counted as missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
ARTICLES = HERE / "articles.jsonl"
CACHE = Path.home() / ".cache" / "relations-dev" / "articles"
FIELDS = ("ran", "parties", "date", "kind", "location", "areas", "participants", "mentioned")
CONDITIONS = {"text": "text only", "context": "with --url and --published"}


def half(article_id: str) -> str:
    """The fixed split: "check" when the first byte of the id's SHA-256 is odd, else "dev"."""
    return "check" if hashlib.sha256(article_id.encode()).digest()[0] % 2 else "dev"


def load(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list({row["id"]: row for row in rows}.values())


def run_ingest(article: dict[str, Any], text_file: Path, condition: str, relations: str) -> tuple[int, Any, str]:
    """(exit code, the draft or None, stderr) of one `relations ingest --json` run on a fresh database."""
    args = [relations, "ingest", str(text_file), "--json"]
    if condition == "context":
        if article.get("url"):
            args += ["--url", article["url"]]
        if article.get("published"):
            args += ["--published", article["published"]]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "RELATIONS_DB": str(Path(tmp) / "db.json"), "COLUMNS": "120"}
        try:
            done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120, check=False)
        except subprocess.TimeoutExpired:
            return -1, None, "timed out"
    try:
        draft = json.loads(done.stdout) if done.stdout.strip() else None
    except json.JSONDecodeError:
        draft = None
    if isinstance(draft, list):
        draft = draft[0] if draft else None
    return done.returncode, draft, done.stderr.strip()


def name_key(name: str) -> str:
    """A person's name ignoring case, accents, dots and word order."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return " ".join(sorted(bare.replace(".", " ").replace("-", " ").split()))


def f1(want: Iterable[str], got: Iterable[str]) -> float:
    w, g = set(want), set(got)
    if not w and not g:
        return 1.0
    hits = len(w & g)
    return 0.0 if not hits else 2 * hits / (len(w) + len(g))


def score_one(article: dict[str, Any], code: int, draft: Any) -> dict[str, float]:
    if not isinstance(draft, dict):
        return dict.fromkeys(FIELDS, 0.0)
    location = (draft.get("location") or {}).get("country")
    return {
        "ran": 1.0 if code == 0 else 0.0,
        "parties": float(sorted(draft.get("countries") or []) == sorted(article["parties"])),
        "date": float(draft.get("date") == article["date"]),
        "kind": float(draft.get("kind") == article["kind"]),
        "location": float(location == article["location"]),
        "areas": f1(article["areas"], draft.get("areas") or []),
        "participants": f1(
            (name_key(p["name"]) for p in article["participants"]),
            (name_key(p["name"]) for p in draft.get("participants") or []),
        ),
        "mentioned": f1(article["mentioned"], draft.get("mentioned") or []),
    }


def misses(article: dict[str, Any], draft: Any, scores: dict[str, float], stderr: str) -> list[str]:
    if not isinstance(draft, dict):
        return [f"  did not run: {stderr.splitlines()[-1] if stderr else 'no output'}"]
    got = {
        "parties": sorted(draft.get("countries") or []),
        "date": draft.get("date"),
        "kind": draft.get("kind"),
        "location": (draft.get("location") or {}).get("country"),
        "areas": sorted(draft.get("areas") or []),
        "participants": sorted(p["name"] for p in draft.get("participants") or []),
        "mentioned": sorted(draft.get("mentioned") or []),
    }
    want = {**{k: article[k] for k in got}, "participants": sorted(p["name"] for p in article["participants"])}
    lines = [f"  {k}: want {want[k]} got {got[k]}" for k in got if scores[k] < 1]
    if scores["ran"] < 1:
        lines.append(f"  exit status not 0: {stderr.splitlines()[-1] if stderr else ''}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--half", choices=("dev", "check", "all"), default="dev")
    parser.add_argument("--condition", choices=(*CONDITIONS, "both"), default="both")
    parser.add_argument("--ids", help="comma-separated ids to score alone")
    parser.add_argument("--verbose", "-v", action="store_true", help="print each miss")
    parser.add_argument("--jobs", "-j", type=int, default=1)
    parser.add_argument("--relations", default="relations", help="the program to run")
    args = parser.parse_args(argv)

    chosen = [a for a in load(args.articles) if args.half == "all" or half(a["id"]) == args.half]
    if args.ids:
        wanted = set(args.ids.split(","))
        chosen = [a for a in chosen if a["id"] in wanted]
    present = [a for a in chosen if (args.cache / f"{a['id']}.txt").exists()]
    if len(present) < len(chosen):
        print(f"{len(chosen) - len(present)} articles have no cached text and are left out", file=sys.stderr)
    conditions = list(CONDITIONS) if args.condition == "both" else [args.condition]
    header = "| condition | n | " + " | ".join(FIELDS) + " | mean |"
    rows = [header, "|" + "---|" * (len(FIELDS) + 3)]
    for condition in conditions:

        def one(article: dict[str, Any], condition: str = condition) -> tuple[dict[str, Any], int, Any, str]:
            return (article, *run_ingest(article, args.cache / f"{article['id']}.txt", condition, args.relations))

        with ThreadPoolExecutor(max(1, args.jobs)) as pool:
            results = list(pool.map(one, present))
        totals = dict.fromkeys(FIELDS, 0.0)
        for article, code, draft, stderr in results:
            scores = score_one(article, code, draft)
            for k in FIELDS:
                totals[k] += scores[k]
            if args.verbose and min(scores.values()) < 1:
                print(f"{article['id']} [{condition}] {article.get('url')}")
                print("\n".join(misses(article, draft, scores, stderr)))
        n = max(1, len(results))
        figures = {k: totals[k] / n for k in FIELDS}
        mean = sum(figures[k] for k in FIELDS[1:]) / (len(FIELDS) - 1)
        cells = " | ".join(f"{figures[k]:.2f}" for k in FIELDS)
        rows.append(f"| {args.half}, {CONDITIONS[condition]} | {len(results)} | {cells} | {mean:.2f} |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

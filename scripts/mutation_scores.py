"""Mutation score per module from `mutmut results --all true`, leaving out benchmarks/mutation-equivalents.md.

Usage: mutmut results --all true | python scripts/mutation_scores.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

EQUIVALENTS = Path(__file__).resolve().parent.parent / "benchmarks" / "mutation-equivalents.md"
# A result line: "    relations_cli.dates.x_check__mutmut_24: survived" (a method: "...xǁInPlaceǁdoc__mutmut_1").
_LINE = re.compile(r"^\s*relations_cli\.(?P<module>[\w.]+)\.x\w+__mutmut_\d+: (?P<status>.+)$")
_NAME = re.compile(r"`([\w.]+\.x\w+__mutmut_\d+)`")


def main() -> None:
    equivalents = set(_NAME.findall(EQUIVALENTS.read_text(encoding="utf-8")))
    tally: dict[str, Counter[str]] = {}
    for line in sys.stdin:
        m = _LINE.match(line)
        if m is None:
            continue
        name = line.strip().split(":")[0].removeprefix("relations_cli.")
        status = "equivalent" if name in equivalents else m["status"].strip()
        tally.setdefault(m["module"], Counter())[status] += 1
    print(f"{'module':<16} {'mutants':>7} {'killed':>6} {'survived':>8} {'equivalent':>10} {'unrun':>5}  score")
    for module, counts in sorted(tally.items()):
        killed = counts["killed"] + counts["timeout"]  # a mutant that hangs the tests is caught
        survived = counts["survived"] + counts["no tests"]
        scored = killed + survived
        score = f"{100 * killed / scored:.1f} %" if scored else "-"
        print(f"{module:<16} {sum(counts.values()):>7} {killed:>6} {survived:>8} {counts['equivalent']:>10} "
              f"{counts['not checked']:>5}  {score}")  # fmt: skip


if __name__ == "__main__":
    main()

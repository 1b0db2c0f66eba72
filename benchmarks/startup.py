"""Start-up times of whole processes (median of N runs): run by hand, never in CI.

Usage: python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_ms(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    empty = Path(tempfile.mkdtemp()) / "missing.json"
    relations = [sys.executable, "-m", "relations_cli"]
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "relations --version": [*relations, "--version"],
        "relations --help": [*relations, "--help"],
        "relations list (empty database)": [*relations, "--db", str(empty), "list"],
        "relations summary (bundled sample)": [*relations, "--db", str(ROOT / "data" / "sample.json"), "summary"],
    }
    print(f"| command | median of {runs} runs |\n| --- | ---: |")
    for name, command in cases.items():
        print(f"| `{name}` | {median_ms(command, runs):.0f} ms |")


if __name__ == "__main__":
    main()

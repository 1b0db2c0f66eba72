"""CPU time (user + system) of relations commands, two installs alternating; the median of each.

Run by hand, never in CI:
    python benchmarks/storage_cpu.py OLD_RELATIONS OLD_DB NEW_RELATIONS NEW_DB [ROUNDS]
where each DB holds the same 100,000 engagements (compare.py --generate 100000 F, then each
version's `relations --db DB import F`; the index formats differ, so each version has its own copy).
"""

import os
import resource
import statistics
import subprocess
import sys
import time

BINS = {"old": sys.argv[1], "new": sys.argv[3]}
DBS = {"old": sys.argv[2], "new": sys.argv[4]}
WORK = [
    ("--help", ["--help"]),
    ("list, empty database", ["--db", os.devnull + ".absent.json", "list"]),
    ("list a pair", ["list", "AZE", "PAK", "--format", "ids"]),
    ("show one", ["show", "50000", "--json"]),
    ("summary --by area", ["summary", "--by", "area", "--json"]),
    ("summary --by pair", ["summary", "--by", "pair", "--json"]),
    ("matrix", ["matrix", "--json"]),
    ("export all (jsonl)", ["export", "--format", "jsonl"]),
    ("edit one", ["edit", "50000", "--summary", "SUMMARY"]),
    ("add one", ["add", "AZE", "PAK", "--date", "2024-01-01", "--summary", "SUMMARY", "--force"]),
]
rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 5
res = {(w, b): [] for w, _ in WORK for b in BINS}
wall = {(w, b): [] for w, _ in WORK for b in BINS}
for r in range(rounds):
    for b in ["old", "new"] if r % 2 == 0 else ["new", "old"]:
        for name, args in WORK:
            args = [a.replace("SUMMARY", f"round {r} {b}") for a in args]
            cmd = [BINS[b]] + (args if args[0] in ("--help", "--db") else ["--db", DBS[b], *args])
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall[(name, b)].append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            assert p.returncode == 0, (cmd, p.stderr)
            res[(name, b)].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        # keep the size: delete what was added
        subprocess.run([BINS[b], "--db", DBS[b], "delete", "100001", "--yes", "--missing-ok"], capture_output=True)
        ids = subprocess.run(
            [BINS[b], "--db", DBS[b], "list", "--since", "2024-01-01", "--until", "2024-01-01", "--format", "ids"],
            capture_output=True,
            text=True,
        ).stdout.split()
        extra = [i for i in ids if int(i) > 100000]
        if extra:
            subprocess.run([BINS[b], "--db", DBS[b], "delete", *extra, "--yes"], capture_output=True)
print(f"load {os.getloadavg()[0]:.1f}; {rounds} rounds; median CPU (user + system) and wall time")
print("| work | old CPU | new CPU | new / old | old wall | new wall |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for name, _ in WORK:
    o, n = statistics.median(res[(name, "old")]), statistics.median(res[(name, "new")])
    ow, nw = statistics.median(wall[(name, "old")]), statistics.median(wall[(name, "new")])
    print(f"| {name} | {o * 1000:.0f} ms | {n * 1000:.0f} ms | {n / o:.2f} | {ow * 1000:.0f} ms | {nw * 1000:.0f} ms |")

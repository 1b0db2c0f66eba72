"""Synthetic GDELT 2.0 event files (61 columns, no header), with a fixed seed: the benchmark's input.

Countries follow a Zipf curve over 170 CAMEO country codes (a few of CAMEO's own, ROM and KOS, and
some regions among them), about 35 % of events have a cooperation root (03-06), some actors have no
country. A day has `per_day` events; `files_per_day=96` cuts each day into 15-minute files as GDELT
publishes them, so one day's engagement is spread over many files.
"""

from __future__ import annotations

import gzip
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from relations_cli import countries
from relations_cli.events import cameo

SEED = 20241130
WIDTH = 61
COOPERATION_SHARE = 0.35
_OTHER_CODES = ["010", "0111", "012", "020", "0214", "070", "080", "090", "100", "111", "112", "120", "130",
                "138", "140", "150", "160", "173", "180", "190", "193", "200"]  # fmt: skip
_PLACES = [("Baku, Baki, Azerbaijan", "AJ"), ("Berlin, Berlin, Germany", "GM"), ("Moscow, Moskva, Russia", "RS"),
           ("Paris, Ile-de-France, France", "FR"), ("Washington, District of Columbia, United States", "US"),
           ("Beijing, Beijing, China", "CH"), ("Azerbaijan", "AJ"), ("Ankara, Ankara, Turkey", "TU"),
           ("", "")]  # fmt: skip


def _actors() -> tuple[list[str], list[float]]:
    codes = [c.alpha3 for c in countries.all_countries()]
    random.Random(SEED).shuffle(codes)
    chosen = [*codes[:164], "ROM", "KOS", "EUR", "AFR", "MEA", ""]  # 170 with regions and blanks
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(chosen))]
    return chosen, weights


def busiest(n: int) -> list[str]:
    """The n most frequent actor countries (the head of the Zipf curve)."""
    return _actors()[0][:n]


def rows(count: int, start: date, per_day: int, seed: int = SEED, skip: int = 0) -> Iterator[tuple[date, str]]:
    """(day, line) for `count` events, `per_day` of them on each day from `start`; the first `skip`
    are drawn but not made (so that a larger set can reuse the files of a smaller one)."""
    rng = random.Random(seed)
    actors, weights = _actors()
    cum = [0.0]
    for w in weights:
        cum.append(cum[-1] + w)
    cum = cum[1:]
    coop = sorted(cameo.NAMES)
    template = [""] * WIDTH
    for n in range(count):
        day = start + timedelta(days=n // per_day)
        event_day = day if rng.random() > 0.1 else day - timedelta(days=rng.randint(1, 3))
        a1, a2 = rng.choices(actors, cum_weights=cum, k=2)
        code = rng.choice(coop) if rng.random() < COOPERATION_SHARE else rng.choice(_OTHER_CODES)
        place, fips = rng.choice(_PLACES)
        if n < skip:
            continue
        row = template.copy()
        stamp = event_day.strftime("%Y%m%d")
        row[0] = str(1_000_000_000 + n)
        row[1] = stamp
        row[2], row[3] = stamp[:6], stamp[:4]
        row[5], row[7] = a1, a1
        row[15], row[17] = a2, a2
        row[26], row[27], row[28] = code, code[:3], code[:2]
        row[30] = "3.4"
        row[51], row[52], row[53] = ("4" if place else "0"), place, fips
        row[59] = day.strftime("%Y%m%d") + "101500"
        row[60] = f"https://news.example/{n % 50_000}"
        yield day, "\t".join(row)


def write(directory: Path, count: int, *, files_per_day: int = 1, gz: bool = False, per_day: int = 200_000,
          start: date = date(2024, 3, 1), skip: int = 0) -> list[Path]:  # fmt: skip
    """Write the events into one file per `1/files_per_day` of a day (one file if files_per_day is 0);
    with `skip` (whole days), only the events after the first `skip`: their files are those of the
    smaller set."""
    directory.mkdir(parents=True, exist_ok=True)
    suffix = ".export.CSV" + (".gz" if gz else "")
    paths: list[Path] = []
    handle = None
    current: tuple[date, int] | None = None
    slice_size = max(1, -(-per_day // max(files_per_day, 1)))
    for n, (day, line) in enumerate(rows(count, start, per_day, skip=skip), start=skip):
        key = (day, 0) if files_per_day == 0 else (day, (n % per_day) // slice_size)
        if files_per_day == 0:
            key = (start, 0)
        if key != current:
            if handle:
                handle.close()
            current = key
            stamp = key[0].strftime("%Y%m%d") + f"{key[1] * 15 // 60:02d}{key[1] * 15 % 60:02d}00"
            path = directory / (stamp + suffix)
            paths.append(path)
            handle = gzip.open(path, "wt", compresslevel=1) if gz else path.open("w")  # noqa: SIM115
        assert handle is not None
        handle.write(line + "\n")
    if handle:
        handle.close()
    return paths


if __name__ == "__main__":
    out = Path(sys.argv[1])
    total = int(sys.argv[2])
    per = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    write(out, total, files_per_day=per, gz="--gz" in sys.argv)

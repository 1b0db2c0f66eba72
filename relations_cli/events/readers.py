"""Reading ICEWS and GDELT event files (plain, .gz or .zip, or stdin) into Events and a Tally."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from collections.abc import Iterator
from functools import cache

from .. import countries, inputs
from ..errors import InvalidInput
from ..progress import track
from . import cameo
from .collapse import Event, Tally
from .fips import TO_ISO

NOT_COOPERATION = "not cooperation (CAMEO root outside 03-06)"
NO_COUNTRY = "an actor without a country"
REGION = "an actor that is a region, not a country"
UNKNOWN_COUNTRY = "an actor country not recognised"
SAME_COUNTRY = "both actors in the same country"
MALFORMED = "malformed row"

# ICEWS names that our resolver reads otherwise or finds ambiguous.
_ICEWS_NAMES = {"Congo": "COG", "Democratic Republic of Congo": "COD"}


def read_bytes(source: str) -> bytes:
    """The file's bytes, unpacked when gzip or zip (by content, so stdin works too)."""
    data = inputs.read_bytes(source)
    try:
        if data[:2] == b"\x1f\x8b":
            return gzip.decompress(data)
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = [m for m in archive.namelist() if not m.endswith("/")]
                if len(members) != 1:
                    raise InvalidInput(f"{source}: expected one file in the zip archive, found {len(members)}")
                return archive.read(members[0])
    except (OSError, EOFError, zipfile.BadZipFile) as e:
        raise InvalidInput(f"{source}: damaged archive: {e}") from None
    return data


def _rows(data: bytes, source: str) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # older GDELT files are not always UTF-8
    return list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))


def _blank(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "NA") else value


@cache
def _icews_country(name: str) -> str | None:
    if name in _ICEWS_NAMES:
        return _ICEWS_NAMES[name]
    try:
        return countries.resolve(name)
    except InvalidInput:
        return None


def icews(data: bytes, source: str, tally: Tally) -> Iterator[Event]:
    rows = _rows(data, source)
    if not rows or "CAMEO Code" not in rows[0] or "Source Country" not in rows[0]:
        raise InvalidInput(f"{source}: not an ICEWS event file (no header with 'Source Country' and 'CAMEO Code')")
    column = {name: i for i, name in enumerate(rows[0])}
    width = len(rows[0])
    for row in track(rows[1:], "reading events"):
        if not any(row):
            continue
        tally.read += 1
        if len(row) != width:
            tally.skip(MALFORMED)
            continue
        code = row[column["CAMEO Code"]].strip()
        if not cameo.is_cooperation(code):
            tally.skip(NOT_COOPERATION)
            continue
        names = [_blank(row[column["Source Country"]]), _blank(row[column["Target Country"]])]
        if None in names:
            tally.skip(NO_COUNTRY)
            continue
        codes = [_icews_country(n) for n in names if n]
        place_name = _blank(row[column["Country"]]) if "Country" in column else None
        yield from _event(
            tally,
            codes,
            date=row[column["Event Date"]].strip(),
            code=code,
            place=_blank(row[column["City"]]) if "City" in column else None,
            place_country=_icews_country(place_name) if place_name else None,
            outlet=_blank(row[column["Publisher"]]) if "Publisher" in column else None,
        )


# Column positions in GDELT's event files, by their number of columns (no header).
_GDELT = {
    61: {"day": 1, "actor1": 7, "actor2": 17, "code": 26, "place": 52, "fips": 53, "url": 60},  # 2.0
    58: {"day": 1, "actor1": 7, "actor2": 17, "code": 26, "place": 50, "fips": 51, "url": 57},  # 1.0 daily
    57: {"day": 1, "actor1": 7, "actor2": 17, "code": 26, "place": 50, "fips": 51},  # 1.0 back file
}


def gdelt(data: bytes, source: str, tally: Tally) -> Iterator[Event]:
    rows = _rows(data, source)
    for number, row in enumerate(track(rows, "reading events"), start=1):
        if not any(row):
            continue
        tally.read += 1
        at = _GDELT.get(len(row))
        if at is None:
            if number == 1:
                found = f"line 1 has {len(row)} columns, not 57, 58 or 61"
                raise InvalidInput(f"{source}: not a GDELT event file ({found})")
            tally.skip(MALFORMED)
            continue
        code = row[at["code"]].strip()
        if not cameo.is_cooperation(code):
            tally.skip(NOT_COOPERATION)
            continue
        actors = [row[at["actor1"]].strip(), row[at["actor2"]].strip()]
        if "" in actors:
            tally.skip(NO_COUNTRY)
            continue
        if any(a in cameo.REGIONS for a in actors):
            tally.skip(REGION)
            continue
        day = row[at["day"]].strip()
        full_name = _blank(row[at["place"]])
        fips = TO_ISO.get(row[at["fips"]].strip())
        yield from _event(
            tally,
            [_gdelt_country(a) for a in actors],
            date=f"{day[:4]}-{day[4:6]}-{day[6:8]}",
            code=code,
            place=_gdelt_place(full_name),
            place_country=countries.resolve(fips) if fips else None,
            url=_blank(row[at["url"]]) if "url" in at else None,
        )


def _gdelt_country(code: str) -> str | None:
    code = cameo.COUNTRY_CODES.get(code, code)
    return code if countries.is_code(code) else None


def _gdelt_place(full_name: str | None) -> str | None:
    # "Baku, Baki, Azerbaijan" names a city; a bare "Azerbaijan" names only the country.
    if not full_name or "," not in full_name:
        return None
    return full_name.split(",")[0].strip() or None


def _event(tally: Tally, codes: list[str | None], **fields: str | None) -> Iterator[Event]:
    source, target = codes
    if source is None or target is None:
        tally.skip(UNKNOWN_COUNTRY)
        return
    if source == target:
        tally.skip(SAME_COUNTRY)
        return
    date = fields.pop("date") or ""
    if len(date) != 10 or not date[:4].isdigit():
        tally.skip(MALFORMED)
        return
    tally.taken += 1
    yield Event(date=date, source=source, target=target, code=fields.pop("code") or "", **fields)

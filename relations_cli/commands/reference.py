"""countries, areas and check: the vocabularies, and verifying the database."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from ..app import command, error, note, store
from ..options import Format, FormatOption, JsonOption, output_format
from ..output import emit_rows


@command("countries")
def countries_command(
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="[NAME]...", help="Names, codes or demonyms to resolve.", show_default=False),
    ] = None,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """Resolve country names to codes, each on its own (exit 2 if any fails); with no names, list them all.

    Example: relations countries Türkiye "Ivory Coast" azerbaijani UK
    """
    from .. import countries

    fmt_name = output_format(fmt, json_flag)
    rows: list[dict[str, Any]]
    failed = 0
    if names:
        rows = [_resolved(name) for name in names]
        failed = sum(row["status"] != "ok" for row in rows)
        columns = ["input", "status", "code", "alpha2", "name", "matched", "error"]
        titles = ["Input", "Status", "Code", "Alpha-2", "Name", "Matched", "Problem"]
    else:
        rows = [
            {"code": c.alpha3, "alpha2": c.alpha2, "name": c.name, "official": c.official,
             "demonyms": list(c.demonyms), "capital": c.capital}
            for c in countries.all_countries()
        ]  # fmt: skip
        columns = ["code", "alpha2", "name", "official", "demonyms", "capital"]
        titles = ["Code", "Alpha-2", "Name", "Official name", "Demonyms", "Capital"]
    emit_rows(rows, columns, fmt_name, titles)
    if failed:
        if fmt_name == "table" and sys.stdout.isatty():  # the table on screen gives each reason already
            bad = ", ".join(repr(row["input"]) for row in rows if row["error"])
            error(f"{failed} of {len(rows)} not resolved: {bad}")
        else:
            for row in rows:
                if row["error"]:
                    error(row["error"])
        raise typer.Exit(2)


def _resolved(name: str) -> dict[str, Any]:
    """One row per name, each resolved on its own: a bad name does not hide the good ones."""
    from .. import countries
    from ..errors import InvalidInput

    try:
        m = countries.lookup(name)
    except InvalidInput as e:
        status = "ambiguous" if str(e).startswith("ambiguous") else "unknown"
        return {"input": name, "status": status, "code": None, "alpha2": None, "name": None, "matched": None,
                "error": str(e)}  # fmt: skip
    return {"input": name, "status": "ok", "code": m.country.alpha3, "alpha2": m.country.alpha2,
            "name": m.country.name, "matched": m.matched, "error": None}  # fmt: skip


@command("areas")
def areas_command(fmt: FormatOption = Format.table, json_flag: JsonOption = False) -> None:
    """List the cooperation areas with their aliases, and custom areas in the database, with counts.

    Example: relations areas --format csv
    """
    from collections import Counter

    from .. import areas

    fmt_name = output_format(fmt, json_flag)
    counts = Counter(area for record in store().rows() for area in record.areas)
    rows: list[dict[str, Any]] = [
        {"area": a.name, "custom": False, "family": a.family, "aliases": list(a.aliases),
         "engagements": counts.get(a.name, 0)}
        for a in areas.VOCABULARY
    ]  # fmt: skip
    rows += [
        {"area": name, "custom": True, "family": "custom", "aliases": [], "engagements": n}
        for name, n in sorted(counts.items())
        if not areas.is_builtin(name)
    ]
    if fmt_name != "table":
        emit_rows(rows, ["area", "custom", "family", "aliases", "engagements"], fmt_name, [])
        return
    # On screen a True/False column says little: custom areas come last, marked, and only when there are any.
    for row in rows:
        row["custom"] = "custom" if row["custom"] else ""
        row["family"] = "" if row["custom"] else row["family"]
    columns = ["area", "family", "aliases", "engagements"]
    titles = ["Area", "Family", "Aliases", "Engagements"]
    if any(row["custom"] for row in rows):
        columns.insert(1, "custom")
        titles.insert(1, "Custom")
    emit_rows(rows, columns, fmt_name, titles)


@command("check")
def check_command(fmt: FormatOption = Format.table, json_flag: JsonOption = False) -> None:
    """Verify the database (schema, every record valid, ids unique) without changing it; exit 1 on problems.

    Example: relations check && git commit -m "engagements" relations.json
    """
    from ..check import check

    target = store()
    fmt_name = output_format(fmt, json_flag)
    if not target.exists():  # the command layer says `no database at …`
        if fmt_name != "table":
            emit_rows([], ["id", "field", "problem"], fmt_name, [])
        return
    problems = check(target)
    if fmt_name == "table" and not problems:
        note(f"ok: {target.path}")
    elif problems or fmt_name != "table":
        emit_rows(problems, ["id", "field", "problem"], fmt_name, ["ID", "Field", "Problem"])
    if problems:
        raise typer.Exit(1)


@command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the record (and, under $defs, of summary and matrix rows), with the schema version.

    Example: relations schema | jq '.schema_version, .["$defs"].engagement.required'
    """
    import sys

    from ..formats import write_json
    from ..schema import document
    from ..storage.store import SCHEMA_VERSION

    write_json(document(SCHEMA_VERSION), sys.stdout)

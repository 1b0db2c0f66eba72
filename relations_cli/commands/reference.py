"""countries, areas and check: the vocabularies, and verifying the database."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..app import command, note, store
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
    """Resolve country names to codes; with no names, list every known country.

    Example: relations countries Türkiye "Ivory Coast" azerbaijani UK
    """
    from .. import countries

    fmt_name = output_format(fmt, json_flag)
    rows: list[dict[str, Any]]
    if names:
        matches = [(name, countries.lookup(name)) for name in names]
        rows = [
            {"input": name, "code": m.country.alpha3, "alpha2": m.country.alpha2, "name": m.country.name,
             "matched": m.matched}
            for name, m in matches
        ]  # fmt: skip
        columns = ["input", "code", "alpha2", "name", "matched"]
        titles = ["Input", "Code", "Alpha-2", "Name", "Matched"]
    else:
        rows = [
            {"code": c.alpha3, "alpha2": c.alpha2, "name": c.name, "official": c.official,
             "demonyms": list(c.demonyms), "capital": c.capital}
            for c in countries.all_countries()
        ]  # fmt: skip
        columns = ["code", "alpha2", "name", "official", "demonyms", "capital"]
        titles = ["Code", "Alpha-2", "Name", "Official name", "Demonyms", "Capital"]
    emit_rows(rows, columns, fmt_name, titles)


@command("areas")
def areas_command(fmt: FormatOption = Format.table, json_flag: JsonOption = False) -> None:
    """List the cooperation areas with their aliases, and custom areas in the database, with counts.

    Example: relations areas --format csv
    """
    from collections import Counter

    from .. import areas

    fmt_name = output_format(fmt, json_flag)
    counts = Counter(area for record in store().stored() for area in record.areas)
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

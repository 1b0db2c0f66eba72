"""ingest: read news articles and propose the engagements they report; save on --yes or when confirmed."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..app import command, note, store
from ..errors import ExitCode, InvalidInput
from ..options import JsonOption

if TYPE_CHECKING:
    from ..ingest import Draft
    from ..models import Engagement


@command("ingest")
def ingest(
    files: Annotated[
        list[str] | None, typer.Argument(metavar="[FILE]...", help="Plain-text articles, or - for stdin.")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Save without asking.")] = False,
    country: Annotated[
        list[str] | None, typer.Option("--country", "-c", help="The parties (repeatable); overrides what is found.")
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date, if the text lacks it.")
    ] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="The outlet that published the article.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="The article's address.")] = None,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Name the rule that decided each field (with --json: add all the evidence)."),
    ] = False,
    json_flag: JsonOption = False,
) -> None:
    """Read a news article and propose the engagement it reports, with the evidence for each field.

    Example: relations ingest report.txt --url https://example.org/report --yes
    """
    from ..dates import check, utc_now
    from ..inputs import read_text
    from ..progress import track

    sources = files or ["-"]
    published = check(published, field="--published") if published else None
    interactive = not yes and not json_flag and sys.stdin.isatty() and sys.stdout.isatty() and "-" not in sources
    failed = 0
    drafts: list[dict[str, Any]] = []
    for source in track(sources, "reading articles", minimum=2):
        from ..ingest import TooFewParties, propose

        text = read_text(source)
        name = "stdin" if source == "-" else source
        try:
            draft = propose(text, today=utc_now()[:10], published=published, outlet=outlet, url=url,
                            parties=country, name=name)  # fmt: skip
        except TooFewParties as e:
            from ..app import error

            error(str(e))
            failed += 1
            continue
        if explain and not json_flag:
            for field, rule in draft.evidence.rules().items():
                note(f"{name}: {field}: {rule}")
        record, saved = _decide(_validated(draft, name), draft, name, yes=yes, interactive=interactive,
                                json_flag=json_flag)  # fmt: skip
        if json_flag:
            out = record.to_dict()
            if not saved:
                out.pop("id", None)
            if explain:
                out["evidence"] = draft.evidence.as_dict()
            drafts.append(out)
    if json_flag:
        from ..formats import write_json

        write_json(drafts[0] if len(sources) == 1 and drafts else drafts, sys.stdout)
    if failed:
        raise typer.Exit(ExitCode.USAGE)


def _validated(draft: Draft, name: str) -> Engagement:
    from ..models import parse_record

    try:
        return parse_record(draft.record)
    except InvalidInput as e:
        raise InvalidInput(f"{name}: the draft is not a valid record: {e}") from None


def _decide(
    record: Engagement, draft: Draft, name: str, *, yes: bool, interactive: bool, json_flag: bool
) -> tuple[Engagement, bool]:
    """Show the draft, then save it if told to or if the person at the terminal agrees."""
    if not json_flag:
        from ..render import console, draft_panel

        console(pipe_width=120).print(draft_panel(record, draft.evidence.shown(), f"Draft from {name}"))
    if interactive:
        confirmed = _confirm(record)
        if confirmed is None:
            note(f"{name}: not saved")
            return record, False
        record = confirmed
    elif not yes:
        note(f"{name}: not saved (give --yes to save)")
        return record, False
    return record, _save(record, name)


def _confirm(record: Engagement) -> Engagement | None:
    """Ask before saving; let the person correct the parties, date, kind and areas."""
    from ..models import parse_record

    answer = typer.prompt("Save this engagement? [y]es, [n]o, [e]dit", default="y").strip().lower()
    if answer.startswith("n"):
        return None
    if answer.startswith("e"):
        raw = record.to_dict()
        raw["countries"] = typer.prompt("Countries", default=", ".join(record.countries)).split(",")
        raw["date"] = typer.prompt("Date", default=record.date)
        raw["kind"] = typer.prompt("Kind", default=record.kind)
        raw["areas"] = [a for a in typer.prompt("Areas", default=", ".join(record.areas)).split(",") if a.strip()]
        return parse_record(raw)
    return record


def _save(record: Engagement, name: str) -> bool:
    from ..bulk import import_records
    from ..dates import utc_now

    record.created = record.updated = utc_now()
    target = store()
    fresh, _ = import_records(target, [record], same="occasion")
    if not fresh:
        same = next(r for r in target.stored() if r.occasion() == record.occasion())
        note(f"{name}: the same engagement is stored as {same.id} (same date, parties and kind); not saved again")
        return False
    note(f"{name}: saved as {fresh[0].id}")
    return True

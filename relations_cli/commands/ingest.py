"""ingest: read news articles and propose the engagements they report; save on --yes or when confirmed."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..app import command, note, store
from ..errors import ExitCode, InvalidInput

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
        list[str] | None,
        typer.Option("--country", "-c", metavar="COUNTRY", help="The parties (repeatable); overrides what is found."),
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", metavar="DATE", help="Publication date, if the text lacks it.")
    ] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", metavar="NAME", help="The outlet that published the article.")
    ] = None,
    url: Annotated[str | None, typer.Option("--url", metavar="URL", help="The article's address.")] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="All the evidence for each field (in the panel, or in --json).")
    ] = False,
    json_flag: Annotated[
        bool, typer.Option("--json", help="Print the draft record as JSON (a list with several files).")
    ] = False,
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
    # A progress bar would be drawn over the questions: only when nobody is asked anything.
    for source in track(sources, "reading articles", minimum=len(sources) + 1 if interactive else 2):
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
        record, saved = _decide(_validated(draft, name), draft, name, yes=yes, interactive=interactive,
                                json_flag=json_flag, explain=explain)  # fmt: skip
        if json_flag:
            out = record.to_dict()
            if not saved:
                out.pop("id", None)
            if explain:
                out["evidence"] = draft.evidence
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
    record: Engagement, draft: Draft, name: str, *, yes: bool, interactive: bool, json_flag: bool, explain: bool
) -> tuple[Engagement, bool]:
    """Show the draft, then save it if told to or if the person at the terminal agrees."""

    def show(shown: Engagement) -> None:
        from ..render import display, draft_panel

        display(draft_panel(shown, draft.evidence, f"Draft from {name}", explain=explain))

    if not json_flag:
        show(record)
    if interactive:
        from ..ingest import summary_of
        from ..review import review

        confirmed = review(record, show, summarise=summary_of)
        if confirmed is None:
            note(f"{name}: not saved")
            return record, False
        record = confirmed
    elif not yes:
        note(f"{name}: not saved (give --yes to save)")
        return record, False
    return record, _save(record, name)


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

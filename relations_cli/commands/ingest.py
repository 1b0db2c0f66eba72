"""ingest: read news articles and propose the engagements they report; save on --yes or when confirmed."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..app import command, error, note, store
from ..errors import ExitCode, InvalidInput, RelationsError
from ..options import JsonOption

if TYPE_CHECKING:
    from ..ingest import Draft
    from ..ingest.sources import Source
    from ..models import Engagement
    from ..storage.records import Stored


class IngestFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


@dataclass
class Outcome:
    """What became of one source: a draft, saved, a duplicate of a stored record, or failed."""

    source_file: str
    status: str = "failed"
    record: dict[str, Any] | None = None
    id: int | None = None
    duplicate_of: int | None = None
    error: str | None = None
    exit_code: int = ExitCode.USAGE
    extra: dict[str, Any] = field(default_factory=dict)

    def line(self) -> dict[str, Any]:
        """The `--format jsonl` object: the status first, then the record's fields."""
        head: dict[str, Any] = {"status": self.status, "source_file": self.source_file}
        if self.id is not None:
            head["id"] = self.id
        if self.duplicate_of is not None:
            head["duplicate_of"] = self.duplicate_of
        if self.error:
            head["error"] = self.error
        body = {k: v for k, v in (self.record or {}).items() if k != "id"}
        return {**head, **body, **self.extra}


@command("ingest")
def ingest(
    files: Annotated[
        list[str] | None,
        typer.Argument(metavar="[SOURCE]...", help="Articles: text or HTML files, http(s) URLs, or - for stdin."),
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
        bool,
        typer.Option(
            "--explain",
            help="Name the rule that decided each field, and show all the evidence (with --json: add it).",
        ),
    ] = False,
    output: Annotated[
        IngestFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (the draft panel), json, or jsonl (one object per source).",
            case_sensitive=False,
        ),
    ] = IngestFormat.text,
    json_flag: JsonOption = False,
) -> None:
    """Read news articles (text, HTML or URLs) and propose the engagement each reports, with its evidence.

    Example: relations ingest https://example.org/report.html --yes
    """
    from ..dates import check, utc_now
    from ..progress import track

    if json_flag and output is IngestFormat.jsonl:
        raise InvalidInput("--json and --format jsonl contradict each other; give one")
    shape = "json" if json_flag else output.value
    sources = files or ["-"]
    published = check(published, field="--published") if published else None
    interactive = not yes and shape == "text" and sys.stdin.isatty() and sys.stdout.isatty() and "-" not in sources
    outcomes: list[Outcome] = []
    # A progress bar would be drawn over the questions: only when nobody is asked anything.
    for source in track(sources, "reading articles", minimum=len(sources) + 1 if interactive else 2):
        from ..ingest import propose
        from ..ingest.sources import load

        outcome = Outcome("stdin" if source == "-" else source)
        outcomes.append(outcome)
        try:
            article = load(source, url)
            given = "--published" if published else article.evidence.get("published", "the page")
            draft = propose(
                article.text, today=utc_now()[:10], published=published or article.published, published_from=given,
                outlet=outlet or article.outlet, url=url or article.url, author=article.author, parties=country,
                name=outcome.source_file, outlet_from="--outlet" if outlet else "the page's site name",
            )  # fmt: skip
            _settle(outcome, draft, article, yes=yes, interactive=interactive, shape=shape, explain=explain)
        except RelationsError as e:
            outcome.status, outcome.error, outcome.exit_code = "failed", str(e), e.exit_code
            if shape != "jsonl":
                error(str(e))
        if shape == "jsonl":  # one line as each source is done, so that a long batch streams
            from ..formats import write_jsonl

            write_jsonl([outcome.line()], sys.stdout)
    if shape == "json":
        from ..formats import write_json

        shown = [o.record for o in outcomes if o.record is not None]
        write_json(shown[0] if len(sources) == 1 and shown else shown, sys.stdout)
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        raise typer.Exit(failed[0].exit_code if len(sources) == 1 else ExitCode.USAGE)


def _settle(
    outcome: Outcome, draft: Draft, article: Source, *, yes: bool, interactive: bool, shape: str, explain: bool
) -> None:
    """Show the draft, then save it if told to (or if the person at the terminal agrees), unless stored already."""
    name = outcome.source_file
    for warning in draft.warnings:
        note(f"warning: {warning}")
    if explain and shape == "text":
        for key, rule in draft.evidence.rules().items():
            note(f"{name}: {key}: {rule}")
    raw = {**draft.record, "tags": [*draft.record["tags"], f"text-sha256:{article.text_hash()}"]}
    extra: dict[str, Any] = {"evidence": draft.evidence.as_dict()} if explain and shape != "text" else {}
    if raw["date"] is None:
        raw["date"] = _ask_date(name) if interactive else None
        if raw["date"] is None:  # printed as it stands, with the reason; nothing saved
            outcome.record, outcome.extra = {**raw, "reason": draft.evidence.date.words, **extra}, extra
            raise InvalidInput(f"{name}: {draft.evidence.date.words}")
    record = _validated(raw, name)
    outcome.record, outcome.extra, outcome.status = {**_draft_dict(record), **extra}, extra, "draft"
    same = _stored_already(record, article.text_hash())

    def show(shown: Engagement) -> None:
        from ..render import PANEL_PIPE_WIDTH, display, draft_panel

        panel = draft_panel(shown, draft.evidence.shown(), f"Draft from {name}", explain=explain)
        display(panel, pipe_width=PANEL_PIPE_WIDTH)

    if shape == "text":
        show(record)
    if same is not None:
        outcome.status, outcome.duplicate_of = "duplicate", same.id
        note(f"{name}: the same article or engagement is stored as {same.id}; not saved again")
        return
    if interactive:
        from ..ingest import summary_of
        from ..review import review

        confirmed = review(record, show, summarise=summary_of)
        if confirmed is None:
            note(f"{name}: not saved")
            return
        record = confirmed
    elif not yes:
        note(f"{name}: not saved (give --yes to save)")
        return
    _save(outcome, record, name)


def _draft_dict(record: Engagement) -> dict[str, Any]:
    """A draft as JSON: no id, and no created/updated (it has not been stored)."""
    out = record.to_dict()
    for key in ("id", "created", "updated"):
        out.pop(key, None)
    return out


def _validated(raw: dict[str, Any], name: str) -> Engagement:
    from ..models import parse_record

    try:
        return parse_record(raw)
    except InvalidInput as e:
        raise InvalidInput(f"{name}: the draft is not a valid record: {e}") from None


def _stored_already(record: Engagement, text_hash: str) -> Stored | None:
    """A stored record from the same URL or the same text, or of the same engagement (date, parties, kind)."""
    tag = f"text-sha256:{text_hash}"
    url = record.source.url
    for s in store().rows():
        if tag in s.tags or (url and s.doc["source"]["url"] == url) or s.occasion() == record.occasion():
            return s
    return None


def _ask_date(name: str) -> str | None:
    """The date, asked of the person at the terminal until it is a real one; None when skipped or at end of input."""
    from ..dates import check
    from ..review import read_line, say

    while True:
        answer = read_line(f"{name}: no date found. Date of the engagement (YYYY-MM-DD; Enter to skip):")
        if answer is None or not answer.strip():
            return None
        try:
            return check(answer.strip(), field="date")
        except InvalidInput as e:
            say(f"Error: {e}; try again.")


def _save(outcome: Outcome, record: Engagement, name: str) -> None:
    from ..bulk import import_records

    fresh, _ = import_records(store(), [record], same="occasion")
    if not fresh:  # stored by another writer since we looked
        outcome.status = "duplicate"
        note(f"{name}: the same engagement is stored already; not saved again")
        return
    outcome.status, outcome.id = "saved", fresh[0].id
    outcome.record = {**fresh[0].to_dict(), **outcome.extra}
    note(f"{name}: saved as {fresh[0].id}")

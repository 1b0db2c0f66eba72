"""The Typer app, its global options, the options commands share, and turning errors into exit codes."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import ExitCode, InvalidInput, RelationsError
from .text import printable

if TYPE_CHECKING:
    from .storage.store import Store

# The order of use, the order `relations --help` lists the commands in (the one place it is defined).
# Commands not named here are listed after these, in the order they were registered.
COMMAND_ORDER: tuple[str, ...] = (
    "add", "list", "show", "edit", "delete",
    "summary", "matrix", "brief", "graph",
    "import", "export", "ingest", "events-sql",
    "countries", "areas", "schema", "check",
)  # fmt: skip


def _usage_error_line(self: Any, file: Any = None) -> None:
    """Bad usage in one line, as every other bad input gets (Click prints a usage banner and a hint first)."""
    where = f" (see {self.ctx.command_path} -h)" if self.ctx is not None else ""
    sys.stderr.write(printable(f"Error: {self.format_message()}{where}") + "\n")


def _click() -> Any:
    """The Click whose errors Typer raises: its own copy from Typer 0.22 on (Click itself is then not
    installed), Click before."""
    vendored = getattr(typer.core, "_click", None)
    if vendored is not None:
        return vendored
    import click  # type: ignore[import-not-found, unused-ignore]

    return click


_click().exceptions.UsageError.show = _usage_error_line


class _InOrderOfUse(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        registered = list(self.commands)
        known = [name for name in COMMAND_ORDER if name in self.commands]
        return known + [name for name in registered if name not in COMMAND_ORDER]


# For scripts: the same table is in the README's Scripting section (a test keeps them in step).
EXIT_CODES = """\b
Exit codes:
  0   success
  1   could not be done (no such id; database unreadable or damaged;
      output not written)
  2   invalid input or usage (nothing written; in a batch, some items failed
      and the good ones were saved)
  75  temporary: the database stayed locked by another writer; try again
"""

app = typer.Typer(
    name="relations",
    cls=_InOrderOfUse,
    help="Track bilateral relations: every engagement between countries, by area, over time.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES,
)


class _State:
    db: Path | None = None
    opened: Path | None = None  # the database this run opened, if it had no file then


state = _State()

F = TypeVar("F", bound=Callable[..., Any])


def error(message: str) -> None:
    """One `Error: …` line on stderr, with control characters made visible."""
    sys.stderr.write(f"Error: {printable(message)}\n")


def note(message: str) -> None:
    """A message for the person at the terminal, on stderr."""
    sys.stderr.write(printable(message) + "\n")


_DB_PARAMETER = "db_after_command"  # the name `--db` after the command has in each command's signature
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        metavar="FILE",
        help="Database file (default: $RELATIONS_DB, else relations.json in the user data directory); "
        "also accepted before the command.",
        show_default=False,
    ),
]


def command(*names: str, **kwargs: Any) -> Callable[[F], F]:
    """Register a command whose RelationsError becomes `Error: …` and its exit code.

    Every command also takes `--db` after its name (`relations list --db x.json`), and says on stderr
    when the database it opened had no file (`no database at …`) or was created by this run.
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def run(*args: Any, **options: Any) -> Any:
            db = options.pop(_DB_PARAMETER, None)
            if options.pop(_PAGER_PARAMETER, False):
                _no_pager()
            state.opened = None
            try:
                _reject_undecodable([*options.values(), str(db)])
                if db is not None:
                    state.db = db
                result = func(*args, **options)
                sys.stdout.flush()  # so that a failed write shows here, not as a traceback at exit
            except RelationsError as e:
                _report_new_or_missing()
                error(str(e))
                raise typer.Exit(e.exit_code) from None
            except BrokenPipeError:
                _quiet_broken_pipe()
            except typer.Exit:
                _report_new_or_missing()
                raise
            except OSError as e:
                _stdout_failed(e)
            _report_new_or_missing()
            return result

        signature = inspect.signature(func, eval_str=True)
        extra = [
            inspect.Parameter(_DB_PARAMETER, inspect.Parameter.KEYWORD_ONLY, annotation=DbOption, default=None),
            inspect.Parameter(
                _PAGER_PARAMETER, inspect.Parameter.KEYWORD_ONLY, annotation=NoPagerOption, default=False
            ),
        ]
        parameters = [*signature.parameters.values(), *extra]
        run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        app.command(*names, **kwargs)(run)
        return func

    return decorate


_PAGER_PARAMETER = "no_pager_after_command"
NoPagerOption = Annotated[
    bool, typer.Option("--no-pager", help="Never page output (also: RELATIONS_PAGER= with nothing after it).")
]


def _no_pager() -> None:
    from .pager import settings

    settings.enabled = False


def store() -> Store:
    """The database chosen by --db, RELATIONS_DB or the user data directory."""
    from .storage.store import Store, default_path

    path = state.db or default_path()
    if state.opened is None and not path.exists():
        state.opened = path
    return Store(path)


def _report_new_or_missing() -> None:
    # Typing `--db relatons.json` should not pass unnoticed: a read finds no file, or a write creates one.
    path, state.opened = state.opened, None
    if path is not None:
        note(f"created {path}" if path.exists() else f"no database at {path}")


def _reject_undecodable(values: Any) -> None:
    # Arguments that were not UTF-8 reach Python as lone surrogates; they cannot be stored or printed.
    for value in values:
        items = value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            if isinstance(item, str):
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    raise InvalidInput("an argument is not valid UTF-8") from None


def _quiet_broken_pipe() -> None:
    # The reader went away (`relations list | head`): stop quietly, as other Unix tools do.
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(ExitCode.OK)


def _stdout_failed(e: OSError) -> None:
    # Every other file is opened and written where its errors become a RelationsError; what is left is
    # stdout (`list > /dev/full`). Its unwritten buffer goes to /dev/null so that exit does not retry it.
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real stdout (tests)
        pass
    where = f"cannot write {e.filename}" if e.filename else "cannot write to stdout"
    error(f"{where}: {e.strerror or e}")
    raise typer.Exit(ExitCode.FAILURE)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"relations {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="FILE",
            help="Database file (default: $RELATIONS_DB, else relations.json in the user data directory).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    no_pager: NoPagerOption = False,
) -> None:
    """Track bilateral relations: every engagement between countries, by area, over time.

    Example: relations add Azerbaijan Pakistan --date 2021-12-01 --area military-technical
    """
    try:
        _reject_undecodable([str(db)])
    except InvalidInput as e:
        error(f"--db: {e}")
        raise typer.Exit(e.exit_code) from None
    state.db = db
    if no_pager:
        _no_pager()

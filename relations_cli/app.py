"""The Typer app, its global options, the options commands share, and turning errors into exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from . import __version__
from .errors import ExitCode, InvalidInput, RelationsError
from .text import printable

if TYPE_CHECKING:
    from .store import Store

# For scripts: the same table is in the README's Scripting section (a test keeps them in step).
EXIT_CODES = """\b
Exit codes:
  0   success
  1   could not be done (no such id, database unreadable or damaged, output not written)
  2   invalid input or usage (nothing was written; batch commands: some items failed, the good ones were saved)
  75  temporary: the database was locked by another writer for too long; try again
"""

app = typer.Typer(
    name="relations",
    help="Track bilateral relations: every engagement between countries, by area, over time.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES,
)


class _State:
    db: Path | None = None


state = _State()

F = TypeVar("F", bound=Callable[..., Any])


def error(message: str) -> None:
    """One `Error: …` line on stderr, with control characters made visible."""
    sys.stderr.write(f"Error: {printable(message)}\n")


def note(message: str) -> None:
    """A message for the person at the terminal, on stderr."""
    sys.stderr.write(printable(message) + "\n")


def command(*names: str, **kwargs: Any) -> Callable[[F], F]:
    """Register a command whose RelationsError becomes `Error: …` and its exit code."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def run(*args: Any, **options: Any) -> Any:
            try:
                _reject_undecodable(options.values())
                result = func(*args, **options)
                sys.stdout.flush()  # so that a failed write shows here, not as a traceback at exit
                return result
            except RelationsError as e:
                error(str(e))
                raise typer.Exit(e.exit_code) from None
            except BrokenPipeError:
                _quiet_broken_pipe()
            except OSError as e:
                _stdout_failed(e)

        app.command(*names, **kwargs)(run)
        return func

    return decorate


def store() -> Store:
    """The database chosen by --db, RELATIONS_DB or the user data directory."""
    from .store import Store, default_path

    return Store(state.db or default_path())


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
            help="Database file (default: $RELATIONS_DB, else relations.json in the user data directory).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
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

"""One family of errors, each carrying the exit code the CLI turns it into."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # the work could not be done: no such id, database unreadable or locked
    USAGE = 2  # invalid usage or invalid input
    TEMPORARY = 75  # EX_TEMPFAIL (sysexits.h): the database was locked too long; the same command may succeed later


class RelationsError(Exception):
    """Base of every error the program reports to the user."""

    exit_code: ExitCode = ExitCode.FAILURE


class InvalidInput(RelationsError):
    """Input that can never succeed as given: unknown country, bad date, unknown kind."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(RelationsError):
    """A record that is not in the database."""


class StoreError(RelationsError):
    """The database file cannot be read, trusted, locked or written."""


class Duplicate(RelationsError):
    """The engagement is already stored (add refuses it unless forced)."""


class TemporaryFailure(StoreError):
    """Could not be done now but may succeed if tried again: the database stayed locked too long."""

    exit_code = ExitCode.TEMPORARY


class OutputError(RelationsError):
    """The output could not be written: a full disk, a closed pipe, a device that refuses it."""

"""Shared fixtures: a temporary database and a way to run the CLI against it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from relations_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample.json"

Run = Callable[..., Result]


def ingest_draft(run: Run, text: str, *args: str) -> dict[str, Any]:
    """The draft `ingest --json` proposes for an article given on stdin (the run must succeed)."""
    result = run("ingest", "-", "--json", *args, input=text)
    assert result.exit_code == 0, result.stderr
    draft: dict[str, Any] = json.loads(result.stdout)
    return draft


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's database, and never inherit a terminal's colour settings."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("RELATIONS_DB", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "RELATIONS_LOCK_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "relations.json"


@pytest.fixture
def run(db: Path) -> Run:
    """Invoke `relations --db DB ARGS…` in-process; stdout and stderr stay separate."""

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(app, ["--db", str(db), *args], input=input, env=env)

    return invoke


@pytest.fixture
def add(run: Run) -> Callable[..., int]:
    """Add a record through the CLI and return its id."""

    def adding(*args: str) -> int:
        result = run("add", *args)
        assert result.exit_code == 0, result.stderr
        return int(result.stdout)

    return adding


def relations(*args: str, db: Path | None = None, input: bytes | None = None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:  # fmt: skip
    """Run the real program in a child process, as a shell script would."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    full_env.update(env or {})
    db_args = ["--db", str(db)] if db is not None else []
    return subprocess.run(
        [sys.executable, "-m", "relations_cli", *db_args, *args],
        input=input,
        capture_output=True,
        env=full_env,
        timeout=60,
    )


def at_a_terminal(args: list[str], env: dict[str, str], *, stream: str = "stdout", answers: str | None = None,
                  size: tuple[int, int] | None = None) -> str:  # fmt: skip
    """Run relations with stdout or stderr on a pseudo-terminal (and stdin too when there are answers to
    type) and return what it printed there. With `size` (columns, rows) the terminal has that size, as a
    real one does, and COLUMNS is not set; the pager is off unless `env` names one."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    leader, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    full_env.update({"TERM": "xterm-256color", "RELATIONS_PAGER": ""})
    if size is None:
        full_env["COLUMNS"] = "200"
    else:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    full_env.update(env)
    out, err = {"stdout": (follower, subprocess.PIPE), "stderr": (subprocess.PIPE, follower),
                "both": (follower, follower)}[stream]  # fmt: skip
    stdin = follower if answers is not None else subprocess.DEVNULL
    proc = subprocess.Popen(
        [sys.executable, "-m", "relations_cli", *args], stdin=stdin, stdout=out, stderr=err, env=full_env
    )
    os.close(follower)
    if answers is not None:
        os.write(leader, answers.encode())
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode(errors="replace")


@contextmanager
def lock_held(db: Path) -> Iterator[None]:
    """The database's lock held by another process, as another writer would, until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import filelock, time; lock = filelock.FileLock({str(db) + '.lock'!r}); "
         "lock.acquire(); print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield
    finally:
        holder.kill()
        holder.wait()


def pending_upgrade(run: Run, db: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, Path]:
    """A one-record database that the next write must upgrade (this program made one schema newer, its
    migration changing nothing): the file's bytes, and where the upgrade keeps the old file."""
    from relations_cli.storage import store as store_module
    from relations_cli.storage.store import Store

    run("add", "AZ", "PK", "--date", "2021")
    current = store_module.SCHEMA_VERSION
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(store_module, "MIGRATIONS", {current: lambda tables: tables})
    return db.read_bytes(), Store(db).backup_path(current)

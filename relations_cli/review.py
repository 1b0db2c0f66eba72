"""Asking a person at the terminal: questions that accept only their answers, and reviewing a draft record.

Nothing here saves: `review` returns the record to save, or None. End of input and Ctrl-C always mean
"no", and a bad value is asked again rather than ending the run.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from typing import Any

from .errors import InvalidInput
from .models import Engagement, parse_participant, parse_record

# The fields a draft's editor offers, as typed at the prompt, with how a typed line becomes the value.
LISTS = ("countries", "areas", "mentioned", "tags")
FIELDS = ("countries", "date", "kind", "areas", "location", "place", "participants", "mentioned", "summary",
          "outlet", "author", "url", "published", "tags")  # fmt: skip
NESTED = {"location": ("location", "country"), "place": ("location", "place"), "outlet": ("source", "outlet"),
          "author": ("source", "author"), "url": ("source", "url"), "published": ("source", "published")}  # fmt: skip


def ask(question: str, answers: Mapping[str, str], default: str | None = None) -> str | None:
    """The answer chosen (its key), by its first letter or whole word; asked again otherwise; None on EOF/Ctrl-C."""
    while True:
        line = read_line(question)
        if line is None:
            return None
        word = line.strip().casefold()
        if not word and default is not None:
            return default
        for key, name in answers.items():
            if word in (key, name.casefold()):
                return key
        say(f"Please answer {', '.join(f'{k} ({n})' for k, n in answers.items())}.")


def read_line(question: str) -> str | None:
    """One line typed after the question (on stderr, so stdout stays data); None on EOF or Ctrl-C."""
    try:  # the question too: Ctrl-C the moment it appears is still an answer, not a traceback or exit 130
        say(question, end=" ")
        line = sys.stdin.readline()
    except KeyboardInterrupt:
        say("")
        return None
    return line.rstrip("\n") if line else None


def say(message: str, end: str = "\n") -> None:
    from .text import printable

    sys.stderr.write(printable(message) + end)
    sys.stderr.flush()


Show = Callable[[Engagement], None]
Summarise = Callable[[Engagement], str]


def review(record: Engagement, show: Show, summarise: Summarise | None = None) -> Engagement | None:
    """Ask whether to save the draft; [e]dit a field or the whole draft in $EDITOR, then see it again."""
    written_summary = False
    while True:
        choice = ask("Save this engagement? [y]es, [n]o, [e]dit a field, [j]son in $EDITOR:",
                     {"y": "yes", "n": "no", "e": "edit", "j": "json"})  # fmt: skip
        if choice in (None, "n"):
            return None
        if choice == "y":
            return record
        before = record.to_dict()
        edited = edit_fields(record) if choice == "e" else edit_in_editor(record)
        if edited is None:
            continue
        after = edited.to_dict()
        written_summary = written_summary or after["summary"] != before["summary"]
        if summarise is not None and not written_summary and _changed(before, after):
            edited.summary = summarise(edited)
        record = edited
        show(record)


def _changed(before: dict[str, Any], after: dict[str, Any]) -> bool:
    return any(before[k] != after[k] for k in before if k not in ("summary", "created", "updated"))


def edit_fields(record: Engagement) -> Engagement | None:
    """Field by field until an empty line: each value is checked at once and asked again when wrong."""
    raw = record.to_dict()
    while True:
        name = read_line(f"Field to change ({', '.join(FIELDS)}; Enter when done):")
        if name is None:
            return None
        name = name.strip().casefold()
        if not name:
            return parse_record(raw)
        if name not in FIELDS:
            say(f"No field {name!r}.")
            continue
        while True:
            value = read_line(f"{name} [{_current(raw, name)}]:")
            if value is None:
                return None
            candidate = json.loads(json.dumps(raw))
            try:
                _assign(candidate, name, value)
                parse_record(candidate)
            except InvalidInput as e:
                say(f"Error: {e}; try again (Enter keeps the value).")
                continue
            raw = candidate
            break


def _current(raw: dict[str, Any], name: str) -> str:
    if name == "participants":
        return "; ".join("|".join(x or "" for x in (p["name"], p["role"], p["country"])) for p in raw[name])
    if name in NESTED:
        outer, inner = NESTED[name]
        return raw[outer][inner] or ""
    value = raw[name]
    return ", ".join(value) if isinstance(value, list) else value or ""


def _assign(raw: dict[str, Any], name: str, value: str) -> None:
    """A typed line into the record; an empty line keeps the value, `-` clears it."""
    if not value.strip():
        return
    cleared = value.strip() == "-"
    if name in LISTS:
        raw[name] = [] if cleared else [item.strip() for item in value.split(",") if item.strip()]
    elif name == "participants":
        people = [] if cleared else [parse_participant(p.strip()) for p in value.split(";") if p.strip()]
        raw[name] = [{"name": p.name, "role": p.role, "country": p.country} for p in people]
    elif name in NESTED:
        outer, inner = NESTED[name]
        raw[outer][inner] = None if cleared else value.strip()
    else:
        raw[name] = None if cleared else value.strip()


def edit_in_editor(record: Engagement) -> Engagement | None:
    """The whole draft as JSON in $VISUAL/$EDITOR, as `git commit` does; an invalid result can be edited again."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    text = json.dumps({k: v for k, v in record.to_dict().items() if k not in ("id", "created", "updated")},
                      indent=2, ensure_ascii=False) + "\n"  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="relations-") as folder:
        path = os.path.join(folder, "draft.json")
        while True:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            try:
                subprocess.run([*shlex.split(editor), path], check=True)
            except (OSError, subprocess.CalledProcessError) as e:
                say(f"Error: the editor {editor!r} did not run ({e}).")
                return None
            with open(path, encoding="utf-8") as f:
                text = f.read()
            try:
                return parse_record(json.loads(text))
            except (ValueError, InvalidInput) as e:
                say(f"Error: {e}")
                if ask("Edit again? [y]es, [n]o (keep the draft as it was):", {"y": "yes", "n": "no"}) != "y":
                    return None

"""Help that teaches: every option explained with a meaningful value name, commands in the order of use, completion."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from relations_cli.app import COMMAND_ORDER
from relations_cli.cli import app

GROUP = get_command(app)
COMMANDS = sorted(GROUP.commands)  # type: ignore[attr-defined]


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    return result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_has_a_help_line_and_a_meaningful_value_name(name: str) -> None:
    command = GROUP.commands[name]  # type: ignore[attr-defined]
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert param.help, f"{name} {param.opts[0]} has no help"
    text = _help(name)
    assert not re.search(r"<(str|int|path|float|text)>", text), text


@pytest.mark.parametrize(
    ("name", "option", "metavar"),
    [
        ("add", "--date", "DATE"), ("add", "--area", "AREA"), ("add", "--kind", "KIND"),
        ("add", "--participant", "NAME|ROLE|COUNTRY"), ("add", "--mentioned", "COUNTRY"), ("add", "--url", "URL"),
        ("add", "--summary", "TEXT"), ("edit", "--country", "COUNTRY"), ("list", "--limit", "N"),
        ("list", "--since", "DATE"), ("export", "--output", "FILE"), ("ingest", "--country", "COUNTRY"),
    ],
)  # fmt: skip
def test_values_are_named_for_what_they_are(name: str, option: str, metavar: str) -> None:
    assert re.search(rf"{re.escape(option)} {re.escape(metavar)}\b", _help(name))


def test_commands_are_listed_in_the_order_of_use() -> None:
    listed = re.findall(r"^  ([\w-]+) ", _help().split("Commands:", 1)[1].split("\n\n")[0], re.M)
    known = [name for name in COMMAND_ORDER if name in listed]
    assert listed[: len(known)] == known
    assert listed[:5] == ["add", "list", "show", "edit", "delete"]
    assert set(listed) == set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_json_says_what_it_prints_where_there_is_no_format_to_shorten(name: str) -> None:
    params = {opt: p for p in GROUP.commands[name].params for opt in p.opts}  # type: ignore[attr-defined]
    if "--json" in params and "--format" not in params:
        assert "--format" not in (params["--json"].help or "")


def _complete(words: str, shell: str = "bash") -> list[str]:
    env = {**os.environ, "_RELATIONS_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env.update(COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - (0 if words.endswith(" ") else 1)))
    else:
        env.update(_TYPER_COMPLETE_ARGS=words)
    out = subprocess.run([sys.executable, "-m", "relations_cli"], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_completion_of_commands_options_countries_areas_and_kinds() -> None:
    assert _complete("relations ")[:5] == ["add", "list", "show", "edit", "delete"]
    assert "--since" in _complete("relations list --s")
    assert _complete("relations list aze") == ["aze", "azerbaijan"]
    assert "PAK" in _complete("relations add AZ PA")
    assert _complete("relations add AZ PK --area military-t") == ["military-technical"]
    assert _complete("relations list --kind c") == ["call"]
    assert "Azerbaijan" in " ".join(_complete("relations add AZE", "zsh"))  # zsh shows the name beside the code


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_script_is_there_for_each_shell(shell: str) -> None:
    out = subprocess.run([sys.executable, "-m", "relations_cli", "--show-completion", shell],
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert out.returncode == 0 and "_RELATIONS_COMPLETE" in out.stdout


def test_install_completion_writes_the_script_into_the_users_shell_setup(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    out = subprocess.run([sys.executable, "-m", "relations_cli", "--install-completion", "bash"],
                         capture_output=True, text=True, timeout=60, env={**os.environ, "HOME": str(home)})  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "relations" in (home / ".bashrc").read_text()
    scripts = list(home.rglob("relations*"))
    assert scripts and "_RELATIONS_COMPLETE" in scripts[0].read_text()

"""Reviewing a draft at the terminal: nothing is saved by accident, and a slip is asked again, not fatal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from relations_cli.ingest import summary_of
from relations_cli.models import Engagement, parse_record
from relations_cli.review import review
from relations_cli.storage.store import Store

from .conftest import ROOT, at_a_terminal

ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "14-kazakhstan-belarus-counterpart.txt"
DRAFT = {"date": "2023-11-14", "countries": ["KAZ", "BLR"], "kind": "meeting", "areas": ["military"],
         "summary": "Belarus–Kazakhstan: the ministers met."}  # fmt: skip


def answered(monkeypatch: pytest.MonkeyPatch, typed: str) -> tuple[Engagement | None, list[Engagement], str]:
    """Review DRAFT with `typed` as the keyboard; the result, every draft shown, and what was asked."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    asked = io.StringIO()
    monkeypatch.setattr(sys, "stderr", asked)
    shown: list[Engagement] = []
    result = review(parse_record(DRAFT), shown.append, summarise=summary_of)
    return result, shown, asked.getvalue()


@pytest.mark.parametrize("typed", ["q\nx\ncancel\n", "", "maybe\n\n"])
def test_only_yes_saves_and_end_of_input_means_no(monkeypatch: pytest.MonkeyPatch, typed: str) -> None:
    result, _, asked = answered(monkeypatch, typed)
    assert result is None
    if typed.strip():
        assert asked.count("Save this engagement?") == typed.count("\n") + 1  # every line, empty too, asks again
        assert "Please answer y (yes), n (no), e (edit), j (json)." in asked


def test_a_bad_value_is_asked_again_and_the_final_draft_is_shown_before_saving(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    typed = "e\ndate\n2023-13-45\n2023-11-15\nkind\ncall\nplace\nAstana\n\nyes\n"
    result, shown, asked = answered(monkeypatch, typed)
    assert "Error:" in asked and asked.count("date [2023-11-14]:") == 2
    assert result is not None and (result.date, result.kind, result.location.place) == ("2023-11-15", "call", "Astana")
    assert shown and shown[-1].date == "2023-11-15", "the edited draft is shown before the question"
    assert result.summary == summary_of(result) != DRAFT["summary"], "the summary follows the edited fields"


def test_a_summary_the_user_wrote_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    typed = "e\nsummary\nMy own words.\nkind\ncall\n\ny\n"
    result, _, _ = answered(monkeypatch, typed)
    assert result is not None and result.summary == "My own words." and result.kind == "call"


def test_every_field_can_be_edited(monkeypatch: pytest.MonkeyPatch) -> None:
    typed = ("e\nlocation\nKazakhstan\nparticipants\nA B|Defence Minister|KZ; C D|Minister|BY\nmentioned\nRussia\n"
             "outlet\nKazinform\nurl\nhttps://example.org/a\ntags\nvisit\n\ny\n")  # fmt: skip
    result, _, _ = answered(monkeypatch, typed)
    assert result is not None
    assert result.location.country == "KAZ" and [p.name for p in result.participants] == ["A B", "C D"]
    assert result.mentioned == ["RUS"] and result.source.outlet == "Kazinform" and result.tags == ["visit"]


def test_the_whole_draft_can_be_edited_as_json_in_the_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
                      "p.write_text(p.read_text().replace('\"meeting\"', '\"agreement\"'))\n")  # fmt: skip
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    result, shown, _ = answered(monkeypatch, "j\ny\n")
    assert result is not None and result.kind == "agreement" and shown[-1].kind == "agreement"


def test_ingest_on_a_terminal_saves_nothing_on_an_unknown_answer_then_end_of_input(db: Path) -> None:
    shown = at_a_terminal(["--db", str(db), "ingest", str(ARTICLE)], {"TERM": "dumb"}, answers="q\nx\n\x04",
                          stream="both", size=(80, 24))  # fmt: skip
    assert shown.count("Save this engagement?") == 3
    assert "not saved" in shown and not db.exists()


def test_the_draft_and_its_question_fit_a_24_row_screen(db: Path) -> None:
    shown = at_a_terminal(["--db", str(db), "ingest", str(ARTICLE)], {"TERM": "dumb"}, answers="n\n",
                          stream="both", size=(80, 24))  # fmt: skip
    lines = shown.replace("\r", "").split("\n")
    question = next(i for i, line in enumerate(lines) if "Save this engagement?" in line)
    assert question < 24, f"the question is on line {question + 1}"
    drawn = [line for line in lines if "Save this" not in line and not line.startswith("no database at")]
    assert max(len(line) for line in drawn) <= 80  # (the typed answer is echoed early; a path is as long as it is)
    assert Store(db).records() == [] if db.exists() else True

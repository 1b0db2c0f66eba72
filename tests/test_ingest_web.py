"""ingest of web pages (a local http.server, never the internet), batches, missing dates and the jsonl shape."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .conftest import Run, at_a_terminal, relations

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
PAGE = ARTICLES / "web-page.html"
GOOD = ARTICLES / "27-mongolia-korea.txt"
# Written for these tests: a report with no date anywhere in it.
UNDATED = "Azerbaijani Defence Minister Zakir Hasanov met Pakistani counterpart Khawaja Asif in Baku.\n"


class _Pages(BaseHTTPRequestHandler):
    """/article.html: the page; /big: more than the size limit; /missing: 404; /2019/11/17/undated.html."""

    def do_GET(self) -> None:
        if self.path == "/article.html":
            body = PAGE.read_bytes()
        elif self.path == "/2019/11/17/undated.html":
            body = f"<html><body><article><h1>Talks in Baku</h1><p>{UNDATED}</p></article></body></html>".encode()
        elif self.path == "/big":
            body = b"<html><body>" + b"x" * 5_100_000 + b"</body></html>"
        else:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _check_page_draft(draft: dict[str, Any]) -> None:
    assert draft["countries"] == ["GHA", "KEN"]
    assert (draft["date"], draft["kind"]) == ("2024-06-11", "agreement")  # Tuesday before the 12 June stamp
    assert draft["location"] == {"country": "GHA", "place": "Accra"}
    assert {p["name"] for p in draft["participants"]} == {"Kwame Asante", "Wanjiru Kamau"}
    # navigation, the cookie banner and related links are not the article
    assert not {"FRA", "BRA", "DEU", "PER"} & set(draft["mentioned"])
    assert draft["source"]["outlet"] == "Savannah Courier"
    assert draft["source"]["author"] == "Ama Mensah"
    assert draft["source"]["published"] == "2024-06-12"  # published, not modified
    assert "created" not in draft and "updated" not in draft


def test_a_url_is_fetched_read_and_becomes_the_source_url(run: Run, server: str) -> None:
    url = f"{server}/article.html"
    result = run("ingest", url, "--json")
    assert result.exit_code == 0, result.stderr
    draft = json.loads(result.stdout)
    _check_page_draft(draft)
    assert draft["source"]["url"] == url


def test_a_saved_html_file_and_html_on_stdin_read_the_same(run: Run) -> None:
    from_file = json.loads(run("ingest", str(PAGE), "--json").stdout)
    _check_page_draft(from_file)
    from_stdin = run("ingest", "-", "--json", input=PAGE.read_text())
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert json.loads(from_stdin.stdout) == from_file


@pytest.mark.parametrize("path", ["/missing", "/big"])
def test_a_page_that_fails_exits_1_naming_the_url(run: Run, db: Path, server: str, path: str) -> None:
    url = f"{server}{path}"
    result = run("ingest", url, "--yes")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {url}: ") and result.stderr.count("\n") == 1
    assert not db.exists()


def test_an_unreachable_host_exits_1_without_a_traceback(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = relations("ingest", f"http://127.0.0.1:{port}/x", db=tmp_path / "db.json")
    assert done.returncode == 1
    assert done.stderr.decode().startswith(f"Error: http://127.0.0.1:{port}/x: could not fetch it")
    assert b"Traceback" not in done.stderr


def test_a_batch_saves_the_good_sources_reports_each_failure_and_exits_2(run: Run, server: str) -> None:
    sources = [str(GOOD), f"{server}/missing", f"{server}/article.html"]
    result = run("ingest", *sources, "--yes")
    assert result.exit_code == 2
    assert "saved as 1" in result.stderr and "saved as 2" in result.stderr
    assert f"Error: {server}/missing: the server answered 404" in result.stderr
    stored = json.loads(run("list", "--json").stdout)
    assert sorted(r["countries"] for r in stored) == [["GHA", "KEN"], ["KOR", "MNG"]]


def test_no_date_prints_the_draft_with_a_null_date_and_the_reason_and_saves_nothing(run: Run, db: Path) -> None:
    result = run("ingest", "-", "--json", "--yes", input=UNDATED)
    assert result.exit_code == 2
    draft = json.loads(result.stdout)
    assert draft["date"] is None and draft["countries"] == ["AZE", "PAK"]
    assert "no date found" in draft["reason"] and "--published" in draft["reason"]
    assert not db.exists()


def test_on_a_terminal_a_missing_date_is_asked_for_and_a_wrong_answer_asked_again(db: Path, tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text(UNDATED, encoding="utf-8")
    shown = at_a_terminal(["--db", str(db), "ingest", str(article)], {"TERM": "dumb", "COLUMNS": "160"},
                          answers="2024-02-30\n2024-02-12\ny\n", stream="both")  # fmt: skip
    assert "no date found" in shown and "try again" in shown
    from relations_cli.storage.store import Store

    [record] = Store(db).records()
    assert (record.date, record.countries) == ("2024-02-12", ["AZE", "PAK"])


def test_a_date_in_the_url_path_is_the_publication_date_when_nothing_better(run: Run, server: str) -> None:
    draft = json.loads(run("ingest", f"{server}/2019/11/17/undated.html", "--json").stdout)
    assert draft["source"]["published"] == "2019-11-17" and draft["date"] == "2019-11-17"
    text = json.loads(run("ingest", "-", "--json", "--url", "https://x.example/2020/02/03/a", input=UNDATED).stdout)
    assert text["date"] == "2020-02-03"


def test_jsonl_is_one_object_per_source_with_its_status(run: Run, tmp_path: Path) -> None:
    lonely = tmp_path / "lonely.txt"
    lonely.write_text("date 2024-05-02\n\nThe Kenyan cabinet met in Nairobi on Wednesday.\n")
    first = run("ingest", str(GOOD), "--format", "jsonl")
    [draft] = [json.loads(line) for line in first.stdout.splitlines()]
    assert (draft["status"], draft["source_file"]) == ("draft", str(GOOD))
    assert "id" not in draft and "created" not in draft and "updated" not in draft
    result = run("ingest", str(GOOD), str(lonely), str(GOOD), "--format", "jsonl", "--yes")
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["status"] for line in lines] == ["saved", "failed", "duplicate"]
    assert lines[0]["id"] == 1 and lines[2]["duplicate_of"] == 1
    assert "fewer than two parties" in lines[1]["error"] and lines[1]["source_file"] == str(lonely)


def test_a_stored_article_is_recognised_by_its_text_or_url_whatever_date_it_resolves(run: Run) -> None:
    text = "BAKU, Dec 1 (Reuters) - " + UNDATED
    first = run("ingest", "-", "--yes", "--json", input=text)
    assert first.exit_code == 0, first.stderr
    assert "the article's date has no year" in first.stderr  # only the clock supplies the year: said so
    assert "today's" in json.loads(run("ingest", "-", "--json", "--explain", input=text).stdout)["evidence"]["date"]
    later = run("ingest", "-", "--yes", "--published", "2019-12-02", "--format", "jsonl", input=text)
    [line] = [json.loads(x) for x in later.stdout.splitlines()]
    assert (line["status"], line["duplicate_of"]) == ("duplicate", 1)  # same text, another date
    url = "https://example.org/az-pk"
    run("ingest", str(GOOD), "--yes", "--url", url)
    again = run("ingest", "-", "--url", url, "--published", "2001-01-01", "--format", "jsonl", input=UNDATED)
    assert json.loads(again.stdout)["duplicate_of"] == 2  # same URL
    assert len(json.loads(run("list", "--json").stdout)) == 2


def test_a_year_less_date_resolves_against_the_publication_date(run: Run) -> None:
    text = "BAKU, Dec 1 (Reuters) - " + UNDATED
    draft = json.loads(run("ingest", "-", "--json", "--published", "2019-12-02", input=text).stdout)
    assert draft["date"] == "2019-12-01"

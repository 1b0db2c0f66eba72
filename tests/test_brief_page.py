"""The HTML brief opened in real headless Chromium with the network off: it renders its charts as SVG,
makes no request beyond itself, and logs no error."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import brief_data, chromium
from .conftest import SAMPLE, Run

pytestmark = pytest.mark.skipif(
    chromium.find() is None, reason="Chromium not found (Debian package `chromium`; .ci/run installs it)"
)

PROBE = """({
  svgs: document.querySelectorAll('figure > svg').length,
  svgNamespace: [...document.querySelectorAll('figure > svg')].every(s => s.namespaceURI === 'http://www.w3.org/2000/svg'),
  drawn: [...document.querySelectorAll('figure > svg')].map(s => s.querySelectorAll('rect, circle, path').length),
  widths: [...document.querySelectorAll('figure > svg')].map(s => Math.round(s.getBoundingClientRect().width)),
  headings: [...document.querySelectorAll('h2')].map(h => h.textContent),
  scripts: document.scripts.length,
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
})"""


def render(run: Run, tmp_path: Path, *args: str) -> Path:
    page = tmp_path / "brief.html"
    result = run("brief", *args, "-o", str(page))
    assert result.exit_code == 0, result.stderr
    return page


def test_sample_pair_page_renders_offline(run: Run, tmp_path: Path) -> None:
    def on_sample(*args: str) -> object:
        return run("--db", str(SAMPLE), *args)

    page = render(on_sample, tmp_path, "AZ", "PK")  # type: ignore[arg-type]
    seen = chromium.visit(page, PROBE)
    assert seen.requests == [page.resolve().as_uri()]  # the page itself and nothing else
    assert seen.errors == []
    probe = seen.value
    assert probe["svgs"] == 2 and probe["svgNamespace"]
    assert all(n > 10 for n in probe["drawn"])  # bars and dots, not empty frames
    assert all(w > 500 for w in probe["widths"])
    assert probe["headings"][:2] == ["Timeline", "Areas over time"]
    assert "People" in probe["headings"] and "Latest engagements" in probe["headings"]
    assert probe["scripts"] == 0
    assert any(link.startswith("https://news.az/") for link in probe["links"])
    assert seen.screenshot.startswith(b"\x89PNG\r\n\x1a\n") and len(seen.screenshot) > 20_000


def test_one_country_page_has_its_partners_chart(run: Run, tmp_path: Path) -> None:
    assert run("import", str(brief_data.write(tmp_path / "b.jsonl"))).exit_code == 0
    seen = chromium.visit(render(run, tmp_path, "AZ"), PROBE)
    assert seen.errors == [] and len(seen.requests) == 1
    assert seen.value["svgs"] == 3 and "Partners" in seen.value["headings"]

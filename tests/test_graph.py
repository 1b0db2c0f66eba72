"""graph: every format read back with networkx, with the figures of brief_data.py worked out by hand."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import networkx as nx
import pytest

from . import brief_data
from .conftest import Run

# AZE is in all five; PAK in 1, 2, 3, 5; TUR only in the trilateral 2; GEO only in 4.
NODES = {"AZE": 5, "PAK": 4, "GEO": 1, "TUR": 1}
# The trilateral counts toward each of its three pairs.
EDGES = {("AZE", "PAK"): 4, ("AZE", "TUR"): 1, ("PAK", "TUR"): 1, ("AZE", "GEO"): 1}


@pytest.fixture
def loaded(run: Run, tmp_path: Path) -> Run:
    assert run("import", str(brief_data.write(tmp_path / "graph.jsonl"))).exit_code == 0
    return run


def read(fmt: str, text: str) -> nx.Graph:
    if fmt == "gexf":
        return nx.read_gexf(io.BytesIO(text.encode()))
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(text.encode()))
    if fmt == "dot":
        with warnings.catch_warnings():  # pydot's parser uses pyparsing names that now warn
            warnings.simplefilter("ignore", DeprecationWarning)
            import pydot

            graphs = pydot.graph_from_dot_data(text)
        assert graphs is not None
        return nx.Graph(nx.nx_pydot.from_pydot(graphs[0]))
    return nx.node_link_graph(json.loads(text), edges="edges")


def _strip(value: object) -> str:
    return str(value).strip('"')


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "dot", "json"])
def test_each_format_reads_back_into_networkx(loaded: Run, fmt: str) -> None:
    result = loaded("graph", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    g = read(fmt, result.stdout)
    assert not g.is_directed()
    assert sorted(g.nodes) == sorted(NODES)
    assert {n: int(_strip(g.nodes[n]["engagements"])) for n in g.nodes} == NODES
    edges = {tuple(sorted((a, b))): int(_strip(d["engagements"])) for a, b, d in g.edges(data=True)}
    assert edges == EDGES
    if fmt != "json":  # the weight Gephi and Graphviz read
        assert {tuple(sorted((a, b))): float(_strip(d["weight"])) for a, b, d in g.edges(data=True)} == EDGES
    aze_pak = g.edges["AZE", "PAK"]
    assert _strip(aze_pak["first"]) == "2019" and _strip(aze_pak["last"]) == "2023-06-01"


def test_node_names_and_counts_by_kind_and_area(loaded: Run) -> None:
    g = read("gexf", loaded("graph", "--format", "gexf").stdout)
    assert g.nodes["TUR"]["label"] == "Türkiye"
    e = g.edges["AZE", "PAK"]
    assert (e["kind:meeting"], e["kind:agreement"], e["kind:exercise"]) == (2, 1, 1)
    assert (e["area:energy"], e["area:military"], e["area:security"]) == (2, 2, 1)
    m = read("graphml", loaded("graph", "--format", "graphml").stdout)
    assert m.nodes["GEO"]["name"] == "Georgia" and m.edges["AZE", "GEO"]["area:energy"] == 1
    data = json.loads(loaded("graph").stdout)  # json by default on stdout
    assert data["edges"][0] == {"source": "AZE", "target": "PAK", "engagements": 4,
                                "kinds": {"meeting": 2, "agreement": 1, "exercise": 1},
                                "areas": {"energy": 2, "military": 2, "security": 1, "trade": 1},
                                "first": "2019", "last": "2023-06-01"}  # fmt: skip
    assert data["nodes"][0] == {"id": "AZE", "name": "Azerbaijan", "engagements": 5}


def test_filters_and_countries_narrow_the_records(loaded: Run) -> None:
    g = read("json", loaded("graph", "PK", "--since", "2021").stdout)
    # 2 (AZE-PAK-TUR), 3 and 5 (AZE-PAK): every pair among their parties.
    assert {tuple(sorted(e)): d["engagements"] for *e, d in g.edges(data=True)} == {
        ("AZE", "PAK"): 3, ("AZE", "TUR"): 1, ("PAK", "TUR"): 1,
    }  # fmt: skip


def test_output_file_and_its_ending(loaded: Run, tmp_path: Path) -> None:
    out = tmp_path / "relations.graphml"
    assert loaded("graph", "-o", str(out)).exit_code == 0
    assert sorted(nx.read_graphml(out).nodes) == sorted(NODES)
    dot = tmp_path / "relations.gv"
    assert loaded("graph", "-o", str(dot)).exit_code == 0
    assert dot.read_text().startswith("graph relations {")


def test_nothing_matches(loaded: Run) -> None:
    result = loaded("graph", "--kind", "statement", "--format", "gexf")
    assert result.exit_code == 0 and "no engagements match" in result.stderr
    assert len(read("gexf", result.stdout).nodes) == 0


def test_names_with_quotes_and_markup_stay_well_formed(run: Run, add: object) -> None:
    assert callable(add)
    add("AZ", "PK", "--date", "2024-01-01", "--area", 'Food "Security" <&>')
    for fmt in ("gexf", "graphml", "dot", "json"):
        g = read(fmt, run("graph", "--format", fmt).stdout)
        assert sorted(g.nodes) == ["AZE", "PAK"], fmt

"""The network of relations (countries as nodes, pairs as weighted edges) and its writers: GEXF, GraphML, DOT, JSON.

Written by hand (each format is a few lines of XML or text), so that no graph library is needed at run
time; the tests read every format back with networkx.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .countries import display_name
from .query import Row
from .summary import summarise


@dataclass(frozen=True)
class Node:
    id: str  # alpha-3 code
    name: str
    engagements: int


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    engagements: int  # the weight
    kinds: dict[str, int]
    areas: dict[str, int]
    first: str | None
    last: str | None


def network(records: Iterable[Row]) -> tuple[list[Node], list[Edge]]:
    """Nodes busiest first, edges busiest first; a trilateral counts toward each of its pairs."""
    chosen = list(records)
    nodes = [Node(r["country"], display_name(r["country"]), r["engagements"]) for r in summarise(chosen, "country")]
    edges = [
        Edge(r["pair"][0], r["pair"][1], r["engagements"], r["kinds"], r["areas"], r["first"], r["last"])
        for r in summarise(chosen, "pair")
    ]
    return nodes, edges


def _attributes(edges: list[Edge]) -> list[tuple[str, str]]:
    """Edge attributes beyond the weight: first, last, then a count column per kind and per area present."""
    kinds = sorted({k for e in edges for k in e.kinds})
    areas = sorted({a for e in edges for a in e.areas})
    return [("first", "string"), ("last", "string"), *((f"kind:{k}", "int") for k in kinds),
            *((f"area:{a}", "int") for a in areas)]  # fmt: skip


def _edge_values(edge: Edge) -> dict[str, Any]:
    values: dict[str, Any] = {"first": edge.first, "last": edge.last}
    values.update({f"kind:{k}": n for k, n in edge.kinds.items()})
    values.update({f"area:{a}": n for a, n in edge.areas.items()})
    return {key: value for key, value in values.items() if value is not None}


def to_json(nodes: list[Node], edges: list[Edge]) -> str:
    """networkx's node-link shape: {"directed": false, "multigraph": false, "graph": {}, "nodes", "edges"}."""
    from .formats import dumps

    data = {"directed": False, "multigraph": False, "graph": {},
            "nodes": [asdict(n) for n in nodes], "edges": [asdict(e) for e in edges]}  # fmt: skip
    return dumps(data) + "\n"


def to_gexf(nodes: list[Node], edges: list[Edge]) -> str:
    columns = _attributes(edges)
    gexf_type = {"string": "string", "int": "integer"}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
        '  <graph mode="static" defaultedgetype="undirected">',
        '    <attributes class="node">',
        '      <attribute id="code" title="code" type="string"/>',
        '      <attribute id="engagements" title="engagements" type="integer"/>',
        "    </attributes>",
        '    <attributes class="edge">',
        '      <attribute id="engagements" title="engagements" type="integer"/>',
        *(f"      <attribute id={quoteattr(name)} title={quoteattr(name)} type=\"{gexf_type[kind]}\"/>"
          for name, kind in columns),
        "    </attributes>",
        "    <nodes>",
    ]  # fmt: skip
    for n in nodes:
        lines.append(f"      <node id={quoteattr(n.id)} label={quoteattr(n.name)}><attvalues>"
                     f'<attvalue for="code" value={quoteattr(n.id)}/>'
                     f'<attvalue for="engagements" value="{n.engagements}"/></attvalues></node>')  # fmt: skip
    lines += ["    </nodes>", "    <edges>"]
    for i, e in enumerate(edges):
        values = {"engagements": e.engagements, **_edge_values(e)}
        attvalues = "".join(f"<attvalue for={quoteattr(k)} value={quoteattr(str(v))}/>" for k, v in values.items())
        lines.append(f'      <edge id="{i}" source={quoteattr(e.source)} target={quoteattr(e.target)} '
                     f'weight="{e.engagements}"><attvalues>{attvalues}</attvalues></edge>')  # fmt: skip
    lines += ["    </edges>", "  </graph>", "</gexf>"]
    return "\n".join(lines) + "\n"


def to_graphml(nodes: list[Node], edges: list[Edge]) -> str:
    columns = [("weight", "int"), ("engagements", "int"), *_attributes(edges)]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="n_name" for="node" attr.name="name" attr.type="string"/>',
        '  <key id="n_engagements" for="node" attr.name="engagements" attr.type="int"/>',
        *(f'  <key id="e{i}" for="edge" attr.name={quoteattr(name)} attr.type="{kind}"/>'
          for i, (name, kind) in enumerate(columns)),
        '  <graph id="relations" edgedefault="undirected">',
    ]  # fmt: skip
    key_of = {name: f"e{i}" for i, (name, _) in enumerate(columns)}
    for n in nodes:
        lines.append(f"    <node id={quoteattr(n.id)}><data key=\"n_name\">{escape(n.name)}</data>"
                     f'<data key="n_engagements">{n.engagements}</data></node>')  # fmt: skip
    for e in edges:
        values = {"weight": e.engagements, "engagements": e.engagements, **_edge_values(e)}
        data = "".join(f'<data key="{key_of[k]}">{escape(str(v))}</data>' for k, v in values.items())
        lines.append(f"    <edge source={quoteattr(e.source)} target={quoteattr(e.target)}>{data}</edge>")
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def _dot_id(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(nodes: list[Node], edges: list[Edge]) -> str:
    """Undirected Graphviz: pen width grows with the engagements; counts by kind and area as text attributes."""
    peak = max((e.engagements for e in edges), default=1)
    lines = ["graph relations {", "  node [shape=ellipse];"]
    for n in nodes:
        lines.append(f"  {_dot_id(n.id)} [label={_dot_id(n.name)}, engagements={n.engagements}];")
    for e in edges:
        attrs = {
            "weight": str(e.engagements),
            "engagements": str(e.engagements),
            "penwidth": f"{1 + 4 * e.engagements / peak:.2f}",
            "label": str(e.engagements),
            "first": _dot_id(e.first or ""),
            "last": _dot_id(e.last or ""),
            "kinds": _dot_id("; ".join(f"{k}={n}" for k, n in e.kinds.items())),
            "areas": _dot_id("; ".join(f"{a}={n}" for a, n in e.areas.items())),
        }
        body = ", ".join(f"{k}={v}" for k, v in attrs.items())
        lines.append(f"  {_dot_id(e.source)} -- {_dot_id(e.target)} [{body}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


WRITERS: dict[str, Callable[[list[Node], list[Edge]], str]] = {
    "json": to_json,
    "gexf": to_gexf,
    "graphml": to_graphml,
    "dot": to_dot,
}

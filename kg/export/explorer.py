"""A minimal graph explorer over any store: label search, a node's neighbourhood, and a page calling both.

(Placeholder with the agreed signatures, so ``kg serve`` can be tested;
the full explorer replaces it.)
"""

from __future__ import annotations

import json
from typing import Any

_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_NOT_IN_IRI = set('<>"{}|^`\\ \n\t')


def search(store: Any, text: str, *, limit: int = 20) -> list[dict]:
    """Nodes whose label contains ``text`` (case-insensitive): ``{"id", "label", "type"}``.

    >>> from kg.store import open_store
    >>> search(open_store(None), "Lào")
    []
    """
    needle = json.dumps(text.lower(), ensure_ascii=False)
    rows = store.query(
        f"SELECT ?node (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) WHERE {{ ?node <{_RDFS_LABEL}> ?l . "
        f"FILTER(CONTAINS(LCASE(STR(?l)), {needle})) OPTIONAL {{ ?node <{_RDF_TYPE}> ?t }} }} "
        f"GROUP BY ?node ORDER BY ?label LIMIT {int(limit)}")
    return [{"id": node, "label": label, "type": kind} for node, label, kind in rows]


def neighbourhood(store: Any, node_id: str, *, hops: int = 1, relations: list[str] | None = None,
                  date_from: str | None = None, date_to: str | None = None, limit: int = 500) -> dict:
    """The edges between IRIs within ``hops`` of ``node_id``: ``{"nodes": [...], "edges": [...]}``.

    (``date_from``/``date_to`` are accepted and ignored by this placeholder.)
    """
    for iri in (node_id, *(relations or ())):
        if not iri or any(c in iri for c in _NOT_IN_IRI):
            raise ValueError(f"not an IRI: {iri!r}")
    seen = {node_id}
    frontier = {node_id}
    edges: list[dict] = []
    allowed = f"FILTER(?p IN ({', '.join(f'<{r}>' for r in relations)}))" if relations else ""
    for _ in range(max(1, hops)):
        values = " ".join(f"<{n}>" for n in frontier)
        rows = store.query(
            f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?n {{ {values} }} "
            f"{{ ?n ?p ?o BIND(?n AS ?s) }} UNION {{ ?s ?p ?n BIND(?n AS ?o) }} "
            f"FILTER(isIRI(?s) && isIRI(?o) && ?p != <{_RDF_TYPE}>) {allowed} }} LIMIT {int(limit)}")
        frontier = set()
        for s, p, o in rows:
            edges.append({"source": s, "predicate": p, "target": o})
            frontier.update(n for n in (s, o) if n not in seen)
        seen |= frontier
        if not frontier or len(edges) >= limit:
            break
    return {"nodes": [{"id": n} for n in sorted(seen)], "edges": edges[:limit]}


def explorer_page(*, api_base: str = "/api") -> str:
    """A small HTML page: a search box calling ``{api_base}/search`` and a list of a node's edges."""
    base = json.dumps(api_base).replace("<", "\\u003c")
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>vnkg explorer</title></head>
<body><h1>vnkg explorer</h1><input id="q" placeholder="search"><ul id="hits"></ul><ul id="edges"></ul>
<script>
const api = {base};
const q = document.getElementById("q");
q.addEventListener("input", async () => {{
  const hits = await (await fetch(api + "/search?q=" + encodeURIComponent(q.value))).json();
  const list = document.getElementById("hits"); list.textContent = "";
  for (const hit of hits) {{
    const li = document.createElement("li"); li.textContent = hit.label;
    li.onclick = async () => {{
      const n = await (await fetch(api + "/node?id=" + encodeURIComponent(hit.id))).json();
      const ul = document.getElementById("edges"); ul.textContent = "";
      for (const e of n.edges) {{ const x = document.createElement("li");
        x.textContent = e.source + " " + e.predicate + " " + e.target; ul.appendChild(x); }}
    }};
    list.appendChild(li);
  }}
}});
</script></body></html>"""

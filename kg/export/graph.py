"""The networkx shape of the knowledge graph, and the filters of ``kg viz``.

Every view and export starts from one ``networkx.MultiDiGraph``:

* a node per entity, keyed by its IRI, with the attributes
  ``type`` (``Person``, ``Country`` ...), ``label`` (canonical name),
  ``aliases`` (list of str), ``offices`` (list of ``{"title", "org", "date"}``,
  ``org`` and ``date`` may be None) and ``articles`` (how many articles name it);
* an edge per event, ``subject -> object``, keyed by the event IRI, with
  ``relation`` (met, visited, signed ...), ``date`` (ISO 8601, possibly
  partial, or None), ``kind`` (the Vietnamese protocol word), ``modality``
  (done, planned ...), ``evidence`` (the sentence that states it),
  ``article`` (the article id), ``confidence`` and ``caption`` (the sentence is a
  photo caption) of that report; read from a store also ``reports`` (how many)
  and ``sources`` (the other reports). An event with several parties is an edge
  per pair, all keyed by the event IRI.

``select`` cuts a view out of such a graph; it never edits its input.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kg.errors import KGError
from kg.text import strip_diacritics

if TYPE_CHECKING:
    import networkx as nx

    from kg.model import Extraction



def strip_diacritics_and_case(text: str) -> str:
    """Case- and diacritic-insensitive form of a name, for matching.

    >>> strip_diacritics_and_case("Tô  Lâm") == strip_diacritics_and_case("to lam") == "to lam"
    True
    >>> strip_diacritics_and_case("Đà Nẵng")
    'da nang'
    """
    return " ".join(strip_diacritics(text).casefold().split())


def new_graph() -> nx.MultiDiGraph:
    import networkx as nx

    return nx.MultiDiGraph()


def add_entity(g: nx.MultiDiGraph, iri: str, *, type: str, label: str,
               aliases: Iterable[str] = (), offices: Iterable[dict[str, Any]] = (),
               articles: int = 0) -> None:
    """Add (or merge into) the node ``iri`` with the attributes of the documented shape."""
    if iri in g:
        data = g.nodes[iri]
        data["aliases"] = _unique([*data["aliases"], *aliases], skip=data["label"])
        data["offices"] = _unique_offices([*data["offices"], *offices])
        data["articles"] = max(data["articles"], articles)
        return
    g.add_node(iri, type=type, label=label, aliases=_unique(aliases, skip=label),
               offices=_unique_offices(offices), articles=articles)


def add_event(g: nx.MultiDiGraph, subject: str, object: str, *, key: str,
              relation: str, date: str | None = None, kind: str = "", modality: str = "done",
              evidence: str = "", article: str = "") -> None:
    """Add one event edge ``subject -> object``; both nodes must exist already."""
    for end in (subject, object):
        if end not in g:
            raise KGError(f"event {key!r} names {end!r}, which is not a node of the graph")
    g.add_edge(subject, object, key=key, relation=relation, date=date, kind=kind,
               modality=modality, evidence=evidence, article=article)


def _unique(items: Iterable[str], *, skip: str = "") -> list[str]:
    seen = {skip}
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _unique_offices(offices: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen = set()
    out = []
    for office in offices:
        marker = (office.get("title"), office.get("org"), office.get("date"))
        if marker not in seen:
            seen.add(marker)
            out.append({"title": office.get("title") or "", "org": office.get("org"),
                        "date": office.get("date")})
    return sorted(out, key=lambda o: (o["date"] or "", o["title"]))


def from_extractions(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Build the graph straight from extractions, without a store (tests, quick looks).

    Node keys are the entities' ``key``; event keys are ``article#n``.
    """
    g = new_graph()
    articles: dict[str, set[str]] = {}
    for extraction in extractions:
        article_id = extraction.article.id
        labels = {ent.key: ent.name for ent in extraction.entities}
        for ent in extraction.entities:
            add_entity(g, ent.key, type=ent.type, label=ent.name, aliases=ent.aliases)
            articles.setdefault(ent.key, set()).add(article_id)
        for pos in extraction.positions:
            if pos.person in g:
                office = {"title": pos.title, "org": labels.get(pos.org or "", pos.org), "date": pos.date}
                add_entity(g, pos.person, type="", label="", offices=[office])
        for n, rel in enumerate(extraction.relations):
            add_event(g, rel.subject, rel.object, key=f"{article_id}#{n}", relation=rel.predicate,
                      date=rel.date, kind=rel.kind, modality=rel.modality,
                      evidence=rel.evidence.sentence, article=article_id)
    for key, ids in articles.items():
        g.nodes[key]["articles"] = len(ids)
    return g


def find_nodes(g: nx.MultiDiGraph, name: str) -> list[str]:
    """The nodes whose label or an alias matches ``name`` (case and diacritics ignored)."""
    wanted = strip_diacritics_and_case(name)
    return [node for node, data in g.nodes(data=True)
            if wanted == strip_diacritics_and_case(data.get("label", "")) or any(wanted == strip_diacritics_and_case(a) for a in data.get("aliases", ()))]


def _date_in(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether a possibly partial ISO date overlaps ``[since, until]``; undated events never do."""
    if date is None:
        return False
    first = date + "-01-01"[len(date) - 4:] if len(date) < 10 else date
    last = date + "-12-31"[len(date) - 4:] if len(date) < 10 else date
    return (since is None or last >= since) and (until is None or first <= until)


def select(g: nx.MultiDiGraph, *, focus: str | None = None, hops: int = 1,
           relations: Iterable[str] | None = None, types: Iterable[str] | None = None,
           since: str | None = None, until: str | None = None,
           max_nodes: int | None = None) -> nx.MultiDiGraph:
    """A filtered copy of ``g``; what was cut is summarised in ``.graph["dropped"]``.

    Filters apply in this order: ``relations`` and the dates ``since``/``until``
    keep matching events and the entities that take part in one; ``types`` keeps
    nodes of those types; ``focus`` keeps the entities within ``hops`` events of
    the one named (label or alias); ``max_nodes`` keeps the most connected nodes.

    Raises:
        KGError: an unknown relation or type, or a focus name that matches nothing.

    >>> g = new_graph()
    >>> add_entity(g, "a", type="Person", label="Tô Lâm")
    >>> add_entity(g, "b", type="Person", label="B")
    >>> add_entity(g, "c", type="Country", label="C")
    >>> add_event(g, "a", "b", key="e1", relation="met", date="2025-01-02")
    >>> add_event(g, "b", "c", key="e2", relation="visited", date="2024-05")
    >>> sorted(select(g, focus="to lam", hops=1))
    ['a', 'b']
    >>> sorted(select(g, since="2025-01-01"))
    ['a', 'b']
    """
    view = g.copy()
    dropped: dict[str, Any] = {}
    if relations is not None or since is not None or until is not None:
        wanted = set(relations) if relations is not None else None
        if wanted is not None:
            _check_known("relation", wanted, {d.get("relation") for _, _, d in g.edges(data=True)})
        cut = [(u, v, k) for u, v, k, d in view.edges(keys=True, data=True)
               if (wanted is not None and d.get("relation") not in wanted)
               or ((since or until) and not _date_in(d.get("date"), since, until))]
        view.remove_edges_from(cut)
        view.remove_nodes_from([n for n in list(view) if not view.degree(n)])
    if types is not None:
        wanted_types = set(types)
        _check_known("type", wanted_types, {d.get("type") for _, d in g.nodes(data=True)})
        view.remove_nodes_from([n for n, d in list(view.nodes(data=True)) if d.get("type") not in wanted_types])
    if focus is not None:
        seeds = find_nodes(view, focus)
        if not seeds:
            raise KGError(_no_match(view if len(view) else g, focus))
        keep = _neighbourhood(view, seeds, hops)
        view.remove_nodes_from([n for n in list(view) if n not in keep])
        view.graph["focus"] = seeds
    if max_nodes is not None and len(view) > max_nodes:
        degree = dict(view.degree())
        ranked = sorted(view, key=lambda n: (-degree[n], view.nodes[n].get("label", ""), n))
        cut_nodes = ranked[max_nodes:]
        edges_before = view.number_of_edges()
        view.remove_nodes_from(cut_nodes)
        dropped = {"nodes": len(cut_nodes), "edges": edges_before - view.number_of_edges(),
                   "examples": [g.nodes[n].get("label", n) for n in cut_nodes[:5]],
                   "reason": f"--max-nodes {max_nodes} keeps the {max_nodes} most connected"}
    view.graph["dropped"] = dropped
    return view


def _neighbourhood(g: nx.MultiDiGraph, seeds: list[str], hops: int) -> set[str]:
    seen = set(seeds)
    queue = deque((s, 0) for s in seeds)
    while queue:
        node, depth = queue.popleft()
        if depth >= hops:
            continue
        for other in (*g.successors(node), *g.predecessors(node)):
            if other not in seen:
                seen.add(other)
                queue.append((other, depth + 1))
    return seen


def _check_known(what: str, wanted: set[str], known: set[Any]) -> None:
    from kg.model import ENTITY_TYPES, RELATION_PREDICATES

    valid = set(ENTITY_TYPES if what == "type" else RELATION_PREDICATES) | {k for k in known if k}
    unknown = sorted(wanted - valid)
    if unknown:
        raise KGError(f"No {what} {', '.join(map(repr, unknown))}. Available: {', '.join(sorted(valid))}")


def _no_match(g: nx.MultiDiGraph, name: str) -> str:
    wanted = strip_diacritics_and_case(name)
    words = set(wanted.split())
    scores: Counter[str] = Counter()
    for _, data in g.nodes(data=True):
        label = data.get("label", "")
        overlap = len(words & set(strip_diacritics_and_case(label).split()))
        if overlap or wanted in strip_diacritics_and_case(label):
            scores[label] = overlap + (wanted in strip_diacritics_and_case(label))
    near = [label for label, _ in scores.most_common(5)]
    hint = f" Similar: {', '.join(near)}" if near else ""
    return f"No entity named {name!r} in the graph.{hint}"

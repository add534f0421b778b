"""Why a fact is in the graph: each relation with the construction that fired and the spans it bound."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.constructions import CONSTRUCTIONS
from kg.model import Entity, Evidence, Extraction, Relation

__all__ = ["Bound", "RowExplanation", "explain", "format_explanations"]

_SUMMARIES = {c.name: c.summary for c in CONSTRUCTIONS}
FROM_CONTEXT = "(from context)"


@dataclass(frozen=True, slots=True)
class Bound:
    """A slot and the text it bound; ``start`` is None when the argument came from context."""

    role: str
    text: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class RowExplanation:
    """One relation row and how it was found."""

    subject: str
    predicate: str
    object: str
    date: str | None
    modality: str
    construction: str
    summary: str
    sentence: str
    bound: tuple[Bound, ...]


def _nearest_mention(ent: Entity | None, evidence: Evidence, role: str) -> Bound:
    """The entity's mention in the evidence sentence nearest the trigger, else a context binding."""
    inside = [m for m in (ent.mentions if ent else ())
              if evidence.sentence_start <= m.start and m.end <= evidence.sentence_end]
    if not inside:
        return Bound(role, f"{ent.name if ent else '?'} {FROM_CONTEXT}", None, None)
    best = min(inside, key=lambda m: min(abs(m.start - evidence.end), abs(m.end - evidence.start)))
    return Bound(role, best.text, best.start, best.end)


def _explain_row(rel: Relation, entities: dict[str, Entity], text: str) -> RowExplanation:
    ev = rel.evidence
    subject, obj = entities.get(rel.subject), entities.get(rel.object)
    bound = (_nearest_mention(subject, ev, "subject"),
             Bound("trigger", text[ev.start:ev.end], ev.start, ev.end),
             _nearest_mention(obj, ev, "object"))
    name = rel.construction or "?"
    return RowExplanation(subject.name if subject else rel.subject, rel.predicate,
                          obj.name if obj else rel.object, rel.date, rel.modality, name,
                          _SUMMARIES.get(name, ""), ev.sentence, bound)


def explain(extraction: Extraction) -> list[RowExplanation]:
    """Each relation of ``extraction`` with its construction and the spans it bound.

    >>> from kg.model import Article
    >>> explain(Extraction(Article("a", "Trời mưa.", None, "", "h")))
    []
    """
    entities = {ent.key: ent for ent in extraction.entities}
    return [_explain_row(rel, entities, extraction.article.text) for rel in extraction.relations]


def format_explanations(rows: list[RowExplanation]) -> str:
    """A readable block per row: the fact, the construction, and each bound span."""
    lines: list[str] = []
    for row in rows:
        when = f" ({row.date})" if row.date else ""
        mood = f" [{row.modality}]" if row.modality != "done" else ""
        lines.append(f"{row.subject} --{row.predicate}--> {row.object}{when}{mood}")
        lines.append(f"  construction: {row.construction}" + (f" - {row.summary}" if row.summary else ""))
        for b in row.bound:
            where = f" @{b.start}-{b.end}" if b.start is not None else ""
            lines.append(f"  {b.role:8} {b.text!r}{where}")
    return "\n".join(lines) if lines else "no relations found"

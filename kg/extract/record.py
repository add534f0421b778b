"""``to_record``: an ``Extraction`` as one line of the FORMAT.md interchange JSONL."""

from __future__ import annotations

from typing import Any

from kg.model import Extraction

__all__ = ["CORE_PREDICATES", "to_record"]

CORE_PREDICATES = ("met", "visited", "signed", "attended", "invited")


def to_record(extraction: Extraction) -> dict[str, Any]:
    """The JSON object for one article: names, not keys, in the required fields.

    Relations outside FORMAT.md's five predicates, negated ones and planned signings go to
    ``other_relations`` so a scorer of the five does not count them.
    """
    article = extraction.article
    names = {ent.key: ent.name for ent in extraction.entities}

    def name(key: str | None) -> str | None:
        if key is None:
            return None
        return names.get(key, " ".join(w[:1].upper() + w[1:] for w in key.split(":", 1)[-1].split()))

    entities = [{"name": ent.name, "type": ent.type, "aliases": list(ent.aliases), "key": ent.key,
                 **({"english": ent.english_name} if ent.english_name else {})}
                for ent in extraction.entities]
    positions = []
    for pos in extraction.positions:
        row: dict[str, Any] = {"person": name(pos.person), "title": pos.title}
        if pos.org:
            row["org"] = name(pos.org)
        if pos.date:
            row["date"] = pos.date
        if pos.former:
            row["former"] = True
        row["evidence"] = {"sentence": pos.evidence.sentence, "start": pos.evidence.start, "end": pos.evidence.end}
        row["confidence"] = pos.confidence
        positions.append(row)
    relations: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for rel in extraction.relations:
        row = {"s": name(rel.subject), "p": rel.predicate, "o": name(rel.object)}
        if rel.date:
            row["date"] = rel.date
        row.update({"kind": rel.kind, "cameo": rel.cameo, "modality": rel.modality,
                    "evidence": {"sentence": rel.evidence.sentence, "start": rel.evidence.start,
                                 "end": rel.evidence.end},
                    "confidence": rel.confidence})
        if rel.construction:
            row["construction"] = rel.construction
        # a signing only planned ("sẽ sớm ký") is not a signing; a planned visit is still a visit (FORMAT.md)
        core = rel.predicate in CORE_PREDICATES and rel.modality != "negated" \
            and not (rel.predicate == "signed" and rel.modality == "planned")
        (relations if core else others).append(row)
    quantities = [{"metric": q.metric, "value": q.value, "unit": q.unit, "period": q.period,
                   "subjects": [name(s) for s in q.subjects], "qualifier": q.qualifier,
                   "change_pct": q.change_pct,
                   "evidence": {"sentence": q.evidence.sentence, "start": q.evidence.start, "end": q.evidence.end},
                   "confidence": q.confidence}
                  for q in extraction.quantities]
    source = {key: value for key, value in
              (("title", article.title), ("url", article.url), ("outlet", article.outlet)) if value}
    return {"id": article.id, "date": article.published.isoformat() if article.published else None,
            **source, "entities": entities, "positions": positions, "relations": relations,
            "other_relations": others, "quantities": quantities}

"""Score extracted JSONL against gold annotations, counting as ``shared/eval/score.py`` does.

Articles match by ``id``. Entities match on (name, type), positions on
(person, title), relations on (subject, predicate, object) with ``met``
symmetric; names are compared after NFC, one tone-mark placement, lower
case and collapsed spaces, against canonical names and aliases; Event and
Agreement names match when one contains the other. Dates: the share of gold
dates on matched relations that the prediction also gives.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import PREDICATE_INFO
from kg.text import fold_case_and_spaces

__all__ = ["KINDS", "format_report", "score_files", "score_records"]

KINDS = ("entities", "positions", "relations")
_SYMMETRIC = {p.name for p in PREDICATE_INFO.values() if p.symmetric}
_LOOSE_TYPES = {"Agreement", "Event"}


def _norm(text: Any) -> str:
    return fold_case_and_spaces(str(text or ""))


def _norm_title(text: Any) -> str:
    return re.sub(r"^((?:phó )?thủ tướng) (?:chính phủ|quốc vụ viện)\b", r"\1", _norm(text))


def _load(path: str | Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"not JSON: {err.msg}", path=str(path), line=number,
                                 column=err.colno) from err
            out[str(obj.get("id"))] = obj
    return out


class _Names:
    def __init__(self, gold_entities: list[dict]) -> None:
        self.exact: dict[str, str] = {}
        self.loose: list[tuple[set[str], str]] = []
        for ent in gold_entities:
            canon = ent["name"]
            forms = {_norm(canon)} | {_norm(a) for a in ent.get("aliases", [])}
            for form in forms:
                self.exact.setdefault(form, canon)
            if ent.get("type") in _LOOSE_TYPES:
                self.loose.append((forms, canon))

    def resolve(self, *surfaces: str) -> str:
        forms = [_norm(s) for s in surfaces if s]
        for form in forms:
            if form in self.exact:
                return self.exact[form]
        for form in forms:
            for gforms, canon in self.loose:
                if any(form and (form in g or g in form) for g in gforms):
                    return canon
        return forms[0] if forms else ""


def _score_article(gold: dict, pred: dict) -> tuple[dict, dict]:
    names = _Names(gold.get("entities", []))
    palias: dict[str, list[str]] = {}
    for ent in pred.get("entities", []):
        forms = [ent.get("name", "")] + list(ent.get("aliases", []))
        for form in forms:
            palias.setdefault(_norm(form), forms)

    def canon(surface: str) -> str:
        return _norm(names.resolve(*palias.get(_norm(surface), [surface])))

    counts: dict[str, tuple[int, ...]] = {}
    gold_ents = {(_norm(e["name"]), e.get("type")) for e in gold.get("entities", [])}
    pred_ents = {(_norm(names.resolve(e.get("name", ""), *e.get("aliases", []))), e.get("type"))
                 for e in pred.get("entities", [])}
    counts["entities"] = (len(gold_ents & pred_ents), len(pred_ents - gold_ents), len(gold_ents - pred_ents))
    gold_pos = {(_norm(p["person"]), _norm_title(p["title"])) for p in gold.get("positions", [])}
    pred_pos = {(canon(p.get("person", "")), _norm_title(p.get("title", ""))) for p in pred.get("positions", [])}
    counts["positions"] = (len(gold_pos & pred_pos), len(pred_pos - gold_pos), len(gold_pos - pred_pos))

    def key(s: str, p: str, o: str) -> tuple[str, str, str]:
        if p in _SYMMETRIC:
            s, o = sorted((s, o))
        return (s, p, o)

    gold_rel: dict[tuple, set[str]] = {}
    for r in gold.get("relations", []):
        dates = gold_rel.setdefault(key(_norm(r["s"]), r["p"], _norm(r["o"])), set())
        if r.get("date"):
            dates.add(str(r["date"]))
    pred_rel: dict[tuple, set[str]] = {}
    for r in pred.get("relations", []):
        dates = pred_rel.setdefault(key(canon(r.get("s", "")), r.get("p"), canon(r.get("o", ""))), set())
        if r.get("date"):
            dates.add(str(r["date"]))
    hits = set(gold_rel) & set(pred_rel)
    counts["relations"] = (len(hits), len(set(pred_rel) - hits), len(set(gold_rel) - hits))
    dated = [(k, d) for k in hits for d in gold_rel[k]]
    counts["dates"] = (sum(1 for k, d in dated if d in pred_rel[k]), len(dated))
    detail = {
        "missed_relations": sorted(map(list, set(gold_rel) - hits)),
        "extra_relations": sorted(map(list, set(pred_rel) - hits)),
        "missed_entities": sorted(map(list, gold_ents - pred_ents)),
        "extra_entities": sorted(map(list, pred_ents - gold_ents)),
        "missed_positions": sorted(map(list, gold_pos - pred_pos)),
        "extra_positions": sorted(map(list, pred_pos - gold_pos)),
    }
    return counts, detail


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def score_records(gold: dict[str, dict], pred: dict[str, dict]) -> dict[str, Any]:
    """The report for gold and predicted records keyed by article id.

    >>> g = {"a": {"id": "a", "entities": [{"name": "Lào", "type": "Country"}], "positions": [],
    ...            "relations": [{"s": "A", "p": "met", "o": "B", "date": "2025"}]}}
    >>> p = {"a": {"id": "a", "entities": [{"name": "Lào", "type": "Country"}],
    ...            "relations": [{"s": "B", "p": "met", "o": "A", "date": "2025"}]}}
    >>> r = score_records(g, p)
    >>> r["entities"]["f1"], r["relations"]["f1"], r["dates"]["share"]
    (1.0, 1.0, 1.0)
    """
    totals = {k: [0, 0, 0] for k in KINDS}
    dates = [0, 0]
    articles = {}
    for aid, g in gold.items():
        counts, detail = _score_article(g, pred.get(aid, {}))
        for k in KINDS:
            for i in range(3):
                totals[k][i] += counts[k][i]
        dates[0] += counts["dates"][0]
        dates[1] += counts["dates"][1]
        articles[aid] = {"found": aid in pred, **{k: _prf(*counts[k]) for k in KINDS}, **detail}
    report: dict[str, Any] = {k: dict(zip(("precision", "recall", "f1"), _prf(*v), strict=False), tp=v[0], fp=v[1], fn=v[2])
                              for k, v in totals.items()}
    report["dates"] = {"agree": dates[0], "of": dates[1],
                       "share": round(dates[0] / dates[1], 3) if dates[1] else None}
    report["articles"] = {"gold": len(gold), "predicted": sum(a in pred for a in gold)}
    report["per_article"] = articles
    return report


def score_files(gold: str | Path, pred: str | Path) -> dict[str, Any]:
    """Score a predicted JSONL file against a gold one (see ``score_records``)."""
    return score_records(_load(gold), _load(pred))


def format_report(report: dict[str, Any], per_article: bool = False) -> str:
    """The report as the table ``score.py`` prints (with per-article misses when asked)."""
    lines = []
    if per_article:
        for aid, a in report.get("per_article", {}).items():
            lines.append(f"== {aid} {'' if a['found'] else '(no prediction)'}")
            for k in ("missed_relations", "extra_relations", "missed_entities", "extra_entities",
                      "missed_positions", "extra_positions"):
                for item in a.get(k, []):
                    lines.append(f"  {k[:-1]}: {item}")
    lines.append(f"{'kind':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for k in KINDS:
        r = report[k]
        lines.append(f"{k:<10} {r['precision']:>6} {r['recall']:>6} {r['f1']:>6} "
                     f"{r['tp']:>5} {r['fp']:>5} {r['fn']:>5}")
    d = report["dates"]
    lines.append(f"dates: {d['agree']}/{d['of']} gold dates of matched relations found")
    lines.append(f"articles: {report['articles']['predicted']}/{report['articles']['gold']} predicted")
    return "\n".join(lines)

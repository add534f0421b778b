"""kg.evaluate counts like shared/eval/score.py: checked on small hand-made gold/pred."""

import json

from kg.evaluate import format_report, score_files, score_records

GOLD = {"a": {"id": "a", "entities": [
    {"name": "Lê Văn Hòa", "type": "Person", "aliases": ["ông Hòa"]},
    {"name": "Hoa Kỳ", "type": "Country", "aliases": ["Mỹ"]},
    {"name": "Hội nghị Cấp cao ASEAN lần thứ 47", "type": "Event"}],
    "positions": [{"person": "Lê Văn Hòa", "title": "Thủ tướng"}],
    "relations": [{"s": "Lê Văn Hòa", "p": "visited", "o": "Hoa Kỳ", "date": "2025-10"},
                  {"s": "Lê Văn Hòa", "p": "attended", "o": "Hội nghị Cấp cao ASEAN lần thứ 47"},
                  {"s": "Lê Văn Hòa", "p": "met", "o": "Donald Trump", "date": "2025-10-26"}]}}


def test_evaluate_counts_aliases_loose_events_symmetric_met_and_titles():
    pred = {"a": {"id": "a", "entities": [
        {"name": "Lê Văn Hoà", "type": "Person"},  # other tone-mark placement
        {"name": "Mỹ", "type": "Country"},
        {"name": "Hội nghị Cấp cao ASEAN", "type": "Event"},  # contained: loose match
        {"name": "Hà Nội", "type": "Location"}],  # extra
        "positions": [{"person": "Lê Văn Hòa", "title": "Thủ tướng Chính phủ"}],
        "relations": [{"s": "Lê Văn Hòa", "p": "visited", "o": "Mỹ", "date": "2025-10-25"},
                      {"s": "Lê Văn Hòa", "p": "attended", "o": "Hội nghị Cấp cao ASEAN"},
                      {"s": "Donald Trump", "p": "met", "o": "Lê Văn Hòa", "date": "2025-10-26"},
                      {"s": "Lê Văn Hòa", "p": "signed", "o": "Hiệp định"}]}}
    report = score_records(GOLD, pred)
    assert (report["entities"]["tp"], report["entities"]["fp"], report["entities"]["fn"]) == (3, 1, 0)
    assert (report["positions"]["tp"], report["positions"]["fp"], report["positions"]["fn"]) == (1, 0, 0)
    assert (report["relations"]["tp"], report["relations"]["fp"], report["relations"]["fn"]) == (3, 1, 0)
    assert report["relations"]["precision"] == 0.75 and report["relations"]["f1"] == 0.857
    assert report["dates"] == {"agree": 1, "of": 2, "share": 0.5}


def test_evaluate_missing_article_counts_as_all_missed(tmp_path):
    gold_path, pred_path = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    gold_path.write_text(json.dumps(GOLD["a"], ensure_ascii=False) + "\n", encoding="utf-8")
    pred_path.write_text("", encoding="utf-8")
    report = score_files(gold_path, pred_path)
    assert report["relations"]["fn"] == 3 and report["relations"]["f1"] == 0.0
    assert report["articles"] == {"gold": 1, "predicted": 0}
    text = format_report(report, per_article=True)
    assert "(no prediction)" in text and "relations" in text and "dates: 0/0" in text

"""Reliability: the bad-input corpus of issue #13, counted; and extraction time against length.

    python bench/bad_inputs.py            # this checkout
    PYTHONPATH=/old/checkout python bench/bad_inputs.py --no-timing   # an older kg, same corpus

Each input of tests/reliability/corpus.py is read on its own (``read_articles``)
and classed: bad ones are *named* (an error names the file and the problem),
*silently wrong* (no error, or an article comes out anyway) or *crash* (an
exception other than InputError, which would abort a build); good ones are
*read* or *refused*. Then an article without full stops is extracted at 100 KB
and at 1 MB, side by side: the ratio of times is what counts (10 is linear).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH: an older kg can be measured
from tests.reliability.corpus import no_stops_text, write_corpus

PER_CASE_SECONDS = 60  # reading one input longer than this is a hang


def classify(root: Path) -> dict[str, list[str]]:
    from kg.errors import InputError
    from kg.ingest import read_articles

    classes: dict[str, list[str]] = {k: [] for k in ("named", "silently wrong", "crash", "hang",
                                                      "good read", "good refused")}
    by_path: dict[tuple[str, int | None], list] = {}
    for case in write_corpus(root):
        if case.reason.startswith("took longer"):
            continue  # an extraction bound, not a reading problem: see timing()
        by_path.setdefault((case.path, None), []).append(case)
    for (rel, _), cases in sorted(by_path.items()):
        result: dict = {}

        # a link loop shows only when its folder is walked from above: read the whole corpus
        target = root if rel == "sub/up" else root / rel

        def read(target: Path = target, result: dict = result) -> None:
            errors: list = []
            try:
                result["articles"] = [(a.id, a.title) for a in read_articles([target], on_error=errors.append,
                                                                            max_bytes=1_500_000)]
            except Exception as err:  # noqa: BLE001 - a crash is what we count
                result["crash"] = f"{type(err).__name__}: {str(err)[:80]}"
            result["errors"] = [e for e in errors if isinstance(e, InputError)]

        worker = threading.Thread(target=read, daemon=True)
        worker.start()
        worker.join(PER_CASE_SECONDS)
        for case in cases:
            label = f"{case.name}"
            if worker.is_alive():
                classes["hang"].append(label)
            elif "crash" in result:
                classes["crash"].append(f"{label}: {result['crash']}")
            elif case.stored_id:
                ids = [i for i, _ in result["articles"]]
                classes["good read" if case.stored_id in ids else "good refused"].append(label)
            else:
                named = [e for e in result["errors"] if e.path.endswith(case.path)
                         and (case.line is None or e.line == case.line)]
                leaked = case.line is None and target != root and result["articles"]
                classes["named" if named and not leaked else "silently wrong"].append(label)
    return classes


def memory(tmp: Path) -> tuple[int, int]:
    """(file size, peak traced memory) reading a JSONL file whose every record is refused."""
    import json
    import tracemalloc

    from kg.ingest import read_articles

    path = tmp / "refused.jsonl"
    record = json.dumps({"id": "x", "date": "2025-13-01", "text": "Hà Nội " * 150}, ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(record + "\n" for _ in range(20_000))
    refused = []
    tracemalloc.start()
    list(read_articles([path], on_error=lambda err: refused.append(1)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return path.stat().st_size, peak


def timing() -> tuple[float, float]:
    from kg.ingest import read_article_text
    from kg.runner import extract_article as extract

    extract(read_article_text("Hà Nội.", article_id="warm"))
    seconds = []
    for size in (100_000, 1_000_000):
        text = no_stops_text(size)
        article = read_article_text(" date 2025-01-01 " + text, article_id=f"n{size}")
        start = time.perf_counter()
        try:
            extract(article, timeout=0)
        except TypeError:  # an older kg without the timeout argument
            extract(article)
        seconds.append(time.perf_counter() - start)
    return seconds[0], seconds[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        classes = classify(Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        size, peak = memory(Path(tmp))
    bad = sum(len(classes[k]) for k in ("named", "silently wrong", "crash", "hang"))
    good = len(classes["good read"]) + len(classes["good refused"])
    print(f"bad inputs tried {bad}: named {len(classes['named'])}, silently wrong "
          f"{len(classes['silently wrong'])}, crash {len(classes['crash'])}, hang {len(classes['hang'])}")
    print(f"good inputs beside them {good}: read {len(classes['good read'])}, refused "
          f"{len(classes['good refused'])}")
    for key in ("silently wrong", "crash", "hang", "good refused"):
        for label in classes[key]:
            print(f"  {key}: {label}")
    print(f"JSONL of {size / 1e6:.1f} MB, every record refused: peak {peak / 1e6:.2f} MB "
          f"({peak / size:.3f}x the file)")
    if not args.no_timing:
        small, large = timing()
        print(f"article without full stops: 100 KB {small:.1f} s, 1 MB {large:.1f} s, "
              f"ratio {large / small:.1f} (linear: 10)")


if __name__ == "__main__":
    main()

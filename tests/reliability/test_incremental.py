"""Issue 13, point 4: an incrementally kept store equals a clean build of what it holds."""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings
from reliability_helpers import clean_build, nquads

from kg.store import open_store

OPERATIONS = ("add", "edit", "remove", "rebuild", "swap")


def _diff(got: list[str], want: list[str]) -> str:
    extra, missing = sorted(set(got) - set(want)), sorted(set(want) - set(got))
    return f"{len(extra)} extra, e.g. {extra[:3]}; {len(missing)} missing, e.g. {missing[:3]}"


def test_issue13_remove_and_edit_leave_no_stale_names(versions):
    ids = list(versions)
    store = open_store(None)
    store.add(original for original, _ in versions.values())
    for article_id in ids[::2]:
        assert store.remove(article_id)
    for article_id in ids[1::4]:
        store.add([versions[article_id][1]])
    final = [versions[i][1] if i in ids[1::4] else versions[i][0] for i in ids[1::2]]
    got, want = nquads(store), nquads(clean_build(final))
    assert got == want, _diff(got, want)


def test_batched_replace_on_disk_equals_a_clean_build(versions, tmp_path):
    """One add() replacing every article (one journaled batch), then back, and a --force rebuild."""
    originals = [original for original, _ in versions.values()]
    edits = [edit for _, edit in versions.values()]
    with open_store(tmp_path / "store") as store:
        store.add(originals)
        report = store.add(edits)
        assert (report.replaced, report.identical) == (len(edits), 0)
        got, want = nquads(store), nquads(clean_build(edits))
        assert got == want, _diff(got, want)
        store.add(originals)
        report = store.add(originals, force=True)
        assert (report.replaced, report.identical, report.quads) == (len(originals), len(originals), 0)
        got, want = nquads(store), nquads(clean_build(originals))
        assert got == want, _diff(got, want)


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 12)), min_size=1, max_size=10))
def test_incremental_add_edit_remove_rebuild_equals_a_clean_build(versions, steps):
    ids = list(versions)
    store = open_store(None)
    held: dict[str, int] = {}  # article id -> version stored
    for operation, index in steps:
        article_id = ids[index % len(ids)]
        if operation == "add":
            store.add([versions[article_id][0]])
            held[article_id] = 0
        elif operation == "edit":
            store.add([versions[article_id][1]])
            held[article_id] = 1
        elif operation == "remove":
            assert store.remove(article_id) == (article_id in held)
            held.pop(article_id, None)
        elif operation == "rebuild":
            report = store.add([versions[i][v] for i, v in held.items()], force=True)
            assert report.replaced == len(held)
        else:  # every held article to its other version, in one add: one batch of replaces
            held = {i: 1 - v for i, v in held.items()}
            report = store.add([versions[i][v] for i, v in held.items()])
            assert report.replaced == len(held)
    got, want = nquads(store), nquads(clean_build([versions[i][v] for i, v in held.items()]))
    assert got == want, f"after {steps}: {_diff(got, want)}"

"""A short tour of the Python API: build a store, query it, hand it to rdflib.

Run: python examples/api_tour.py   (builds data/ into ./vnkg-store if it is empty)
Set VNKG_STORE=DIR to use another store.
"""

from __future__ import annotations

import os
from pathlib import Path

import kg

ROOT = Path(__file__).resolve().parents[1]
location = os.environ.get("VNKG_STORE", "vnkg-store")

# 1. Build: articles in, one transaction per article; unchanged articles are skipped.
if not (Path(location) / "CURRENT").exists():
    with kg.open_store(location) as store:
        report = kg.add_articles(store, kg.read_articles([ROOT / "data"]), workers=1)
        print("built:", report.summary())

# 2. Query: SPARQL over the union of the article graphs; rows are plain Python values.
with kg.open_store(location, read_only=True) as store:
    print(len(store.articles()), "articles,", len(store), "quads")
    result = store.query((ROOT / "examples/queries/who_met_whom.rq").read_text(encoding="utf-8"))
    for person1, person2, date, kinds, reports in list(result)[:5]:
        print(f"{date or '?':>10}  {person1} – {person2}  ({kinds}; {reports} report(s))")

    offices = store.query("""
        PREFIX vnkg: <https://vnkg.org/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?title WHERE {
          ?p skos:prefLabel "Tô Lâm"@vi ; vnkg:holdsPosition/vnkg:title ?title .
          FILTER(LANG(?title) = "en") }""")
    print("Tô Lâm, as reported:", ", ".join(sorted(offices.column("title"))))

    # 3. rdflib, for code that speaks it (a view over the same store, no copy).
    import rdflib

    ds = store.graph()
    laos = rdflib.URIRef("https://vnkg.org/id/country/lao")
    print("Laos in rdflib:", sorted(str(o) for o in ds.objects(laos, rdflib.SKOS.prefLabel)))

"""Web pages, files of links and feeds, served by a real HTTP server on 127.0.0.1.

The pages are our ``data/`` articles in the markup of made-up Vietnamese news
sites (``newssite.py``): the article text, title, date and canonical URL come out,
the boxes around the article do not, and every failing URL is one error while
the other URLs go through.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from click.testing import CliRunner
from newssite import (
    BOILERPLATE,
    CAPTION,
    Response,
    SourceArticle,
    page_path,
    render,
    rss,
    serve,
)
from paths import DATA

from kg.cli import main
from kg.errors import InputError
from kg.ingest import FetchOptions, read_articles

STEMS = sorted(p.stem for p in DATA.glob("*.txt"))
STYLES = ("quocte", "nhanhnews", "chinhluan")
HOSTS = {"quocte": "thoisuquocte.example.vn", "nhanhnews": "nhanhnews.example.vn",
         "chinhluan": "chinhluan.example.vn"}
OUTLETS = {"quocte": "Thời sự Quốc tế", "nhanhnews": "Nhanh News", "chinhluan": "Báo Chính Luận"}
FAST = FetchOptions(delay=0.0, timeout=5.0, backoff=0.05)


def _style(stem: str) -> str:
    return STYLES[STEMS.index(stem) % len(STYLES)]


def _canonical(stem: str) -> str:
    return f"https://{HOSTS[_style(stem)]}{page_path(stem)}"


def _site(news) -> None:
    """Every data/ article as a page, a feed of the chinhluan ones, and the failure cases."""
    for stem in STEMS:
        page = render(SourceArticle.read(stem), _style(stem), canonical=_canonical(stem))
        news.routes[page_path(stem)] = Response(body=page.encode())
    undated = render(SourceArticle.read(STEMS[0]), "chinhluan", canonical=news.url("/undated.html"),
                     dated=False)
    news.routes["/undated.html"] = Response(body=undated.encode())
    items = [(news.url(page_path(s)), SourceArticle.read(s).title,
              dt.date.fromisoformat(SourceArticle.read(s).date).strftime("%a, %d %b %Y 08:00:00 +0700"))
             for s in STEMS if _style(s) == "chinhluan"]
    news.routes["/rss/the-gioi.rss"] = Response(
        body=rss(items, title="Báo Chính Luận - Thế giới", link=news.url("/")).encode(),
        content_type="application/rss+xml; charset=utf-8")
    news.routes["/slow.html"] = Response(body=b"<html></html>", delay=3.0)
    news.routes["/report.pdf"] = Response(body=b"%PDF-1.4 ...", content_type="application/pdf")
    news.routes["/loop.html"] = Response(status=302, headers={"Location": "/loop2.html"})
    news.routes["/loop2.html"] = Response(status=302, headers={"Location": "/loop.html"})
    news.routes["/empty.html"] = Response(body="<html><body><nav><a href='/'>Trang chủ</a></nav>"
                                               "</body></html>".encode())
    news.routes["/flaky.html"] = Response(body=news.routes[page_path(STEMS[1])].body, fail_first=2)
    news.routes["/busy.html"] = Response(body=news.routes[page_path(STEMS[3])].body, fail_first=1,
                                         fail_status=429)
    news.routes["/moved.html"] = Response(status=301, headers={"Location": page_path(STEMS[2])})


@pytest.fixture(scope="module")
def news():
    with serve(_site) as server:
        yield server


def _read(urls, **kwargs):
    errors: list[InputError] = []
    options = kwargs.pop("fetch", FAST)
    articles = list(read_articles(urls, on_error=errors.append, fetch=options, **kwargs))
    return articles, errors


def _text_article(stem: str):
    return next(read_articles([DATA / f"{stem}.txt"]))


def _without_byline(text: str) -> str:
    return text.rsplit("\n\n", 1)[0]


def _without_captions(text: str) -> str:
    return "\n\n".join(p for p in text.split("\n\n") if not p.startswith(CAPTION))


@pytest.mark.parametrize("stem", STEMS[:3], ids=lambda s: _style(s))
def test_web_page_gives_text_title_date_url_outlet(news, stem):
    [article], errors = _read([news.url(page_path(stem))])
    assert errors == []
    source = SourceArticle.read(stem)
    expected = _text_article(stem)
    # the text is the plain-text article's: headline, sapo, body; the byline may go,
    # our photo captions may stay
    assert _without_captions(article.text) in (expected.text, _without_byline(expected.text))
    assert article.title == source.title
    assert article.published == expected.published
    assert article.url == _canonical(stem)
    assert article.outlet == OUTLETS[_style(stem)]
    assert article.source == news.url(page_path(stem))
    assert article.id == f"127.0.0.1:{news.port}{page_path(stem)}"


def test_web_boxes_around_the_article_do_not_leak(news):
    articles, errors = _read([news.url(page_path(stem)) for stem in STEMS])
    assert errors == [] and len(articles) == len(STEMS)
    for article in articles:
        leaked = [box for box in BOILERPLATE if box in article.text]
        assert leaked == [], (article.id, leaked)
        assert article.text.count(article.title) == 1


def test_web_feed_entries_are_read_with_feed_hints(news):
    articles, errors = _read([], feeds=[news.url("/rss/the-gioi.rss")])
    assert errors == []
    expected = [s for s in STEMS if _style(s) == "chinhluan"]
    assert [a.title for a in articles] == [SourceArticle.read(s).title for s in expected]
    assert {a.outlet for a in articles} == {"Báo Chính Luận"}
    assert [a.published for a in articles] == [_text_article(s).published for s in expected]


def test_web_feed_from_file_and_links_file(news, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(news.routes["/rss/the-gioi.rss"].body)
    links = tmp_path / "links.txt"
    links.write_text(f"# bài đã lưu\n\n{news.url(page_path(STEMS[0]))}\n{news.url(page_path(STEMS[1]))}\n",
                     encoding="utf-8")
    articles, errors = _read([], links=[links], feeds=[str(feed)])
    assert errors == []
    assert [a.title for a in articles[:2]] == [SourceArticle.read(s).title for s in STEMS[:2]]
    assert len(articles) == 2 + sum(_style(s) == "chinhluan" for s in STEMS)


def test_web_feed_that_is_not_a_feed_or_is_missing_is_one_error(news, tmp_path):
    missing = tmp_path / "missing.xml"
    articles, errors = _read([news.url(page_path(STEMS[0]))],
                             feeds=[news.url("/rss/gone.rss"), news.url("/report.pdf"), str(missing)])
    assert len(articles) == 1
    assert [e.path for e in errors] == [news.url("/rss/gone.rss"), news.url("/report.pdf"), str(missing)]
    assert "HTTP 404" in str(errors[0]) and "not an RSS or Atom feed" in str(errors[1])
    assert "cannot read the feed" in str(errors[2])


def test_web_atom_feed_from_file(news, tmp_path):
    stem = STEMS[0]
    atom = tmp_path / "atom.xml"
    atom.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Thời sự Quốc tế</title><id>urn:x</id>
<updated>2024-07-12T09:00:00+07:00</updated>
<entry><title>{SourceArticle.read(stem).title}</title><id>urn:x:1</id>
<link rel="alternate" href="{news.url(page_path(stem))}"/><updated>2024-07-12T06:00:00+07:00</updated></entry>
<entry><title>Không có liên kết</title><id>urn:x:2</id><updated>2024-07-12T06:00:00+07:00</updated></entry>
</feed>""", encoding="utf-8")
    articles, errors = _read([], feeds=[str(atom)])
    assert [a.title for a in articles] == [SourceArticle.read(stem).title]
    [error] = errors
    assert error.path == str(atom) and "feed entry 2 has no http(s) link" in str(error)


def test_web_links_file_bad_line_is_an_error_naming_the_line(tmp_path):
    links = tmp_path / "links.txt"
    links.write_text("http://127.0.0.1:9/a.html\nftp://x/y\n", encoding="utf-8")
    articles, errors = _read([], links=[links])
    assert articles == []
    [error] = errors
    assert error.path == str(links) and error.line == 2 and "not an http(s) URL" in str(error)


def test_web_failures_one_error_each_and_the_rest_goes_through(news):
    good = [news.url(page_path(stem)) for stem in STEMS[:2]]
    bad = {"/missing.html": "HTTP 404", "/slow.html": "timed out after 1 s",
           "/report.pdf": "not HTML (content type application/pdf)",
           "/loop.html": "too many redirects", "/empty.html": "no article text found"}
    urls = [good[0], *(news.url(path) for path in bad), good[1]]
    articles, errors = _read(urls, fetch=FetchOptions(delay=0.0, timeout=1.0, backoff=0.05))
    assert [a.source for a in articles] == good
    assert len(errors) == len(bad)
    for error, (path, message) in zip(errors, bad.items(), strict=False):
        assert error.path == news.url(path)
        assert message in str(error), str(error)


def test_web_retries_503_with_backoff_then_succeeds(news):
    [article], errors = _read([news.url("/flaky.html")])
    assert errors == []
    assert news.hits["/flaky.html"] == 3  # two 503s, then the page
    assert article.title == SourceArticle.read(STEMS[1]).title


def test_web_429_waits_as_retry_after_asks(news):
    [article], errors = _read([news.url("/busy.html")])
    assert errors == [] and news.hits["/busy.html"] == 2
    first, second = [t for path, t in news.times if path == "/busy.html"]
    assert second - first >= 0.9  # Retry-After: 1, though the backoff is 0.05 s
    assert article.title == SourceArticle.read(STEMS[3]).title


def test_web_redirect_gives_the_final_url_as_id(news):
    [article], errors = _read([news.url("/moved.html")])
    assert errors == []
    assert article.id == f"127.0.0.1:{news.port}{page_path(STEMS[2])}"
    assert article.source == news.url("/moved.html")


def test_web_user_agent_and_per_host_delay(news):
    start = len(news.times)
    _, errors = _read([news.url(page_path(s)) for s in STEMS[:3]], fetch=FetchOptions(delay=0.4))
    assert errors == []
    times = [t for _, t in news.times[start:]]
    assert len(times) == 3
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.35
    assert any(agent.startswith("vnkg/") for agent in news.user_agents)


def test_web_cache_rebuild_does_not_fetch_again(news, tmp_path):
    urls = [news.url(page_path(s)) for s in STEMS[3:5]]
    options = FetchOptions(delay=0.0, cache_dir=tmp_path / "cache")
    first, _ = _read(urls, fetch=options)
    hits = {path: news.hits.get(path, 0) for path in (page_path(s) for s in STEMS[3:5])}
    second, errors = _read(urls, fetch=options)
    assert errors == []
    assert {path: news.hits.get(path, 0) for path in hits} == hits
    assert [a.text for a in second] == [a.text for a in first]
    assert [a.content_hash for a in second] == [a.content_hash for a in first]


def test_web_undated_page_takes_date_option_else_none(news):
    [undated], _ = _read([news.url("/undated.html")])
    assert undated.published is None
    [dated], _ = _read([news.url("/undated.html")], date=dt.date(2024, 7, 12))
    assert dated.published == dt.date(2024, 7, 12)


def test_html_files_from_disk_and_in_directories(tmp_path):
    from newssite import write_pages

    write_pages(tmp_path, [(STEMS[0], "quocte"), (STEMS[1], "nhanhnews")], host="luutru.example.vn")
    (tmp_path / "notes.txt").write_text(" date 2024-01-02 Thủ tướng tiếp Đại sứ Nhật Bản.", encoding="utf-8")
    articles, errors = _read([tmp_path])
    assert errors == []
    assert [a.id for a in articles] == [STEMS[0], STEMS[1], "notes"]
    assert articles[0].url == f"https://luutru.example.vn{page_path(STEMS[0])}"
    assert articles[1].outlet == "Nhanh News"


def test_html_saved_page_assets_folder_skipped_and_saved_from_url_kept(tmp_path):
    page = render(SourceArticle.read(STEMS[0]), "quocte", canonical="https://x.example.vn/a.html")
    page = page.replace('<link rel="canonical" href="https://x.example.vn/a.html">', "").replace(
        '<meta property="og:url" content="https://x.example.vn/a.html">', "")
    saved = "<!-- saved from url=(0040)https://thoisuquocte.example.vn/a-1.html -->\n" + page
    (tmp_path / "bai.html").write_text(saved, encoding="utf-8")
    (tmp_path / "bai_files").mkdir()
    (tmp_path / "bai_files" / "quangcao.html").write_text("<html><body>Quảng cáo</body></html>",
                                                           encoding="utf-8")
    articles, errors = _read([tmp_path])
    assert errors == []
    [article] = articles
    assert article.url == "https://thoisuquocte.example.vn/a-1.html"


def test_cli_extract_urls_one_error_line_per_failure(news, tmp_path):
    bad = ["/missing.html", "/slow.html", "/report.pdf", "/loop.html", "/empty.html"]
    links = tmp_path / "links.txt"
    links.write_text("\n".join([news.url(page_path(STEMS[0])), *(news.url(p) for p in bad[2:])]),
                     encoding="utf-8")
    result = CliRunner().invoke(main, [
        "extract", news.url(bad[0]), news.url(bad[1]), "--links", str(links), "--delay", "0",
        "--timeout", "1", "--workers", "1"])
    assert result.exit_code == 3, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [line.split()[1].rstrip(":") for line in errors] == [news.url(p) for p in bad]
    for line, message in zip(errors, ["HTTP 404 Not Found", "timed out after 1 s", "not HTML",
                                      "too many redirects", "no article text found"], strict=False):
        assert message in line, line
    [line] = result.stdout.strip().splitlines()
    assert f'"title": "{SourceArticle.read(STEMS[0]).title}"' in line
    assert f'"url": "{_canonical(STEMS[0])}"' in line
    assert '"outlet": "Thời sự Quốc tế"' in line


def test_cli_needs_some_input():
    result = CliRunner().invoke(main, ["extract"])
    assert result.exit_code == 2 and "--links" in result.output


def _facts(store) -> set[tuple[str, str, str]]:
    """Every triple not about an article or its evidence: what the articles say."""
    rows = store.query("""
        SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o
          FILTER(!CONTAINS(STR(?s), "/id/article/") && !CONTAINS(STR(?s), "/id/evidence/")
                 && !CONTAINS(STR(?o), "/id/article/") && !CONTAINS(STR(?o), "/id/evidence/")) }""")
    return {tuple(str(term) for term in row) for row in rows}


@pytest.mark.slow
def test_cli_build_from_the_web_same_facts_as_text(news, tmp_path, data_store):
    """The bar: pages (some as URLs, some in a links file, some through a feed) give the
    facts the same articles give as text, plus their titles, URLs and outlets."""
    from kg.store import open_store

    links = tmp_path / "links.txt"
    links.write_text("\n".join(news.url(page_path(s)) for s in STEMS if _style(s) == "nhanhnews"),
                     encoding="utf-8")
    args = [news.url(page_path(s)) for s in STEMS if _style(s) == "quocte"]
    store_path = tmp_path / "web-store"
    result = CliRunner().invoke(main, [
        "build", *args, "--links", str(links), "--feed", news.url("/rss/the-gioi.rss"),
        "--store", str(store_path), "--workers", "1", "--delay", "0", "--cache", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    valid = CliRunner().invoke(main, ["validate", "--store", str(store_path)])
    assert valid.exit_code == 0, valid.output
    with open_store(store_path, read_only=True) as web_store:
        assert _facts(web_store) == _facts(data_store)
        rows = web_store.query("""
            PREFIX schema: <http://schema.org/>
            SELECT ?headline ?url ?outlet WHERE {
              ?a schema:headline ?headline ; schema:url ?url ; schema:publisher ?outlet }""").rows()
    assert sorted((str(h), str(u), str(o)) for h, u, o in rows) == sorted(
        (SourceArticle.read(s).title, _canonical(s), OUTLETS[_style(s)]) for s in STEMS)

"""Pages of made-up Vietnamese news sites, in the markup common to real ones, served on loopback.

The markup (written for these tests) follows the shapes Vietnamese outlets use:
an ``<article>`` with a sapo above the body, og: and JSON-LD ``datePublished``
metadata, photo captions in ``<figure>`` or in a caption table, a byline,
related-story boxes inside and beside the body, a "most read" sidebar,
comments and a footer. The article text is one of our own ``data/`` articles.
None of the outlets exists; their hosts end in ``.example.vn``.
"""

from __future__ import annotations

import html
import http.server
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from string import Template

from paths import DATA

# Our photo captions start so; a page may keep them in the text (they are the article's).
CAPTION = "Ảnh minh họa"
# Text of the boxes around the article: none of it may reach the article text.
BOILERPLATE = (
    "Giá vàng hôm nay tăng mạnh", "Thủ tướng Nhật Bản thăm Hàn Quốc", "Giá xăng dầu giảm",
    "Bão số 3 đổ bộ", "Tuyển Việt Nam thắng đậm", "Bài viết rất hay", "Giấy phép số",
    "Đội tuyển bóng chuyền nữ", "Tin liên quan", "Đọc nhiều", "Chuyên gia dự báo lãi suất",
)

_QUOCTE = Template("""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>$title | Thời sự Quốc tế</title>
<meta name="description" content="$lead_attr">
<meta property="og:title" content="$title_attr">
<meta property="og:description" content="$lead_attr">
<meta property="og:site_name" content="Thời sự Quốc tế">
<meta property="og:type" content="article">
<meta property="og:url" content="$canonical">
<link rel="canonical" href="$canonical">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": $title_json, "datePublished": "${date}T08:30:00+07:00",
 "dateModified": "${date}T10:05:00+07:00", "author": {"@type": "Person", "name": "Minh Anh"},
 "publisher": {"@type": "Organization", "name": "Thời sự Quốc tế"}}</script>
<style>.related-box{border:1px solid #ccc}</style></head>
<body>
<header class="site-header"><a class="logo" href="/">Thời sự Quốc tế</a>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/the-gioi">Thế giới</a></li><li><a href="/kinh-te">Kinh tế</a></li></ul></nav>
<div class="ticker">Tin nóng: Giá vàng hôm nay tăng mạnh, vượt mốc kỷ lục mới</div></header>
<main class="container"><div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/the-gioi">Thế giới</a></div>
<article class="article-detail">
<h1 class="article-title">$title</h1>
<div class="article-meta"><span class="author">Minh Anh</span> ·
<time datetime="${date}T08:30:00+07:00">$date_vn 08:30</time></div>
<p class="sapo"><strong>$lead</strong></p>
<div class="article-body">
$body_first
<figure class="image"><img src="/img/anh-1.jpg" alt="">
<figcaption>Ảnh minh họa do phóng viên chụp tại buổi lễ. (Ảnh: TTXVN)</figcaption></figure>
<div class="related-box"><h3>Tin liên quan</h3><ul>
<li><a href="/the-gioi/thu-tuong-nhat-ban-tham-han-quoc.html">Thủ tướng Nhật Bản thăm Hàn Quốc</a></li>
<li><a href="/kinh-te/gia-xang-dau.html">Giá xăng dầu giảm lần thứ ba liên tiếp</a></li></ul></div>
$body_rest
</div>
<p class="author-name" style="text-align:right"><strong>$byline</strong></p>
<div class="tags"><a href="/tag/ngoai-giao">Ngoại giao</a></div>
</article>
<aside class="sidebar"><h3>Đọc nhiều</h3><ol>
<li><a href="/xa-hoi/bao-so-3.html">Bão số 3 đổ bộ vào miền Bắc</a></li>
<li><a href="/the-thao/tuyen-viet-nam.html">Tuyển Việt Nam thắng đậm Indonesia</a></li></ol></aside>
<section class="comments"><h3>Bình luận (2)</h3>
<div class="comment"><b>Độc giả Hải</b><p>Bài viết rất hay và đầy đủ thông tin, cảm ơn quý báo.</p></div></section>
</main>
<footer><p>© Thời sự Quốc tế. Giấy phép số 123/GP-BTTTT. Địa chỉ: số 1 phố Giả Định, Hà Nội.</p></footer>
</body></html>
""")

_NHANHNEWS = Template("""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>$title - Nhanh News</title>
<meta property="og:title" content="$title_attr">
<meta property="og:description" content="$lead_attr">
<meta property="og:site_name" content="Nhanh News">
<meta itemprop="datePublished" content="${date}T07:15:00+07:00">
<meta property="article:published_time" content="${date}T07:15:00+07:00">
<link rel="canonical" href="$canonical"></head>
<body class="page-detail">
<div id="top-bar"><ul class="main-nav"><li><a href="/thoi-su">Thời sự</a></li><li><a href="/goc-nhin">Góc nhìn</a></li>
<li><a href="/the-gioi">Thế giới</a></li><li><a href="/kinh-doanh">Kinh doanh</a></li></ul></div>
<section class="section page-detail top-detail"><div class="container">
<div class="sidebar-1">
<div class="header-content"><ul class="breadcrumb"><li><a href="/the-gioi">Thế giới</a></li></ul>
<span class="date">$weekday, $date_vn, 07:15 (GMT+7)</span></div>
<h1 class="title-detail">$title</h1>
<p class="description">$lead</p>
<article class="fck_detail">
$body_first_normal
<table class="tplCaption" align="center"><tbody><tr><td><img src="/i/a.jpg" alt=""></td></tr>
<tr><td><p class="Image">Ảnh minh họa do phóng viên chụp trong chuyến thăm. Ảnh: <em>Nhanh News</em></p></td></tr></tbody></table>
$body_rest_normal
<p class="Normal" style="text-align:right;"><strong>$byline</strong></p>
</article>
<ul class="list-news"><li><h4 class="title-news"><a href="/the-thao/bong-chuyen.html">Đội tuyển bóng chuyền nữ giành vé dự giải thế giới</a></h4></li>
<li><h4 class="title-news"><a href="/kinh-doanh/lai-suat.html">Chuyên gia dự báo lãi suất sẽ giảm trong quý tới</a></h4></li></ul>
</div></div></section>
<div class="box-comment"><h3>Ý kiến bạn đọc</h3><div class="comment_item"><p class="full_content">Bài viết rất hay, mong có thêm phân tích.</p></div></div>
<footer id="footer"><p>Nhanh News - Giấy phép số 548/GP-BTTTT. Chuyên gia dự báo lãi suất.</p></footer>
</body></html>
""")

_CHINHLUAN = Template("""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>$title</title>
<meta property="og:title" content="$title_attr">
<meta property="og:site_name" content="Báo Chính Luận">
<meta property="og:url" content="$canonical">
<meta property="og:description" content="$lead_attr">
$date_meta</head>
<body>
<div class="header"><div class="menu"><a href="/">Trang chủ</a> | <a href="/chinh-tri">Chính trị</a> |
<a href="/quoc-te">Quốc tế</a></div><div class="hot">Tin nóng: Giá vàng hôm nay tăng mạnh</div></div>
<div class="main-detail">
<h1 class="detail-title" data-role="title">$title</h1>
$date_block
<h2 class="detail-sapo" data-role="sapo">$lead</h2>
<div class="detail-content afcbc-body" data-role="content">
$body_first
<div type="Photo" class="VCSortableInPreviewMode"><div><img src="/p/1.jpg" alt=""></div>
<div class="PhotoCMS_Caption"><p>Ảnh minh họa do phóng viên chụp tại hội trường.</p></div></div>
<div type="RelatedOneNews" class="VCSortableInPreviewMode"><div class="kbwscwl-relatedbox"><h4>Tin liên quan</h4>
<a href="/quoc-te/thu-tuong-nhat-ban.html">Thủ tướng Nhật Bản thăm Hàn Quốc, bàn về hợp tác khu vực</a></div></div>
$body_rest
<div class="author-info"><p class="author">$byline</p></div>
</div>
</div>
<div class="box-most-read"><h3>Đọc nhiều</h3><ul><li><a href="/xa-hoi/bao.html">Bão số 3 đổ bộ vào miền Bắc</a></li></ul></div>
<div class="footer">Báo Chính Luận. Giấy phép số 77/GP-BTTTT.</div>
</body></html>
""")

STYLES = {"quocte": _QUOCTE, "nhanhnews": _NHANHNEWS, "chinhluan": _CHINHLUAN}
_WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


@dataclass(frozen=True)
class SourceArticle:
    """A ``data/`` article split as a page shows it."""

    stem: str
    date: str  # YYYY-MM-DD
    title: str
    paragraphs: tuple[str, ...]  # the lead first, the byline last

    @classmethod
    def read(cls, stem: str) -> SourceArticle:
        text = (DATA / f"{stem}.txt").read_text(encoding="utf-8")
        _, date, rest = text.split(maxsplit=2)
        title, _, body = rest.partition("\n\n")
        return cls(stem, date, title.strip(), tuple(p.strip() for p in body.split("\n\n") if p.strip()))


def render(article: SourceArticle, style: str, *, canonical: str, dated: bool = True) -> str:
    """The page of ``article`` on the made-up outlet ``style``."""
    import datetime as dt

    lead, *body, byline = article.paragraphs
    day = dt.date.fromisoformat(article.date)
    paras = [f"<p>{html.escape(p, quote=False)}</p>" for p in body]
    normal = [f'<p class="Normal">{html.escape(p, quote=False)}</p>' for p in body]
    page = STYLES[style].substitute(
        title=html.escape(article.title, quote=False), title_attr=html.escape(article.title),
        title_json=json.dumps(article.title, ensure_ascii=False),
        lead=html.escape(lead, quote=False), lead_attr=html.escape(lead), canonical=html.escape(canonical),
        date=article.date, date_vn=day.strftime("%d/%m/%Y"), weekday=_WEEKDAYS[day.weekday()],
        date_meta=(f'<meta name="pubdate" content="{article.date}T08:00:00+07:00">' if dated else ""),
        date_block=(f'<div class="detail-time"><div data-role="publishdate">{day:%d/%m/%Y} 08:00 GMT+7</div></div>'
                    if dated else '<div class="detail-author">Chính Luận</div>'),
        body_first="\n".join(paras[:2]), body_rest="\n".join(paras[2:]),
        body_first_normal="\n".join(normal[:2]), body_rest_normal="\n".join(normal[2:]),
        byline=html.escape(byline, quote=False))
    if not dated:
        assert article.date not in page and day.strftime("%d/%m/%Y") not in page
    return page


def rss(items: list[tuple[str, str, str]], *, title: str, link: str) -> str:
    """An RSS 2.0 feed of (url, title, RFC 822 date) items."""
    entries = "\n".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(u)}</link>"
        f"<guid isPermaLink=\"true\">{html.escape(u)}</guid><pubDate>{d}</pubDate>"
        f"<description><![CDATA[<a href=\"{html.escape(u)}\"><img src=\"/t.jpg\"></a>Tóm tắt.]]></description></item>"
        for u, t, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{html.escape(title)}'
            f"</title><link>{html.escape(link)}</link><description>Tin thế giới</description>"
            f"<language>vi-vn</language>\n{entries}\n</channel></rss>\n")


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] | None = None
    delay: float = 0.0  # seconds before answering
    fail_first: int = 0  # answer fail_status this many times first
    fail_status: int = 503


class NewsServer:
    """Routes path -> ``Response`` on a real HTTP server on 127.0.0.1; counts requests per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Response] = {}
        self.hits: dict[str, int] = {}
        self.user_agents: set[str] = set()
        self.times: list[tuple[str, float]] = []
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path
                server.hits[path] = server.hits.get(path, 0) + 1
                server.user_agents.add(self.headers.get("User-Agent", ""))
                server.times.append((path, time.monotonic()))
                response = server.routes.get(path, Response(404, b"<h1>Not found</h1>"))
                if response.delay:
                    time.sleep(response.delay)
                status = response.status
                headers = dict(response.headers or {})
                if server.hits[path] <= response.fail_first:
                    status = response.fail_status
                    headers["Retry-After"] = "1"
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", response.content_type)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    body = response.body if status == 200 else b"<h1>error</h1>"
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        return Handler


@contextmanager
def serve(setup: Callable[[NewsServer], None]) -> Iterator[NewsServer]:
    """Start a ``NewsServer`` on a free loopback port, fill its routes, stop it afterwards."""
    news = NewsServer()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), news.handler())
    httpd.daemon_threads = True
    news.port = httpd.server_address[1]
    setup(news)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield news
    finally:
        httpd.shutdown()
        httpd.server_close()


def page_path(stem: str) -> str:
    return f"/the-gioi/{stem}.html"


def write_pages(folder: Path, stems_styles: list[tuple[str, str]], *, host: str) -> list[Path]:
    """Pages saved as a browser would, for reading from disk."""
    paths = []
    for stem, style in stems_styles:
        path = folder / f"{stem}.html"
        path.write_text(render(SourceArticle.read(stem), style, canonical=f"https://{host}{page_path(stem)}"),
                        encoding="utf-8")
        paths.append(path)
    return paths

"""Hand-built graphs for the view and export tests."""

from __future__ import annotations

from kg.export.graph import add_entity, add_event, new_graph

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"


def sample_graph():
    """Six entities, nine events; payloads in a name, an alias, an office and an evidence sentence."""
    g = new_graph()
    add_entity(g, "p/to-lam", type="Person", label="Tô Lâm", aliases=["Tổng Bí thư Tô Lâm"],
               offices=[{"title": "Tổng Bí thư", "org": "Đảng Cộng sản Việt Nam", "date": "2024-08-03"}],
               articles=3)
    add_entity(g, "p/xi", type="Person", label="Tập Cận Bình", aliases=["Xi Jinping"], articles=2)
    add_entity(g, "p/evil", type="Person", label=IMG, aliases=[SCRIPT],
               offices=[{"title": SCRIPT, "org": IMG, "date": None}], articles=1)
    add_entity(g, "c/vn", type="Country", label="Việt Nam", articles=5)
    add_entity(g, "c/cn", type="Country", label="Trung Quốc", aliases=["China"], articles=2)
    add_entity(g, "o/asean", type="Organization", label="ASEAN", articles=1)
    add_entity(g, "p/lonely", type="Person", label="Người Lẻ Loi", articles=1)
    add_event(g, "p/to-lam", "p/xi", key="e1", relation="met", date="2024-08-19", kind="hội đàm",
              evidence="Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư Tập Cận Bình tại Bắc Kinh.", article="a1")
    add_event(g, "p/xi", "p/to-lam", key="e2", relation="met", date="2025-04-14", kind="hội kiến",
              evidence="Chủ tịch Tập Cận Bình hội kiến Tổng Bí thư Tô Lâm tại Hà Nội.", article="a2")
    add_event(g, "p/to-lam", "c/cn", key="e3", relation="visited", date="2024-08-18", kind="thăm cấp nhà nước",
              evidence="Tổng Bí thư Tô Lâm thăm cấp nhà nước Trung Quốc.", article="a1")
    add_event(g, "p/xi", "c/vn", key="e4", relation="visited", date="2025-04", evidence="Ông Tập thăm Việt Nam.",
              article="a2")
    add_event(g, "c/vn", "c/cn", key="e5", relation="signed", date="2023-12-12", evidence="Hai nước ký 36 văn kiện.",
              article="a3")
    add_event(g, "p/evil", "p/to-lam", key="e6", relation="met", date="2022-01-01", evidence=SCRIPT + IMG,
              article=IMG)
    add_event(g, "p/to-lam", "o/asean", key="e7", relation="attended", date=None,
              evidence="Tô Lâm dự hội nghị ASEAN.", article="a4")
    add_event(g, "c/vn", "o/asean", key="e8", relation="hosted", date="2020", evidence="Việt Nam đăng cai.",
              article="a5")
    add_event(g, "p/to-lam", "p/xi", key="e9", relation="met", date="2023-12-12", kind="hội đàm",
              evidence="Hai nhà lãnh đạo hội đàm.", article="a3")
    return g

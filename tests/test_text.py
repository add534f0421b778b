"""Text as real pages print it: look-alikes folded once at ingest (issue #11)."""

from __future__ import annotations

import datetime as dt

from kg.ingest.seed import make_article
from kg.text import clean_printed, fold_case_and_spaces, fold_lookalikes, normalize_text


def test_fold_lookalikes_reads_eth_as_d_with_stroke() -> None:
    assert fold_lookalikes("\u00d0ồng chí Bí thư \u00f0ến thăm") == "Đồng chí Bí thư đến thăm"


def test_fold_lookalikes_keeps_the_length() -> None:
    printed = "Ông\u00a0Lê Văn A,\u202fBộ trưởng \u00d0oàn Kết, Kim Jae\u2013won"
    assert len(fold_lookalikes(printed)) == len(printed)


def test_fold_lookalikes_turns_unbreakable_spaces_into_spaces() -> None:
    assert fold_lookalikes("Thủ\u00a0tướng\u2007Chính\u202fphủ") == "Thủ tướng Chính phủ"


def test_fold_lookalikes_reads_a_dash_inside_a_name_as_a_hyphen() -> None:
    assert fold_lookalikes("Tổng thống Park Geun\u2014hye và Lee Jae\u2010myung") == \
        "Tổng thống Park Geun-hye và Lee Jae-myung"


def test_fold_lookalikes_keeps_a_dash_between_spaced_words() -> None:
    assert fold_lookalikes("quan hệ Việt Nam \u2013 Lào") == "quan hệ Việt Nam \u2013 Lào"


def test_fold_lookalikes_folds_cyrillic_twins_inside_a_vietnamese_word() -> None:
    # "Нà" with a Cyrillic En, "Nộі" with a Cyrillic i
    assert fold_lookalikes("thủ đô \u041d\u00e0 N\u1ed9\u0456") == "thủ đô Hà Nội"


def test_fold_lookalikes_leaves_russian_words_alone() -> None:
    assert fold_lookalikes("báo Правда viết") == "báo Правда viết"


def test_fold_matches_a_name_printed_with_eth() -> None:
    assert fold_case_and_spaces("\u00d0ặng Văn B") == fold_case_and_spaces("Đặng Văn B")


def test_clean_printed_drops_zero_width_characters() -> None:
    assert clean_printed("Bộ\u200b Ngoại\u200d giao\ufeff") == "Bộ Ngoại giao"


def test_clean_printed_parts_a_caption_from_the_image_name() -> None:
    text = clean_printed("Nội dung bài.anh-chup-1.JPGThủ tướng phát biểu tại hội nghị.")
    assert text.splitlines() == ["Nội dung bài.anh-chup-1.JPG", "Thủ tướng phát biểu tại hội nghị."]


def test_clean_printed_keeps_a_file_name_that_ends_a_sentence() -> None:
    assert clean_printed("Xem tệp anh.png. Hết.") == "Xem tệp anh.png. Hết."


def test_ingest_stores_the_folded_text_and_offsets_index_into_it() -> None:
    printed = "Chiều 3/5, Th\u1ee7\u00a0tướng gặp \u00d0ại sứ Kim Min\u2013su.\u200b"
    article = make_article(article_id="a", text=printed, published=dt.date(2025, 5, 4), source="t")
    assert article.text == "Chiều 3/5, Thủ tướng gặp Đại sứ Kim Min-su."
    start = article.text.index("Đại sứ")
    assert article.text[start:start + len("Đại sứ Kim Min-su")] == "Đại sứ Kim Min-su"
    assert normalize_text(article.text) == article.text  # folding twice changes nothing

"""Classes of relation failure found on the fourth held-out set, tested on new sentences (other people, other states)."""

import datetime as dt

from tests.extract.conftest import rels

D = dt.date(2025, 6, 12)


# -- a relayed invitation: "chuyển lời mời của X tới Y sang thăm Z" ----------------------

def test_a_relayed_invitation_names_the_speaker_as_inviter_and_the_visit_is_only_asked():
    text = ("Phó Thủ tướng Bùi Thanh Sơn đề nghị Đại sứ chuyển lời mời của ông tới Ngoại trưởng Peru "
            "Elmer Schialer sang thăm Việt Nam vào thời gian phù hợp.")
    got = rels(text, D)
    assert ("Bùi Thanh Sơn", "invited", "Elmer Schialer") in got, got
    assert not any(p == "visited" for _, p, _ in got), got


def test_a_greeting_passed_on_to_someone_is_not_a_journey():
    text = "Thủ tướng Phạm Minh Chính gửi lời chào tới Thủ tướng Ethiopia Abiy Ahmed tại Addis Ababa."
    assert not any(p == "visited" for _, p, _ in rels(text, D)), rels(text, D)

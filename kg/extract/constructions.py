"""The relation constructions: each named, with its slots and examples, in order of priority.

The relation finder (``kg.extract.relations``) tags every row it emits with the
name of the construction that bound its arguments; this module is the one list
of those names. Each entry says what fires the construction, where each
argument is found, what it emits, and one to three sentences of our own that
are its unit tests (``tests/extract/test_constructions.py`` runs them all).

When several constructions take part in one clause, the row carries the first
special one that bound an argument, in the order below; ``verb_clause`` is the
plain case. ``kg explain "SENTENCE"`` prints the name and the bound spans.

>>> construction("invitation_of").predicates
('invited',)
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import KGError

__all__ = ["CONSTRUCTIONS", "Construction", "Example", "Slot", "construction"]

BEFORE = "before the trigger"
AFTER = "after the trigger"
LIST_AFTER = "a list after the trigger"
CONTEXT = "the clause or sentence before (context)"
IN_NAME = "inside the agreement's name"


@dataclass(frozen=True, slots=True)
class Slot:
    """One argument: its role, the entity types it takes, and where it is found."""

    role: str  # "subject" or "object"
    types: tuple[str, ...]
    where: str


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence of our own and rows ``(subject, predicate, object)`` it must give by this construction."""

    text: str
    rows: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True, slots=True)
class Construction:
    """A named way Vietnamese news states a relation."""

    name: str
    summary: str
    triggers: str  # the trigger words, or the verb lexicon's predicates it applies to
    predicates: tuple[str, ...]
    slots: tuple[Slot, ...]
    modality: str  # what sets the row's modality
    examples: tuple[Example, ...] = ()


_PERSON = ("Person",)
_SIGNER = ("Person", "Country", "Organization")
_CLAUSE_MOOD = "sẽ / dự kiến (planned), không / chưa (negated), đang, đã in the clause before the trigger"

CONSTRUCTIONS: tuple[Construction, ...] = (
    Construction(
        "inverted_has", "Dự X có A, B; Đón X tại sân bay có A, B: the subjects follow có, the object precedes it",
        "a met or attended verb opening the sentence", ("met", "attended"),
        (Slot("subject", _PERSON, "a list after có"), Slot("object", ("Person", "Event"), "between trigger and có")),
        "done",
        (Example("Đón Thủ tướng Anwar Ibrahim tại sân bay có Bộ trưởng Công Thương Lê Minh Hải và "
                 "Đại sứ Việt Nam tại Malaysia Đinh Ngọc Linh.",
                 (("Lê Minh Hải", "met", "Anwar Ibrahim"), ("Đinh Ngọc Linh", "met", "Anwar Ibrahim"))),
         Example("Thủ tướng Lê Văn Hòa đến Santiago. Có mặt tại sân bay để đón Thủ tướng và đoàn có Đại sứ "
                 "Việt Nam tại Chile Vũ Văn Trung; Thứ trưởng Ngoại giao Chile Gloria Navarro.",
                 (("Vũ Văn Trung", "met", "Lê Văn Hòa"),)))),
    Construction(
        "invitation_of", "nhận lời mời / theo lời mời của X (và Y): X invited the one who travels",
        "nhận lời mời, theo lời mời, lời mời", ("invited",),
        (Slot("subject", ("Person", "Country"), "after của, up to two joined by và"),
         Slot("object", _PERSON, "the traveller: after the inviter, the clause subject, or the visitor in context")),
        "done; no date unless the invitation itself is dated",
        (Example("Nhận lời mời của Tổng thống Indonesia Prabowo Subianto, Chủ tịch nước Trần Văn Bình sẽ "
                 "thăm cấp Nhà nước Indonesia.", (("Prabowo Subianto", "invited", "Trần Văn Bình"),)),
         Example("Theo lời mời của Quốc hội và Chính phủ Chile, Chủ tịch nước Trần Văn Bình thăm cấp Nhà nước "
                 "Chile.", (("Chile", "invited", "Trần Văn Bình"),)),
         Example("Thủ tướng Lê Văn Hòa cảm ơn lời mời của Thủ tướng Lào Sonexay Siphandone.",
                 (("Sonexay Siphandone", "invited", "Lê Văn Hòa"),)))),
    Construction(
        "passive_signing", "X đã được A và B ký kết: the agents after được signed the document before it",
        "được ... ký, ký kết", ("signed",),
        (Slot("subject", _SIGNER, "between được and the trigger, a list"),
         Slot("object", ("Agreement",), "right before (đã) được")), _CLAUSE_MOOD,
        (Example("Sáng 7/3, Tuyên bố chung đã được Chủ tịch nước Trần Văn Bình và Tổng thống Chile Gabriel Boric "
                 "ký kết.", (("Trần Văn Bình", "signed", "Tuyên bố chung"),
                             ("Gabriel Boric", "signed", "Tuyên bố chung"))),)),
    Construction(
        "parties_in_name", "a signing with no signer named: Bản ghi nhớ giữa A và B ... đã được ký kết gives A and B",
        "ký, ký kết with no subject in the clause or context", ("signed",),
        (Slot("subject", ("Organization", "Country"), IN_NAME + ", after giữa and before về"),
         Slot("object", ("Agreement",), "the document (after the trigger, or before được)")), _CLAUSE_MOOD,
        (Example("Tại lễ ký, Bản ghi nhớ giữa Ngân hàng Nhà nước Việt Nam và Ngân hàng Trung ương Lào về thanh "
                 "toán đã được ký kết.",
                 (("Ngân hàng Nhà nước Việt Nam", "signed",
                   "Bản ghi nhớ giữa Ngân hàng Nhà nước Việt Nam và Ngân hàng Trung ương Lào về thanh toán"),
                  ("Ngân hàng Trung ương Lào", "signed",
                   "Bản ghi nhớ giữa Ngân hàng Nhà nước Việt Nam và Ngân hàng Trung ương Lào về thanh toán"))),)),
    Construction(
        "enumerated_documents", "ký 4 văn kiện, gồm: X; Y; Z và W: the listed documents, not the count; "
        "a count with no list after it (ký 14 văn kiện) stays one row", "ký, ký kết followed by gồm / bao gồm",
        ("signed",), (Slot("subject", _SIGNER, BEFORE),
                      Slot("object", ("Agreement",), "the list after gồm, past semicolons")), _CLAUSE_MOOD,
        (Example("Sau hội đàm, Bộ trưởng Ngoại giao Lê Minh Hải và Ngoại trưởng Chile Alberto van Klaveren đã ký "
                 "4 văn kiện hợp tác, gồm: Hiệp định về hợp tác quốc phòng; Bản ghi nhớ về hợp tác giáo dục; Bản "
                 "ghi nhớ về hợp tác y tế và Thỏa thuận về hợp tác du lịch.",
                 (("Lê Minh Hải", "signed", "Bản ghi nhớ về hợp tác y tế"),
                  ("Alberto van Klaveren", "signed", "Thỏa thuận về hợp tác du lịch"))),)),
    Construction(
        "listed_documents", "ký các văn kiện sau: / chứng kiến lễ trao đổi các văn kiện, gồm: and one document a "
        "line (1. X; 2. Y, a) X, - X): each listed document, not the summary", "ký, ký kết, lễ ký, lễ trao đổi, "
        "việc ký kết in a sentence ending in gồm: / sau:", ("signed",),
        (Slot("subject", _SIGNER, BEFORE + "; after a ceremony or a signing with no signer, the parties " + IN_NAME),
         Slot("object", ("Agreement",), "the document opening each line after the colon, past its marker")),
        _CLAUSE_MOOD + "; a planned ceremony is no signing",
        (Example("Sáng 9/3, Bộ trưởng Ngoại giao Lê Minh Hải và Ngoại trưởng Chile Alberto van Klaveren đã ký "
                 "các văn kiện sau:\n1. Bản ghi nhớ về hợp tác y tế;\n2. Hiệp định về vận tải biển.",
                 (("Lê Minh Hải", "signed", "Bản ghi nhớ về hợp tác y tế"),
                  ("Alberto van Klaveren", "signed", "Hiệp định về vận tải biển"))),
         Example("Chiều 9/3, hai Thủ tướng chứng kiến lễ trao đổi các văn kiện hợp tác, gồm:\na) Bản ghi nhớ giữa "
                 "Bộ Y tế Việt Nam và Bộ Y tế Chile về phòng chống dịch bệnh;\nb) Công hàm về viện trợ.",
                 (("Bộ Y tế Việt Nam", "signed",
                   "Bản ghi nhớ giữa Bộ Y tế Việt Nam và Bộ Y tế Chile về phòng chống dịch bệnh"),
                  ("Bộ Y tế Chile", "signed",
                   "Bản ghi nhớ giữa Bộ Y tế Việt Nam và Bộ Y tế Chile về phòng chống dịch bệnh"))),
         Example("Việt Nam và Chile đã ký 3 văn kiện, gồm: 1. Hiệp định về vận tải biển; 2. Bản ghi nhớ về hợp tác "
                 "y tế; 3. Thỏa thuận về du lịch.",
                 (("Việt Nam", "signed", "Hiệp định về vận tải biển"), ("Chile", "signed", "Thỏa thuận về du lịch"))))),
    Construction(
        "document_list", "Hai nước đã ký X (1994), Y (2002), Z (2008) và W: one signing verb, a list of documents, "
        "each dated by the year in parentheses after it", "ký, ký kết", ("signed",),
        (Slot("subject", _SIGNER, BEFORE), Slot("object", ("Agreement",), LIST_AFTER + " (more than three)")),
        _CLAUSE_MOOD,
        (Example("Việt Nam và Chile đã ký Hiệp định thương mại (1994), Hiệp định tránh đánh thuế (2002), Hiệp định "
                 "hợp tác văn hóa (2008) và Hiệp định miễn thị thực (2015).",
                 (("Việt Nam", "signed", "Hiệp định thương mại"), ("Chile", "signed", "Hiệp định miễn thị thực"))),)),
    Construction(
        "relative_object", "X mà A ký: the agreement named before a relative clause", "ký, ký kết", ("signed",),
        (Slot("subject", _SIGNER, BEFORE), Slot("object", ("Agreement",), "before mà / được")), _CLAUSE_MOOD),
    Construction(
        "named_before_agents", "X do A và B ký / đồng chủ trì: the document or event named before its agents",
        "ký, chủ trì, đồng chủ trì after do", ("signed", "attended"),
        (Slot("subject", _SIGNER, "between do and the trigger"), Slot("object", ("Agreement", "Event"), "before do")),
        _CLAUSE_MOOD,
        (Example("Bản ghi nhớ về hợp tác du lịch do Bộ trưởng Nguyễn Văn Hùng và Bộ trưởng Du lịch Lào "
                 "Suanesavanh Vignaket ký đã có hiệu lực.",
                 (("Nguyễn Văn Hùng", "signed", "Bản ghi nhớ về hợp tác du lịch"),
                  ("Suanesavanh Vignaket", "signed", "Bản ghi nhớ về hợp tác du lịch"))),)),
    Construction(
        "document_anaphor", "ký văn kiện này: the document named before", "ký, ký kết", ("signed",),
        (Slot("subject", _SIGNER, BEFORE), Slot("object", ("Agreement",), CONTEXT)), _CLAUSE_MOOD,
        (Example("Hai bên đã trao đổi Hiệp định về dẫn độ. Bộ trưởng Công an Lương Tam Quang đã ký văn kiện này.",
                 (("Lương Tam Quang", "signed", "Hiệp định về dẫn độ"),)),)),
    Construction(
        "delegation_anaphor", "tiễn / đón Đoàn: the head of the visiting delegation", "đón, tiễn, tiếp", ("met",),
        (Slot("subject", _PERSON, BEFORE), Slot("object", _PERSON, "the last visitor (context)")), _CLAUSE_MOOD,
        (Example("Ngày 3/3, Tổng thống Chile Gabriel Boric đến Hà Nội. Chiều 4/3, Phó Thủ tướng Bùi Thanh Sơn "
                 "ra sân bay tiễn Đoàn.", (("Bùi Thanh Sơn", "met", "Gabriel Boric"),)),)),
    Construction(
        "event_anaphor", "chủ trì phiên khai mạc: the event named before", "dự, tham dự, chủ trì", ("attended",),
        (Slot("subject", _PERSON, BEFORE), Slot("object", ("Event",), CONTEXT)), _CLAUSE_MOOD,
        (Example("Sáng 3/3, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58 diễn ra tại Hà Nội. Bộ trưởng Ngoại giao "
                 "Bùi Thanh Sơn chủ trì phiên khai mạc.",
                 (("Bùi Thanh Sơn", "attended", "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58"),)),)),
    Construction(
        "relative_clause_subject", "gặp X, người sẽ dự Y: the person before người", "any verb after người",
        ("met", "visited", "attended", "signed"),
        (Slot("subject", _PERSON, "before , người"), Slot("object", ("Person", "Country", "Event"), AFTER)),
        _CLAUSE_MOOD,
        (Example("Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc Choi Young-sam, người sẽ dự Hội nghị APEC.",
                 (("Choi Young-sam", "attended", "Hội nghị APEC"),)),)),
    Construction(
        "reduced_relative", "theo Hiệp định giữa Chính phủ hai nước ký năm 2009: the two countries signed; "
        "Hiệp định giữa A và B ký tại P ngày D: A and B signed", "ký right after an agreement's name", ("signed",),
        (Slot("subject", ("Country", "Organization"), "the parties " + IN_NAME + ", else the two countries in context"),
         Slot("object", ("Agreement",), BEFORE)),
        "done; dated by the clause after ký, up to its comma",
        (Example("Hiệp định thương mại giữa Chính phủ Việt Nam và Chính phủ Chile ký tại Santiago ngày 5/3/2011 "
                 "đã có hiệu lực.",
                 (("Chính phủ Việt Nam", "signed", "Hiệp định thương mại giữa Chính phủ Việt Nam và Chính phủ Chile"),
                  ("Chính phủ Chile", "signed", "Hiệp định thương mại giữa Chính phủ Việt Nam và Chính phủ Chile"))),)),
    Construction(
        "signature_of", "X được ký ... với chữ ký của A", "được ký", ("signed",),
        (Slot("subject", _SIGNER, "after chữ ký của"), Slot("object", ("Agreement",), BEFORE)), _CLAUSE_MOOD),
    Construction(
        "coordinated_subjects", "A, B và C ký / dự / thăm X: one verb, a list of subjects",
        "signed, attended, visited verbs", ("signed", "attended", "visited"),
        (Slot("subject", _SIGNER, "a list before the trigger"), Slot("object", ("Agreement", "Event", "Country"),
                                                                         AFTER)), _CLAUSE_MOOD,
        (Example("Bộ trưởng Ngoại giao Lê Minh Hải và Bộ trưởng Ngoại giao Campuchia Prak Sokhonn đã ký "
                 "Hiệp định hợp tác biên giới.",
                 (("Lê Minh Hải", "signed", "Hiệp định hợp tác biên giới"),
                  ("Prak Sokhonn", "signed", "Hiệp định hợp tác biên giới"))),)),
    Construction(
        "guest_visit", "chủ trì lễ đón X thăm Y; hội đàm với X, đang thăm Y: the guest visits",
        "thăm after a met verb", ("visited",),
        (Slot("subject", _PERSON, "the object of the met verb before"), Slot("object", ("Country", "Location"),
                                                                             AFTER)), _CLAUSE_MOOD,
        (Example("Thủ tướng Phạm Minh Chính chủ trì lễ đón Tổng thống Chile Gabriel Boric và Phu nhân "
                 "thăm chính thức Việt Nam.", (("Gabriel Boric", "visited", "Việt Nam"),)),)),
    Construction(
        "foreign_visitor", "A tiếp B, nhân dịp sang Việt Nam dự X: an official does not visit his own country, "
        "so the visitor is the foreign guest", "a visit verb whose subject holds an office of the destination",
        ("visited",), (Slot("subject", _PERSON, "the guest of the met verb before"),
                       Slot("object", ("Country",), AFTER)), _CLAUSE_MOOD,
        (Example("Sáng 4/3, Chủ tịch nước Trần Văn Bình tiếp Tổng thống Chile Gabriel Boric, nhân dịp ông sang "
                 "Việt Nam dự Diễn đàn Kinh tế Mekong.",
                 (("Gabriel Boric", "visited", "Việt Nam"),)),
         Example("Thủ tướng Lê Văn Hòa tiếp Ngoại trưởng Peru Elmer Schialer nhân chuyến thăm chính thức "
                 "Việt Nam của ông.", (("Elmer Schialer", "visited", "Việt Nam"),)))),
    Construction(
        "nominal_visit", "chuyến thăm [cấp Nhà nước] Y của X: the visit as a noun", "chuyến thăm",
        ("visited",), (Slot("subject", _PERSON, "after của"), Slot("object", ("Country", "Location"), AFTER)),
        _CLAUSE_MOOD,
        (Example("Chuyến thăm cấp Nhà nước Việt Nam của Tổng thống Hàn Quốc Lee Jae-myung diễn ra từ ngày 10-12/8.",
                 (("Lee Jae-myung", "visited", "Việt Nam"),)),)),
    Construction(
        "fronted_clause", "Đến Hà Nội từ tối qua, A ...: the subject after the fronted clause's comma",
        "a verb opening the sentence", ("visited", "attended", "met"),
        (Slot("subject", _PERSON, "after the comma"), Slot("object", ("Country", "Location", "Event"), AFTER)),
        _CLAUSE_MOOD,
        (Example("Đến Hà Nội từ tối qua, Thủ tướng Nhật Bản Ishiba Shigeru đã hội kiến Chủ tịch nước Lương Cường.",
                 (("Ishiba Shigeru", "visited", "Hà Nội"),)),)),
    Construction(
        "pronoun_subject", "..., ông mời C: ông is the sentence's topic", "any verb after ông / bà",
        ("invited", "met", "visited"), (Slot("subject", _PERSON, "the first person of the sentence"),
                                        Slot("object", _PERSON, AFTER)), _CLAUSE_MOOD,
        (Example("Tổng thống Pháp Emmanuel Macron cảm ơn Thủ tướng Phạm Minh Chính; nhân dịp này, ông mời "
                 "Chủ tịch nước Lương Cường thăm Pháp.", (("Emmanuel Macron", "invited", "Lương Cường"),)),)),
    Construction(
        "leader_of_country", "Nhà lãnh đạo Chile đánh giá cao ...: the one person in the article holding an office "
        "of that country", "any verb after nhà lãnh đạo + a country", ("met", "visited", "attended", "invited"),
        (Slot("subject", _PERSON, "the article's only office holder of the country named after nhà lãnh đạo"),
         Slot("object", ("Person", "Country", "Event"), AFTER)), _CLAUSE_MOOD,
        (Example("Chiều 10/3, Tổng thống Chile Gabriel Boric tiếp Bộ trưởng Ngoại giao Lê Minh Hải tại Santiago. "
                 "Nhà lãnh đạo Chile đánh giá cao cuộc điện đàm với Chủ tịch nước Trần Văn Bình hồi tháng 2.",
                 (("Gabriel Boric", "met", "Trần Văn Bình"),)),)),
    Construction(
        "dropped_subject", "A thăm X; hội kiến B; dự C: a clause without a subject takes the previous one's",
        "any verb", ("met", "visited", "attended", "signed"),
        (Slot("subject", _PERSON, CONTEXT), Slot("object", ("Person", "Country", "Event", "Agreement"), LIST_AFTER)),
        "the clause's own, else the previous clause's",
        (Example("Thủ tướng Nguyễn Văn An thăm chính thức Singapore; hội kiến Tổng thống Tharman Shanmugaratnam "
                 "và dự Diễn đàn Kinh tế Việt Nam - Singapore.",
                 (("Nguyễn Văn An", "met", "Tharman Shanmugaratnam"),
                  ("Nguyễn Văn An", "attended", "Diễn đàn Kinh tế Việt Nam - Singapore"))),)),
    Construction(
        "subject_in_context", "a sentence with no one named before its verb: the person in focus",
        "any verb", ("met", "visited", "attended", "signed"),
        (Slot("subject", _PERSON, "the previous sentence's subject"), Slot("object", ("Person", "Country"), AFTER)),
        _CLAUSE_MOOD),
    Construction(
        "passive_agent", "X được A tiếp: A met X", "được + a met verb", ("met",),
        (Slot("subject", _PERSON, "between được and the trigger"), Slot("object", _PERSON, "before được")),
        _CLAUSE_MOOD,
        (Example("Đại sứ Pháp Olivier Brochet được Phó Thủ tướng Trần Lưu Quang tiếp tại trụ sở Chính phủ.",
                 (("Trần Lưu Quang", "met", "Olivier Brochet"),)),)),
    Construction(
        "counterpart", "hội đàm với người đồng cấp Lào: the one person holding the same office", "met verbs",
        ("met",), (Slot("subject", _PERSON, BEFORE), Slot("object", _PERSON, "the article's holder of that office")),
        _CLAUSE_MOOD,
        (Example("Bộ trưởng Quốc phòng Phan Văn Giang đã hội đàm với người đồng cấp Lào Chansamone Chanyalath. "
                 "Ngày 5/3, Bộ trưởng Quốc phòng Lào Chansamone Chanyalath tiếp tục hội đàm với người đồng cấp "
                 "Việt Nam.", (("Phan Văn Giang", "met", "Chansamone Chanyalath"),)),)),
    Construction(
        "talks_between", "cuộc hội đàm / hội kiến / gặp giữa A và B: the talks as a noun, both sides after giữa",
        "a met verb followed by giữa", ("met",),
        (Slot("subject", _PERSON, "the first after giữa"), Slot("object", _PERSON, "the second after giữa")),
        _CLAUSE_MOOD,
        (Example("Trong cuộc hội đàm giữa Thủ tướng Lê Văn Hòa và Thủ tướng Lào Sonexay Siphandone, hai bên "
                 "nhất trí tăng cường hợp tác.", (("Lê Văn Hòa", "met", "Sonexay Siphandone"),)),)),
    Construction(
        "joint_subjects", "A và B hội đàm: two subjects and no object", "met verbs", ("met",),
        (Slot("subject", _PERSON, BEFORE), Slot("object", _PERSON, "the second subject")), _CLAUSE_MOOD,
        (Example("Thủ tướng Nguyễn Văn An và Thủ tướng Thái Lan Anutin Charnvirakul đã hội đàm tại Bangkok.",
                 (("Nguyễn Văn An", "met", "Anutin Charnvirakul"),)),
         Example("Sáng 15/3, Thủ tướng Lê Văn Hòa và Thủ tướng Lào Sonexay Siphandone đã có buổi làm việc tại "
                 "Viên Chăn.", (("Lê Văn Hòa", "met", "Sonexay Siphandone"),)))),
    Construction(
        "frame_attended", "Bên lề / Trong khuôn khổ / Tại Hội nghị X, A gặp B; Nhân dịp tham dự X, Y và Z, A ...: "
        "A attended each named event of the frame", "bên lề, trong khuôn khổ, tại, nhân dịp ... dự opening "
        "the sentence", ("attended",),
        (Slot("subject", _PERSON, "the person right after the frame's comma"),
         Slot("object", ("Event",), "named events (three syllables or more) inside the frame")),
        "the main clause's; nhân dịp without dự is only the occasion and gives nothing",
        (Example("Bên lề Hội nghị Cấp cao ASEAN lần thứ 46, Chủ tịch nước Trần Văn Bình lần lượt gặp Tổng thống "
                 "Chile Gabriel Boric, Thủ tướng Thái Lan Anutin Charnvirakul và Tổng thống Mông Cổ Ukhnaagiin "
                 "Khurelsukh.", (("Trần Văn Bình", "attended", "Hội nghị Cấp cao ASEAN lần thứ 46"),)),
         Example("Tối 5/3, nhân dịp có mặt tại Viên Chăn để tham dự Hội nghị Cấp cao ASEAN lần thứ 46, Hội nghị "
                 "Cấp cao ASEAN - GCC lần thứ 2 và Hội nghị Cấp cao Mekong - Lan Thương lần thứ 5, Thủ tướng "
                 "Lê Văn Hòa đã gặp Thủ tướng Thái Lan Anutin Charnvirakul.",
                 (("Lê Văn Hòa", "attended", "Hội nghị Cấp cao ASEAN lần thứ 46"),
                  ("Lê Văn Hòa", "attended", "Hội nghị Cấp cao ASEAN - GCC lần thứ 2"),
                  ("Lê Văn Hòa", "attended", "Hội nghị Cấp cao Mekong - Lan Thương lần thứ 5"))),
         Example("Tại Hội nghị Thượng đỉnh G20, Thủ tướng Lê Văn Hòa sẽ gặp Thủ tướng Ấn Độ Narendra Modi.",
                 (("Lê Văn Hòa", "attended", "Hội nghị Thượng đỉnh G20"),)))),
    Construction(
        "verb_clause", "A V B: the subject before the trigger, the objects (a list) after it",
        "every verb in resources/verbs.tsv", ("met", "visited", "attended", "signed", "invited"),
        (Slot("subject", _SIGNER, BEFORE), Slot("object", ("Person", "Country", "Location", "Event", "Agreement"),
                                                LIST_AFTER)), _CLAUSE_MOOD,
        (Example("Chiều 5/3, Thủ tướng Nguyễn Văn An đã hội đàm với Thủ tướng Lào Sonexay Siphandone.",
                 (("Nguyễn Văn An", "met", "Sonexay Siphandone"),)),
         Example("Chủ tịch nước Trần Văn Bình đánh giá cao cuộc điện đàm với Tổng thống Chile Gabriel Boric.",
                 (("Trần Văn Bình", "met", "Gabriel Boric"),)))),
)

_BY_NAME = {c.name: c for c in CONSTRUCTIONS}


def construction(name: str) -> Construction:
    """The construction called ``name``.

    Raises:
        KGError: no construction has that name; the message lists them.
    """
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KGError(f"No construction {name!r}. Available: {', '.join(_BY_NAME)}") from None

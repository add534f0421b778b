"""The lexicon loader and the language data it reads (kg/resources)."""

import json
import re
from importlib import resources
from pathlib import Path

from kg.extract import document_lists, engine, quantities, relations
from kg.extract.lexicon import load_lexicon, load_phrase_lists, load_titles_en, syllable_key
from kg.extract.mention_words import mention_words

_RESOURCES = resources.files("kg.resources")


def _readme() -> str:
    return _RESOURCES.joinpath("README.md").read_text(encoding="utf-8")


def test_resources_readme_documents_every_file_and_list():
    readme = _readme()
    for path in _RESOURCES.iterdir():
        name = path.name
        if name.startswith(("_", ".")) or name == "README.md":
            continue
        family = name.split("_")[0] + "_*"  # "mentions_*": a family of files documented together
        assert f"`{name}`" in readme or family in readme, f"{name} is not in kg/resources/README.md"
    for data in ("lexicon.json", "relations.json", "engine.json"):
        for list_name in json.loads(_RESOURCES.joinpath(data).read_text(encoding="utf-8")):
            assert f"`{list_name}`" in readme, f"{data}: list {list_name!r} is not in kg/resources/README.md"
    for list_name in mention_words():
        assert f"`{list_name}`" in readme, f"mentions_words.tsv: list {list_name!r} is not in kg/resources/README.md"


def test_relations_json_every_list_is_read():
    source = "".join(Path(module.__file__).read_text(encoding="utf-8") for module in (relations, document_lists))
    read = set(re.findall(r'_(?:words|phrases|texts)\("(\w+)"\)|\("relations\.json"\)\["(\w+)"\]', source))
    assert set(load_phrase_lists("relations.json")) == {name for pair in read for name in pair if name}


def test_engine_json_every_list_is_read():
    read = set(re.findall(r'_LISTS\["(\w+)"\]', Path(engine.__file__).read_text(encoding="utf-8")))
    assert set(load_phrase_lists("engine.json")) == read


def test_phrase_lists_keep_file_order_as_syllable_keys():
    raw = json.loads(_RESOURCES.joinpath("relations.json").read_text(encoding="utf-8"))
    lists = load_phrase_lists("relations.json")
    for name, phrases in raw.items():
        assert lists[name] == tuple(syllable_key(phrase) for phrase in phrases)


def test_offices_english_column_and_label_only_rows():
    lex, english = load_lexicon(), load_titles_en()
    assert english["Thủ tướng"] == "Prime Minister"
    # a title listed only for its English name is not an office the extractor looks up
    assert english["Bộ trưởng Bộ Tài chính"] == "Minister of Finance"
    assert syllable_key("Bộ trưởng Bộ Tài chính") not in lex.offices
    assert syllable_key("Bộ trưởng") in lex.offices


def test_countries_table_is_read_once_into_the_lexicon():
    country = load_lexicon().countries["Lào"]
    assert country.type == "Country" and country.english[0] == "Laos"


def test_blocked_next_read_from_its_table():
    assert "tục" in load_lexicon().blocked_next["tiếp"]


def test_quantities_every_list_is_read_and_documented():
    source = Path(quantities.__file__).read_text(encoding="utf-8")
    read = set(re.findall(r"""_LISTS\[["'](\w+)["']\]|_either\(["'](\w+)["']\)""", source))
    readme = _readme()
    assert {name for pair in read for name in pair if name} == set(quantities._LISTS)
    for name in quantities._LISTS:
        assert f"`{name}`" in readme, name

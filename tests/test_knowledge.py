import json

import pytest

from pipeline import knowledge
from pipeline.errors import KnowledgeError


def write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf8")
    return path


def test_shipped_files_load():
    folder = knowledge.knowledge_dir()
    assert any(w.name == "Kalibr" for w in knowledge.read_weapons(folder / "weapons.jsonl"))
    assert any(c.code == "RUS" and "Russian" in c.demonyms for c in knowledge.read_countries(folder / "countries.csv"))
    assert knowledge.read_places(folder / "places.jsonl")
    assert knowledge.read_organisations(folder / "organisations.jsonl")
    assert knowledge.read_roles(folder / "roles.jsonl")
    assert {t.event_type for t in knowledge.read_triggers(folder / "triggers.jsonl")} == set(knowledge.EVENT_TYPES)
    assert knowledge.read_cues(folder / "cues.jsonl")


def test_duplicate_alias_names_both_lines(tmp_path):
    path = write_jsonl(tmp_path / "w.jsonl", [
        {"name": "Kalibr", "class": "cruise missile", "origin": "RUS", "aliases": ["3M-14"]},
        {"name": "Other", "class": "cruise missile", "origin": "RUS", "aliases": ["3m-14"]},
    ])
    with pytest.raises(KnowledgeError, match=r"line 2: alias '3m-14' is already used by 'Kalibr' \(line 1\)"):
        knowledge.read_weapons(path)


def test_unknown_weapon_class_is_rejected(tmp_path):
    path = write_jsonl(tmp_path / "w.jsonl", [{"name": "X", "class": "laser", "origin": "", "aliases": []}])
    with pytest.raises(KnowledgeError, match="line 1: unknown weapon class 'laser'"):
        knowledge.read_weapons(path)


def test_missing_field_is_rejected(tmp_path):
    path = write_jsonl(tmp_path / "w.jsonl", [{"name": "X", "class": "missile", "aliases": []}])
    with pytest.raises(KnowledgeError, match=r"line 1: missing field\(s\) \['origin'\]"):
        knowledge.read_weapons(path)


def test_unknown_key_is_rejected(tmp_path):
    path = write_jsonl(tmp_path / "p.jsonl", [{"name": "X", "aliases": [], "lat": 1, "lon": 2, "country": "", "size": 3}])
    with pytest.raises(KnowledgeError, match=r"unknown key\(s\) \['size'\]"):
        knowledge.read_places(path)


def test_trigger_with_unknown_event_type_is_rejected(tmp_path):
    path = write_jsonl(tmp_path / "t.jsonl", [{"pattern": "parade", "type": "celebration"}])
    with pytest.raises(KnowledgeError, match="unknown event type 'celebration'"):
        knowledge.read_triggers(path)


def test_meta_header_is_skipped(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [{"meta": {"version": 1}}, {"cue": "Reportedly", "modality": "claimed"}])
    assert knowledge.read_cues(path) == [knowledge.Cue("reportedly", "claimed")]


def test_weapons_base_covers_the_main_arms_producers():
    weapons = knowledge.read_weapons(knowledge.knowledge_dir() / "weapons.jsonl")
    named = [w for w in weapons if not w.generic]
    assert len(named) >= 150
    origins = {w.origin for w in named}
    assert {"RUS", "USA", "CHN", "PRK", "IRN", "IND", "PAK", "ISR", "TUR", "FRA", "GBR", "DEU", "JPN", "KOR", "UKR", "TWN"} <= origins
    assert {w.name for w in weapons if w.generic} >= {"hypersonic missile", "cruise missile", "ballistic missile", "air defence system"}


@pytest.mark.parametrize("record", [
    {"name": "X", "class": "missile", "origin": "", "aliases": []},  # named, no origin
    {"name": "y", "class": "missile", "origin": "USA", "generic": True, "aliases": []},  # generic with one
])
def test_named_systems_have_an_origin_and_classes_none(tmp_path, record):
    with pytest.raises(KnowledgeError, match="line 1: origin must be"):
        knowledge.read_weapons(write_jsonl(tmp_path / "w.jsonl", [record]))

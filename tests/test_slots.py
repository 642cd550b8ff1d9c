"""Argument look-ups on hand-built documents (no model needed)."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.slots import entities_in, entity_of


def _doc() -> Doc:
    words = ["The", "United", "States", "fired", "Tomahawk", "missiles", "at", "Syria"]
    return Doc(Vocab(), words=words, ents=["O", "B-ACTOR", "I-ACTOR", "O", "B-WEAPON", "O", "O", "B-PLACE"])


def test_entity_of_finds_the_whole_entity_from_any_of_its_tokens():
    doc = _doc()
    assert [(e.start, e.end, e.label_) for e in (entity_of(doc[1], ["ACTOR"]), entity_of(doc[2], ["ACTOR"]))] == [
        (1, 3, "ACTOR"), (1, 3, "ACTOR")
    ]
    assert entity_of(doc[2], ["WEAPON"]) is None
    assert entity_of(doc[0], ["ACTOR"]) is None


def test_entities_in_gives_each_entity_once_in_text_order():
    doc = _doc()
    tokens = [doc[7], doc[2], doc[1], doc[4], doc[3], doc[2]]
    assert [e.text for e in entities_in(tokens, ["ACTOR", "PLACE", "WEAPON"])] == ["United States", "Tomahawk", "Syria"]


def test_entities_in_keeps_to_the_labels_asked_for():
    doc = _doc()
    assert [e.text for e in entities_in(list(doc), ["WEAPON"])] == ["Tomahawk"]
    assert entities_in(list(doc), ["DATE"]) == []

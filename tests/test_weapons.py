import spacy

from pipeline.knowledge import Weapon
from pipeline.weapons import alias_variants

WEAPONS = [
    Weapon("Kalibr", "cruise missile", "RUS", ("3M-14", "Калибр")),
    Weapon("Tomahawk", "cruise missile", "USA", ("BGM-109",)),
    Weapon("Hwasong-18", "ballistic missile", "PRK", ()),
    Weapon("cruise missile", "cruise missile", "", (), generic=True),
]


def ruler_nlp():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("newsevents_weapons")
    ruler.initialize(lambda: [], nlp=nlp, weapons=WEAPONS)
    return nlp


def weapons(text):
    return [(e.text, e._.canonical, e._.weapon_class) for e in ruler_nlp()(text).ents]


def test_alias_variants_cover_plurals_and_separators():
    assert {"Hwasong-18", "Hwasong 18"} <= alias_variants("Hwasong-18")
    assert "Tomahawks" in alias_variants("Tomahawk")


def test_designation_and_script_resolve_to_canonical_name():
    assert weapons("It fired a 3M-14 and a «Калибр».") == [("3M-14", "Kalibr", "cruise missile"), ("Калибр", "Kalibr", "cruise missile")]


def test_plural_and_compound_forms():
    found = weapons("Tomahawks and Kalibr-equipped ships and a Hwasong 18.")
    assert [f[1] for f in found] == ["Tomahawk", "Kalibr", "Hwasong-18"]


def test_generic_class_matches_in_any_case_and_plural():
    assert weapons("Cruise Missiles were seen.") == [("Cruise Missiles", "cruise missile", "cruise missile")]


def test_named_systems_match_case_sensitively():
    assert weapons("a tomahawk axe") == []

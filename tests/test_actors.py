import spacy
from spacy.tokens import Doc, Span

from pipeline.actors import ActorGazetteer, ActorRef, strip_mention
from pipeline.knowledge import Country, Organisation, Role

COUNTRIES = [
    Country("RUS", "Russia", ("Russian", "Russian Federation"), ("Moscow", "Kremlin"), 61.5, 105.3),
    Country("JPN", "Japan", ("Japanese",), ("Tokyo",), 36.2, 138.3),
    Country("USA", "United States", ("American", "US"), ("Washington",), 39.8, -98.6),
]
ORGS = [
    Organisation("NATO", "NATO", "", ()),
    Organisation("Pacific Fleet", "", "RUS", ("Тихоокеанского флота",)),
]
ROLES = [
    Role("Deputy Foreign Minister", "title", ()),
    Role("Defence Minister", "title", ("Defense Minister",)),
    Role("Defence Ministry", "body", ("Defense Ministry",)),
]


def test_gazetteer_resolves_names_demonyms_seats_and_bodies():
    g = ActorGazetteer(COUNTRIES, ORGS)
    assert g.lookup("the Russian Federation") == ActorRef("Russia", "RUS")
    assert g.lookup("Japanese") == ActorRef("Japan", "JPN")
    assert g.lookup("Tokyo") == ActorRef("Japan", "JPN", detail="Tokyo", kind="seat")
    assert g.lookup("Тихоокеанского флота") == ActorRef("Russia", "RUS", detail="Pacific Fleet", kind="body")
    assert g.lookup("the United States'") == ActorRef("United States", "USA")


def test_gazetteer_falls_back_to_pycountry_short_names():
    g = ActorGazetteer(COUNTRIES, ORGS)
    assert g.lookup("Norway") == ActorRef("Norway", "NOR")


def test_acronyms_match_case_sensitively():
    g = ActorGazetteer(COUNTRIES, ORGS)
    assert g.lookup("US") is not None
    assert g.lookup("us") is None


def test_strip_mention():
    assert strip_mention("the United States'") == "United States"
    assert strip_mention("Japan's") == "Japan"


def resolve(words, persons=(), spaces=None):
    nlp = spacy.blank("en")
    resolver = nlp.add_pipe("newsevents_actors")
    resolver.initialize(lambda: [], nlp=nlp, countries=COUNTRIES, organisations=ORGS, roles=ROLES)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label="PERSON") for s, e in persons]
    doc = resolver(doc)
    return [(e.text, e._.canonical, e._.code, e._.detail) for e in doc.ents if e.label_ == "ACTOR"]


def test_official_with_title_gives_state_and_person():
    words = ["Russian", "Deputy", "Foreign", "Minister", "Andrey", "Rudenko", "said", "."]
    assert resolve(words, persons=[(4, 6)]) == [
        ("Russian Deputy Foreign Minister Andrey Rudenko", "Russia", "RUS", "Andrey Rudenko")
    ]


def test_title_of_country_then_name():
    words = ["the", "Defence", "Minister", "of", "Japan", ",", "Nobuo", "Kishi", "said"]
    spaces = [True, True, True, True, False, True, True, True, False]
    found = resolve(words, persons=[(6, 8)], spaces=spaces)
    assert found == [("Defence Minister of Japan, Nobuo Kishi", "Japan", "JPN", "Nobuo Kishi")]


def test_later_bare_surname_resolves_to_the_same_person():
    words = ["Russian", "Deputy", "Foreign", "Minister", "Andrey", "Rudenko", "spoke", ".", "Rudenko", "said"]
    nlp = spacy.blank("en")
    resolver = nlp.add_pipe("newsevents_actors")
    resolver.initialize(lambda: [], nlp=nlp, countries=COUNTRIES, organisations=ORGS, roles=ROLES)
    doc = Doc(nlp.vocab, words=words, pos=["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB"])
    doc.ents = [Span(doc, 4, 6, label="PERSON")]
    found = [(e.text, e._.code, e._.detail) for e in resolver(doc).ents]
    assert found[-1] == ("Rudenko", "RUS", "Andrey Rudenko")


def test_body_of_a_state_keeps_the_body_as_detail():
    assert resolve(["The", "Russian", "Defence", "Ministry", "announced"]) == [
        ("Russian Defence Ministry", "Russia", "RUS", "Russian Defence Ministry")
    ]

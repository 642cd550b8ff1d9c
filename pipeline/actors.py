"""Actors: states, organisations, state bodies and officials, resolved to the spec's canonical names.

A ministry, navy, capital or official acting for a state gives that state (``span._.canonical``,
``span._.code``) and keeps the body or person in ``span._.detail``. A person introduced with a
title ("Russian Deputy Foreign Minister Andrey Rudenko") is remembered, so a later bare surname
("Rudenko") resolves to the same state and person.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable

import numpy
import pycountry
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .extensions import register_extensions, set_entities
from .knowledge import Country, Organisation, Role

POSSESSIVE = ("'s", "’s", "'", "’")


@dataclass(frozen=True)
class ActorRef:
    """What a mention stands for: the acting state or organisation, and the named body or person."""

    name: str
    code: str
    detail: str = ""
    kind: str = "state"  # state | organisation | body | seat | person


def alias_key(alias: str) -> str:
    """Acronyms ("US", "DPRK") match exactly; other names match in any case."""
    letters = [c for c in alias if c.isalpha()]
    return alias if letters and all(c.isupper() for c in letters) and len(letters) <= 5 else alias.casefold()


def strip_mention(text: str) -> str:
    """Drop a leading article and a trailing possessive: "the United States'" -> "United States"."""
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in POSSESSIVE:
        if text.endswith(suffix):
            return text[: -len(suffix)].strip()
    return text


def country_names(countries: list[Country]) -> dict[str, str]:
    """ISO alpha-3 -> the spec's short English name: ours where we have one, else pycountry's."""
    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    names.update({c.code: c.name for c in countries})
    return names


class ActorGazetteer:
    """Pure look-up from a name, demonym, seat of government or body to an ``ActorRef``."""

    def __init__(self, countries: list[Country], organisations: list[Organisation]) -> None:
        self.names = country_names(countries)
        self.demonyms: dict[str, str] = {}
        self.aliases: dict[str, ActorRef] = {}
        for country in pycountry.countries:
            short = self.names[country.alpha_3]
            for name in {short, country.name, getattr(country, "official_name", short)}:
                self.aliases.setdefault(alias_key(name), ActorRef(short, country.alpha_3))
        for c in countries:
            self.demonyms[c.code] = c.demonyms[0] if c.demonyms else c.name
            for alias in (c.name, *c.demonyms):
                self.aliases[alias_key(alias)] = ActorRef(c.name, c.code)
            for seat in c.seats:
                self.aliases[alias_key(seat)] = ActorRef(c.name, c.code, detail=seat, kind="seat")
        for org in organisations:
            if org.code:
                ref = ActorRef(org.name, org.code, kind="organisation")
            else:
                ref = ActorRef(self.names[org.state], org.state, detail=org.name, kind="body")
            for alias in (org.name, *org.aliases):
                self.aliases[alias_key(alias)] = ref

    def lookup(self, text: str) -> ActorRef | None:
        """The actor a mention's text names, or ``None``."""
        name = strip_mention(text)
        return self.aliases.get(name) or self.aliases.get(name.casefold())

    def adjective(self, ref: ActorRef) -> str:
        """The word that names a body of this actor: "Russian" (Navy), "NATO" (forces)."""
        return self.demonyms.get(ref.code, ref.name)

    def all_aliases(self) -> Iterable[str]:
        return self.aliases.keys()


@Language.factory(
    "newsevents_actors",
    assigns=["doc.ents", "span._.canonical", "span._.code", "span._.detail"],
    requires=["doc.ents"],
    default_config={"label": "ACTOR", "person_labels": ["PERSON"], "resolve_labels": ["GPE", "NORP", "ORG"]},
)
def make_actor_resolver(
    nlp: Language, name: str, label: str, person_labels: list[str], resolve_labels: list[str]
) -> "ActorResolver":
    return ActorResolver(nlp, name, label=label, person_labels=person_labels, resolve_labels=resolve_labels)


class ActorResolver:
    """Finds actor mentions and extends them over titles, bodies and the people they name."""

    def __init__(
        self, nlp: Language, name: str, *, label: str, person_labels: list[str], resolve_labels: list[str]
    ) -> None:
        register_extensions()
        self.name = name
        self.label = label
        self.person_labels = frozenset(person_labels)
        self.resolve_labels = frozenset(resolve_labels)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.caseless = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.gazetteer: ActorGazetteer | None = None
        self.roles: dict[str, Role] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language,
        countries: list[Country],
        organisations: list[Organisation],
        roles: list[Role],
    ) -> None:
        """Build the gazetteer and the matchers for names and for role words."""
        self.gazetteer = ActorGazetteer(countries, organisations)
        exact = [key for key in self.gazetteer.all_aliases() if not key.islower()]
        caseless = [key for key in self.gazetteer.all_aliases() if key.islower()]
        self.exact.add("ACTOR", list(nlp.tokenizer.pipe(exact)))
        self.caseless.add("ACTOR", list(nlp.tokenizer.pipe(caseless)))
        for role in roles:
            self.roles[role.role.lower()] = role
            forms = {role.role, *role.aliases}
            for form in forms:
                self.roles[form.lower()] = role
            self.role_matcher.add(role.role, list(nlp.tokenizer.pipe(sorted(forms))))

    # -- pieces of the mention grammar -------------------------------------------------------

    def _person_at(self, doc: Doc, i: int) -> int:
        """End of a person's name starting at token ``i`` (``i`` when there is none)."""
        end = i
        if i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ in self.person_labels:
            end = i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return end
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_ in ("GPE", "NORP", "WEAPON"):
            end += 1
        return end if end - i <= 4 else i

    def _extend(self, doc: Doc, start: int, end: int, ref: ActorRef, roles: dict) -> tuple[int, int, ActorRef]:
        """"Russian" + "Deputy Foreign Minister" + "Andrey Rudenko" -> one mention of Russia."""
        i = end
        if i < len(doc) and doc[i].text in POSSESSIVE:
            i += 1
        role = roles.get(i)
        if role is None or ref.kind not in ("state", "organisation"):
            return start, end, ref
        role_end, role_entry = role
        person_end = self._person_at(doc, role_end)
        if person_end > role_end:
            person = doc[role_end:person_end].text
            return start, person_end, replace(ref, detail=person, kind="person")
        detail = f"{self.gazetteer.adjective(ref)} {role_entry.role}"
        return start, role_end, replace(ref, detail=detail, kind="body")

    def _title_of(self, doc: Doc, roles: dict, found: dict[int, tuple[int, ActorRef]]) -> list[tuple[int, int, ActorRef]]:
        """"the Defence Minister of Japan, Nobuo Kishi" -> one mention of Japan (Nobuo Kishi)."""
        spans = []
        for start, (role_end, role_entry) in roles.items():
            if role_entry.kind != "title" or role_end + 1 >= len(doc) or doc[role_end].lower_ != "of":
                continue
            actor = found.get(role_end + 1)
            if actor is None:
                continue
            actor_end, ref = actor
            i = actor_end + (1 if actor_end < len(doc) and doc[actor_end].text == "," else 0)
            person_end = self._person_at(doc, i)
            if person_end > i:
                spans.append((start, person_end, replace(ref, detail=doc[i:person_end].text, kind="person")))
        return spans

    # -- the component ------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        assert self.gazetteer is not None, "newsevents_actors is not initialised"
        ents = list(doc.ents)
        taken = {i for ent in ents if ent.label_ == "WEAPON" for i in range(ent.start, ent.end)}
        named_inside = [ent for ent in ents if ent.label_ in ("ORG", "WORK_OF_ART", "FAC", "PERSON")]
        roles = {}
        for span in filter_spans([doc[s:e] for _, s, e in self.role_matcher(doc)]):
            roles[span.start] = (span.end, self.roles[span.text.lower()])
        found: dict[int, tuple[int, ActorRef]] = {}
        candidates = [doc[s:e] for _, s, e in self.exact(doc)] + [doc[s:e] for _, s, e in self.caseless(doc)]
        for span in filter_spans(candidates):
            ref = self.gazetteer.lookup(span.text)
            if ref is not None and not taken.intersection(range(span.start, span.end)):
                found[span.start] = (span.end, ref)
        mentions = []
        for start, (end, ref) in sorted(found.items()):
            start, end, ref = self._extend(doc, start, end, ref, roles)
            inside = [e for e in named_inside if e.start <= start and end <= e.end and len(e) > end - start]
            if any(not (e.end == end and doc[e.start : start].text.lower() in ("the", "")) for e in inside):
                continue  # part of a longer name: "Japan" in "Japan Times", not "U.S." in "The U.S. Air Force"
            mentions.append((start, end, ref))
        mentions += self._title_of(doc, roles, found)
        mentions += self._resolved_ner(ents, mentions, taken)
        mentions += self._known_people(doc, mentions, taken)
        spans = []
        refs = {}
        for start, end, ref in mentions:
            span = Span(doc, start, end, label=self.label)
            spans.append(span)
            refs[(start, end)] = ref
        spans = filter_spans(spans)
        set_entities(doc, spans, ents)
        for span in spans:
            ref = refs[(span.start, span.end)]
            attrs = span._  # each ``span._`` builds a new accessor
            attrs.canonical = ref.name
            attrs.code = ref.code
            attrs.detail = ref.detail
        return doc

    def _resolved_ner(self, ents: list[Span], mentions: list, taken: set[int]) -> list[tuple[int, int, ActorRef]]:
        """Base-model entities the gazetteer did not match but can resolve ("the Russian Federation")."""
        covered = taken | {i for s, e, _ in mentions for i in range(s, e)}
        found = []
        for ent in ents:
            if ent.label_ in self.resolve_labels and not covered.intersection(range(ent.start, ent.end)):
                ref = self.gazetteer.lookup(ent.text)
                if ref is not None:
                    found.append((ent.start, ent.end, ref))
        return found

    def _known_people(self, doc: Doc, mentions: list, taken: set[int]) -> list[tuple[int, int, ActorRef]]:
        """Bare names of people introduced with a title elsewhere in the article."""
        people: dict[str, ActorRef] = {}
        for _, _, ref in mentions:
            if ref.kind == "person":
                people[ref.detail] = ref
                people.setdefault(ref.detail.split()[-1], ref)
        if not people:
            return []
        covered = taken | {i for s, e, _ in mentions for i in range(s, e)}
        by_hash = {get_string_id(name): ref for name, ref in people.items()}
        found = []
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), list(by_hash))).tolist():
            token = doc[i]
            if i not in covered and token.pos_ == "PROPN":
                found.append((i, i + 1, by_hash[token.orth]))
        return found

"""Events: trigger words typed by the lexicon, arguments filled from the parse, one row per event.

The component writes ``doc._.events``, a list of ``Event`` in order of first mention. Mentions of
the same real-world event in one article (headline, body, quoted post) merge into one event.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from . import slots
from .dates import DateValue
from .extensions import register_extensions
from .knowledge import Cue, Trigger

ACTOR, WEAPON, PLACE = "ACTOR", "WEAPON", "PLACE"
TARGET_PREPS = {
    "default": ("on", "against", "to", "at", "with", "over"),
    "procurement": ("from",),
    "attack": ("on", "against", "at", "of", "in"),
    "sanction": ("on", "against"),
    "protest": ("to", "with", "against"),
    "threat": ("to", "against"),
    "meeting": ("to",),
}
JOINT_TYPES = ("meeting", "military_exercise")
COMMUNICATION = ("say", "announce", "state", "report", "tell", "confirm", "add", "claim", "stress")
PRONOUNS = ("it", "we", "they", "he", "she", "country", "latter", "former")


@dataclass
class Event:
    """One event: the spec's slots, plus where it was first found."""

    event_type: str
    sentence: Span
    trigger: Span
    actors: list[tuple[str, str]] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    targets: list[tuple[str, str]] = field(default_factory=list)
    weapons: list[tuple[str, str]] = field(default_factory=list)
    places: list[tuple[str, str, float | None, float | None]] = field(default_factory=list)
    date: DateValue | None = None
    date_text: str = ""
    modality: str = "asserted"
    quantity: int | None = None
    confidence: float = 0.5


def _add(items: list, value) -> None:
    if value and value not in items:
        items.append(value)


def _compatible(a: list, b: list) -> bool:
    return not a or not b or set(a) == set(b) or set(a) <= set(b) or set(b) <= set(a)


def _names(items: list) -> set[str]:
    return {item[0] for item in items}


def mergeable(a: Event, b: Event) -> bool:
    """Whether two mentions can be the same real-world event: same type and no slot conflicts."""
    if a.event_type != b.event_type:
        return False
    if a.date and b.date and a.date.iso != b.date.iso:
        return False
    generic = {"missile", "cruise missile", "ballistic missile", "hypersonic missile"}
    weapons_a = _names(a.weapons) - generic
    weapons_b = _names(b.weapons) - generic
    return (
        _compatible(a.actors, b.actors)
        and _compatible(list(weapons_a), list(weapons_b))
        and _compatible(a.targets, b.targets)
        and _compatible(_names(a.places) and list(_names(a.places)), _names(b.places) and list(_names(b.places)))
    )


def merge(a: Event, b: Event) -> Event:
    """Fill ``a`` (the first mention) from ``b``."""
    merged = replace(a)
    for name in ("actors", "details", "targets", "places"):
        items = list(getattr(a, name))
        for value in getattr(b, name):
            _add(items, value)
        setattr(merged, name, items)
    named = [w for w in a.weapons + b.weapons if w[0] != w[1]]
    merged.weapons = []
    for weapon in named or (a.weapons + b.weapons):
        _add(merged.weapons, weapon)
    if merged.date is None and b.date is not None:
        merged.date, merged.date_text = b.date, b.date_text
    if merged.quantity is None:
        merged.quantity = b.quantity
    if merged.modality == "asserted" and b.modality != "asserted":
        merged.modality = b.modality
    merged.confidence = max(a.confidence, b.confidence)
    return merged


@Language.factory(
    "newsevents_events",
    assigns=["doc._.events"],
    requires=["doc.ents", "token.dep", "token.lemma", "span._.date", "span._.canonical"],
    default_config={"skip_prefixes": ["Read more", "Also read", "READ MORE", "Image:", "Photo:", "Video:"]},
)
def make_event_extractor(nlp: Language, name: str, skip_prefixes: list[str]) -> "EventExtractor":
    return EventExtractor(nlp, name, skip_prefixes=skip_prefixes)


class EventExtractor:
    """Finds triggers, fills their slots from the parse, and merges mentions of one event."""

    def __init__(self, nlp: Language, name: str, *, skip_prefixes: list[str]) -> None:
        register_extensions()
        self.name = name
        self.skip_prefixes = tuple(skip_prefixes)
        self.matcher = Matcher(nlp.vocab)
        self.triggers: dict[str, Trigger] = {}
        self.cues: dict[str, list[str]] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language,
        triggers: list[Trigger],
        cues: list[Cue],
    ) -> None:
        """Compile the trigger lexicon into token patterns on lemmas and on lower-case forms."""
        for trigger in triggers:
            words = [t.text for t in nlp.tokenizer(trigger.pattern)]
            key = f"{trigger.event_type}:{trigger.pattern}:{trigger.pos}"
            patterns = []
            for attr in ("LEMMA", "LOWER"):
                pattern = [{attr: w} for w in words]
                if trigger.pos:
                    pattern[0]["POS"] = trigger.pos
                patterns.append(pattern)
            self.matcher.add(key, patterns)
            self.triggers[key] = trigger
        for cue in cues:
            self.cues.setdefault(cue.modality, []).append(cue.cue)

    # -- context ------------------------------------------------------------------------------

    def _has_cue(self, kind: str, tokens: list[Token], span: Span) -> bool:
        """Single-word cues among ``tokens`` (by lemma or form); phrases anywhere in ``span``."""
        forms = f" {span.text.lower()} ", " " + " ".join(t.lemma_.lower() for t in span) + " "
        for cue in self.cues.get(kind, ()):
            if " " in cue:
                if any(f" {cue} " in form for form in forms):
                    return True
            elif any(t.lemma_.lower() == cue or t.lower_ == cue for t in tokens):
                return True
        return False

    def _context_tokens(self, head: Token) -> list[Token]:
        """The trigger, its ancestors up to the clause root, and their direct modifiers."""
        tokens = [head]
        token = head
        while True:
            tokens.extend(c for c in token.children if c.dep_ in ("aux", "advmod", "mark", "neg", "auxpass", "prep"))
            if token.head.i == token.i or token.dep_ in ("ccomp", "parataxis") and token.head.lemma_ in COMMUNICATION:
                break
            token = token.head
            tokens.append(token)
        return tokens

    def _in_condition(self, head: Token) -> bool:
        """A trigger inside an "if" clause or under "fears of" only states a condition."""
        token = head
        while True:
            if any(c.dep_ == "mark" and c.lower_ in self.cues.get("condition", ()) for c in token.children):
                return True
            if token.lemma_.lower() in self.cues.get("condition", ()) and token.i != head.i:
                return True
            if token.head.i == token.i:
                return False
            token = token.head

    def _modality(self, event_type: str, head: Token, sentence: Span) -> str:
        if event_type == "threat":
            return "threatened"
        tokens = self._context_tokens(head)
        for kind in ("claimed", "hypothetical", "planned"):
            scope = sentence if kind == "claimed" else sentence.doc[head.left_edge.i : head.right_edge.i + 1]
            if self._has_cue(kind, tokens if kind != "claimed" else list(sentence), scope):
                return kind
        if any(c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in head.children):
            return "hypothetical"
        return "asserted"

    # -- slots --------------------------------------------------------------------------------

    def _actor_spans(self, head: Token, event_type: str) -> tuple[list[Span], float]:
        """Actor mentions for a trigger and how sure the link is."""
        if head.pos_ in ("NOUN", "PROPN"):
            owners = slots.entities_in([t for o in slots.noun_owner(head) for t in o.subtree], [ACTOR])
            if owners:
                return owners, 0.9
        verb = slots.clause_verb(head)
        subject = slots.subject_of(verb)
        if subject is not None:
            actors = slots.entities_in(subject.subtree, [ACTOR])
            if actors:
                return actors, 0.9
            if subject.lower_ in PRONOUNS or (subject.dep_ and subject.lemma_ in PRONOUNS):
                return [], 0.5
        # a reported event with no acting state of its own: the one that reports it
        for ancestor in head.ancestors:
            if ancestor.lemma_ in COMMUNICATION:
                speaker = slots.subject_of(ancestor)
                actors = slots.entities_in(speaker.subtree, [ACTOR]) if speaker is not None else []
                if actors:
                    return actors, 0.6
        return [], 0.4

    def _co_actors(self, head: Token) -> list[Span]:
        """Parties to joint actions: "drills with the Maritime Self-Defense Force of Japan"."""
        for token in (head, slots.clause_verb(head)):
            found = slots.entities_in(slots.prep_objects(token, ["with"]), [ACTOR])
            if found:
                return found
        return []

    def _target_spans(self, head: Token, event_type: str, actors: list[Span]) -> list[Span]:
        preps = TARGET_PREPS.get(event_type, TARGET_PREPS["default"])
        if event_type in JOINT_TYPES:
            preps = tuple(p for p in preps if p != "with")
        candidates: list[Token] = []
        for token in (head, slots.clause_verb(head)):
            candidates.extend(slots.prep_objects(token, preps))
            if token.pos_ == "VERB" and event_type in ("attack", "threat", "sanction", "protest"):
                candidates.extend(t for c in token.children if c.dep_ in ("dobj", "dative") for t in c.subtree)
        actor_starts = {a.start for a in actors}
        found = slots.entities_in(candidates, [ACTOR, PLACE])
        return [t for t in found if t._.code and t.start not in actor_starts]

    def _place_spans(self, head: Token) -> list[Span]:
        tokens = slots.own_subtree(head)
        if head.pos_ in ("NOUN", "PROPN"):
            tokens += slots.own_subtree(slots.clause_verb(head))
        return [p for p in slots.entities_in(tokens, [PLACE]) if p._.place]

    def _weapon_spans(self, head: Token) -> list[Span]:
        tokens = slots.own_subtree(head)
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
            tokens += [head.head]
        weapons = slots.entities_in(tokens, [WEAPON])
        named = [w for w in weapons if w._.canonical != w._.weapon_class]
        return named or weapons

    # -- the component ------------------------------------------------------------------------

    def _event(self, trigger: Span, event_type: str, needs: str, recent: dict) -> Event | None:
        head = trigger.root
        sentence = trigger.sent
        if self._in_condition(head) or self._has_cue("generic", self._context_tokens(head), sentence):
            return None
        weapons = self._weapon_spans(head)
        weapons = self._resolve_generic(weapons, recent)
        if needs == "weapon" and not weapons:
            return None
        actors, confidence = self._actor_spans(head, event_type)
        if event_type in JOINT_TYPES or any(c.lower_ == "joint" for c in head.children):
            actors = actors + [a for a in self._co_actors(head) if a.start not in {x.start for x in actors}]
        targets = self._target_spans(head, event_type, actors)
        event = Event(event_type, sentence, trigger, confidence=confidence)
        for span in actors:
            _add(event.actors, (span._.canonical, span._.code))
            _add(event.details, span._.detail)
        for span in targets:
            if (span._.canonical, span._.code) not in event.actors:
                _add(event.targets, (span._.canonical, span._.code))
        for span in weapons:
            _add(event.weapons, (span._.canonical, span._.weapon_class))
        for span in self._place_spans(head):
            _add(event.places, (span._.place, span._.place_country, span._.lat, span._.lon))
        if not event.places and event_type == "attack":
            for span in targets:
                if span._.place and span._.code:
                    _add(event.places, (span._.place, span._.place_country, span._.lat, span._.lon))
        dates = slots.date_entities(head)
        if dates:
            event.date = dates[0]._.date
            event.date_text = slots.date_text(dates[0])
            event.confidence += 0.05
        event.quantity = slots.quantity(slots.own_subtree(head) + [t for w in weapons for t in w.root.subtree])
        event.modality = self._modality(event_type, head, sentence)
        event.confidence = round(min(event.confidence + (0.05 if weapons else 0.0), 1.0), 2)
        return event

    def _resolve_generic(self, weapons: list[Span], recent: dict) -> list[Span]:
        """"the missiles" after a named system of that class in the last sentences means that system."""
        named = recent.get("weapon")
        if not weapons or named is None:
            return weapons
        out = []
        for span in weapons:
            definite = span.start > 0 and span.doc[span.start - 1].lower_ in ("the", "these", "those")
            if span._.canonical == span._.weapon_class and definite and span.sent.start - named.sent.end < 400:
                out.append(named)
            else:
                out.append(span)
        return out

    def _remember(self, sentence: Span, recent: dict) -> None:
        """Keep the last actor and named weapon seen, for the next sentences' missing slots."""
        for ent in sentence.ents:
            if ent.label_ == ACTOR and ent._.code:
                recent["actor"] = ent
            if ent.label_ == WEAPON and ent._.canonical != ent._.weapon_class:
                recent["weapon"] = ent

    def __call__(self, doc: Doc) -> Doc:
        matches = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.matcher(doc)]
        by_sentence: dict[int, list[Span]] = {}
        for span in filter_spans(matches):
            by_sentence.setdefault(span.sent.start, []).append(span)
        events: list[Event] = []
        recent: dict[str, Span] = {}
        for sentence in doc.sents:
            if sentence.text.strip().startswith(self.skip_prefixes):
                continue
            for trigger in by_sentence.get(sentence.start, []):
                entry = self.triggers[trigger.label_]
                event = self._event(trigger, entry.event_type, entry.needs, recent)
                if event is None:
                    continue
                if not event.actors and recent.get("actor") is not None and event.event_type not in ("attack",):
                    span = recent["actor"]
                    _add(event.actors, (span._.canonical, span._.code))
                    event.confidence = 0.35
                events.append(event)
            self._remember(sentence, recent)
        doc._.events = self._merge_all(events)
        return doc

    @staticmethod
    def _merge_all(events: list[Event]) -> list[Event]:
        merged: list[Event] = []
        for event in events:
            for i, kept in enumerate(merged):
                if mergeable(kept, event):
                    merged[i] = merge(kept, event)
                    break
            else:
                merged.append(event)
        return merged

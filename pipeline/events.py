"""Events: trigger words typed by the lexicon, arguments filled from the parse, one row per event.

The component writes ``doc._.events``, a list of ``Event`` in order of first mention. Mentions of
the same real-world event in one article (headline, body, quoted post, "the exercise" later on)
merge into one event, filled from all of them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from . import slots
from .actors import country_names, strip_mention
from .context import ACTOR, PLACE, WEAPON, ArticleContext, cue_words, place_value
from .extensions import register_extensions
from .knowledge import Country, Cue, Trigger
from .merging import Event, add_unique, merge, mergeable

TARGET_PREPS = {
    "default": ("on", "against", "to", "at", "with", "over"),
    "weapons_test": (),  # "over Japan", "into the sea" are places; a test has no target
    "military_exercise": (),
    "weapons_development": (),
    "deployment": ("against", "towards", "toward"),
    "procurement": ("from",),
    "attack": ("on", "against", "at", "of"),
    "sanction": ("on", "against"),
    "protest": ("to", "with", "against"),
    "threat": ("to", "against"),
    "meeting": ("to",),
}
# Prepositions that aim a launch at its target ("fired missiles at Kyiv").
AIM_PREPS = ("at", "on", "against")
# Types whose direct object is the party acted on ("invaded Ukraine", "visited Taiwan").
OBJECT_TARGET_TYPES = ("attack", "threat", "sanction", "protest", "meeting")
# Types that happen where their target is when the text names no other place.
PLACE_FROM_TARGET_TYPES = ("attack", "meeting")
JOINT_TYPES = ("meeting", "military_exercise")
COMMUNICATION = ("say", "announce", "state", "report", "tell", "confirm", "add", "claim", "stress")
# Base-model labels of non-state actors, named as written with no code (spec section 5).
NON_STATE_LABELS = ("ORG", "NORP")
# Subjects that refer back to an actor mentioned before ("the latter", "the country", "he").
ANAPHORIC_SUBJECTS = ("latter", "former", "country", "he", "she")
ANAPHORIC_DETERMINERS = ("the", "this", "that", "these", "those")
# Nouns that, definite and in a locative phrase, refer back to a place: "in the same waterway".
PLACE_ANAPHORS = ("waterway", "waters", "area", "region", "island", "islands", "sea", "strait", "peninsula", "zone")
# How a nominal trigger relates to its verb when that verb's subject is its actor ("China held drills").
NOMINAL_ARGUMENTS = ("dobj", "nsubjpass", "attr", "oprd")
# Types a weapon cannot be the actor of ("Tomahawks can hit targets ..., threatening ...").
HUMAN_TYPES = ("threat", "protest", "meeting", "sanction")
# Types whose actor is not guessed from the article's topic when the sentence names none.
NO_TOPIC_TYPES = ("attack", "meeting")
SYNTAX, REPORTER, TOPIC = 0.9, 0.6, 0.35  # confidence of an actor by how it was linked


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
        self.longest_prefix = max(map(len, self.skip_prefixes), default=0)
        self.lemma_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.form_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.triggers: dict[str, Trigger] = {}
        self.cue_words: dict[str, frozenset[str]] = {}  # the cues of each kind that are one word
        self.cue_phrases: dict[str, tuple[tuple[str, list[str]], ...]] = {}  # phrases, with their words
        self.country_names: dict[str, str] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language,
        triggers: list[Trigger],
        cues: list[Cue],
        countries: list[Country],
    ) -> None:
        """Compile the trigger lexicon into phrase patterns on lemmas and on lower-case forms;
        a trigger's part of speech is checked on each match."""
        for trigger in triggers:
            words = [t.text for t in nlp.tokenizer(trigger.pattern)]
            key = f"{trigger.event_type}:{trigger.pattern}:{trigger.pos}"
            self.lemma_matcher.add(key, [Doc(nlp.vocab, words=words, lemmas=words)])
            self.form_matcher.add(key, [Doc(nlp.vocab, words=words)])
            self.triggers[key] = trigger
        by_kind: dict[str, list[str]] = {}
        for cue in cues:
            by_kind.setdefault(cue.modality, []).append(cue.cue)
        for kind, found in by_kind.items():
            self.cue_words[kind] = frozenset(c for c in found if " " not in c)
            self.cue_phrases[kind] = tuple((c, c.split()) for c in found if " " in c)
        self.country_names = country_names(countries)

    # -- context ------------------------------------------------------------------------------

    def _has_cue(self, kind: str, words: set[str], span: Span, context: ArticleContext) -> bool:
        """Single-word cues among ``words`` (``cue_words``); phrases anywhere in ``span``, a part
        of the sentence being read (a phrase whose words the sentence lacks is not looked for)."""
        if not self.cue_words.get(kind, frozenset()).isdisjoint(words):
            return True
        sentence_words = context.sentence_words
        phrases = [cue for cue, parts in self.cue_phrases.get(kind, ()) if sentence_words.issuperset(parts)]
        return bool(phrases) and any(f" {cue} " in form for form in context.forms(span) for cue in phrases)

    def _context_tokens(self, head: Token) -> list[Token]:
        """The trigger, its ancestors up to the reported clause's root, and their modifiers."""
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
        conditions = self.cue_words.get("condition", frozenset())
        for token in [head, *head.ancestors]:
            if any(c.dep_ == "mark" and c.lower_ in conditions for c in token.children):
                return True
            if token.i != head.i and token.lemma_.lower() in conditions:
                return True
        return False

    def _modality(
        self, event_type: str, head: Token, around: list[Token], words: set[str], context: ArticleContext
    ) -> str:
        """``around``: the trigger's context (``_context_tokens``), ``words`` its ``cue_words``.
        Single-word cues count there; phrase cues from its first word to the end of the trigger's
        phrase ("is set to deploy", "drills set to begin")."""
        if event_type == "threat":
            return "threatened"
        if self._has_cue("claimed", context.sentence_words, context.sentence, context):
            return "claimed"
        start = min(head.left_edge.i, *(t.i for t in around))
        scope = head.doc[start : head.right_edge.i + 1]
        for kind in ("hypothetical", "planned"):
            if self._has_cue(kind, words, scope, context):
                return kind
        if any(c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in head.children):
            return "hypothetical"
        return "asserted"

    # -- slots --------------------------------------------------------------------------------

    def _speaker(self, head: Token) -> list[Span]:
        """The actor of the nearest reporting verb above the trigger ("the ministry announced ...")."""
        for ancestor in head.ancestors:
            if ancestor.lemma_ in COMMUNICATION:
                speaker = slots.subject_of(ancestor)
                actors = slots.entities_in(speaker.subtree, [ACTOR]) if speaker is not None else []
                if actors:
                    return actors
        return []

    def _actor_spans(self, head: Token, context: ArticleContext) -> tuple[list[Span], float]:
        """Actor mentions for a trigger and how sure the link is (empty: leave it to context)."""
        if head.pos_ in ("NOUN", "PROPN"):
            agents = slots.entities_in(slots.prep_objects(head, ["by"]), [ACTOR, *NON_STATE_LABELS])
            if agents:  # "attacks by al-Qaeda on the United States"
                return agents, SYNTAX
            for noun in [head, *slots.governing_nouns(head)]:
                owners = slots.entities_in([t for o in slots.noun_owner(noun) for t in o.subtree], [ACTOR])
                if owners:
                    return owners, SYNTAX
            circumstance = head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX")  # "said during talks"
            if (head.dep_ not in NOMINAL_ARGUMENTS and not circumstance) or head.head.i in context.trigger_heads:
                return [], TOPIC  # "Tokyo protested manoeuvres": the manoeuvres are not Tokyo's
        subject = slots.subject_of(slots.clause_verb(head))
        if subject is not None:
            actors = [a for a in slots.entities_in(subject.subtree, [ACTOR]) if a._.code or a._.detail]
            if actors:
                return actors, SYNTAX
            if subject.lower_ in ANAPHORIC_SUBJECTS:  # "the latter", "the country", "he"
                referent = context.antecedent(subject.lower_, subject.i)
                if referent is not None:
                    return [referent], REPORTER
        # a reported event whose subject is no state ("two submarines", "it"): the reporting body
        speaker = self._speaker(head)
        return (speaker, REPORTER) if speaker else ([], TOPIC)

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
        for token in slots.argument_heads(head):
            candidates.extend(slots.prep_objects(token, preps))
            if token.pos_ == "VERB" and event_type in OBJECT_TARGET_TYPES:
                candidates.extend(t for c in token.children if c.dep_ in ("dobj", "dative") for t in c.subtree)
        actor_starts = {a.start for a in actors}
        found = slots.entities_in(candidates, [ACTOR, PLACE])
        return [t for t in found if t._.code and t.start not in actor_starts]

    def _aimed_at(self, head: Token) -> list[Span]:
        """Countries, capitals and cities a launch is aimed at ("at Kyiv", "on Ukraine")."""
        tokens = [t for h in slots.argument_heads(head) for t in slots.prep_objects(h, AIM_PREPS)]
        return [span for span in slots.entities_in(tokens, [ACTOR, PLACE]) if span._.code or span._.place_country]

    def _recipients(self, head: Token) -> list[Span]:
        """Who receives in "X sold Y to Z": the objects of "to" in the trigger's phrase."""
        tokens = [t for t in slots.own_subtree(head) if t.dep_ in ("prep", "dative") and t.lower_ == "to"]
        return slots.entities_in([x for t in tokens for x in t.subtree], [ACTOR, PLACE])

    def _place_spans(self, head: Token, weapons: list[Span], context: ArticleContext) -> list[tuple]:
        tokens = context.phrase(head)
        if head.pos_ in ("NOUN", "PROPN"):
            tokens = tokens + context.predicates(head)
        places = [p for p in slots.entities_in(tokens, [PLACE]) if p._.place and slots.where_event_is(p, head)]
        anaphors = [t for t in tokens if self._is_place_anaphor(t)]
        if not places and anaphors:
            same = any(c.lower_ == "same" for t in anaphors for c in t.children)
            referent = context.last_event_place if same else context.last_place_value
            return [referent] if referent else []
        if not places:  # "missiles that landed in Japan's exclusive economic zone"
            tokens = self._weapon_clause(weapons)
            places = [p for p in slots.entities_in(tokens, [PLACE]) if p._.place]
        return [place_value(p) for p in slots.outermost_places(places)]

    @staticmethod
    def _weapon_clause(weapons: list[Span]) -> list[Token]:
        """The clause a weapon is the object of ("missiles that landed ... on Thursday"), where an
        event's place or date can be told instead of in the trigger's phrase."""
        return [t for w in weapons for t in w.root.head.subtree if w.root.dep_ in ("dobj", "nsubjpass", "pobj")]

    @staticmethod
    def _is_place_anaphor(token: Token) -> bool:
        """"(in) the same waterway", "(on) the islands": a definite place noun in a locative phrase."""
        if token.lower_ not in PLACE_ANAPHORS or token.dep_ != "pobj" or token.ent_type_:
            return False
        return any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in token.children)

    def _weapon_spans(self, head: Token, phrase: list[Token]) -> list[Span]:
        """Weapons in the trigger's ``phrase`` (``slots.phrase``) or on the word it depends on."""
        tokens = list(phrase)
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
            tokens.append(head.head)
        if head.dep_ == "relcl":  # "the missiles that had been deployed"
            tokens.append(head.head)
        weapons = slots.entities_in(tokens, [WEAPON])
        named = [w for w in weapons if w._.code]  # named systems have an origin; classes do not
        return named or weapons

    def _resolve_generic(self, weapons: list[Span], named: Span | None) -> list[Span]:
        """"the missiles" after a named system in the preceding sentences means that system."""
        if not weapons or named is None:
            return weapons
        out = []
        for span in weapons:
            definite = span.start > 0 and span.doc[span.start - 1].lower_ in ANAPHORIC_DETERMINERS
            out.append(named if not span._.code and definite else span)
        return out

    # -- the component ------------------------------------------------------------------------

    def _event(self, trigger: Span, entry: Trigger, context: ArticleContext) -> Event | None:
        head = trigger.root
        sentence = context.sentence  # the trigger's sentence: its triggers are read with it
        if len(trigger) == 1 and self._in_hyphenated_word(head):
            return None  # part of a compound modifier: "war-renouncing", "sea-launched"
        around = self._context_tokens(head)
        words = cue_words(around)
        if self._in_condition(head) or self._has_cue("generic", words, sentence, context):
            return None
        weapons = self._resolve_generic(self._weapon_spans(head, context.phrase(head)), context.named_weapon)
        if entry.needs == "weapon" and not weapons:
            return None
        if self._describes_capability(head):
            return None
        event_type = entry.event_type
        aimed_at = self._aimed_at(head) if event_type == "weapons_test" else []
        if aimed_at:  # "fired missiles at Kyiv": a launch at a place is an attack, not a test
            event_type = "attack"
        actors, confidence = self._actor_spans(head, context)
        if event_type in HUMAN_TYPES and not actors and self._subject_is_weapon(head):
            return None
        if event_type in JOINT_TYPES or any(c.lower_ == "joint" for c in head.children):
            actors = actors + [a for a in self._co_actors(head) if a.start not in {x.start for x in actors}]
        targets = self._target_spans(head, event_type, actors)
        targets = targets or [span for span in aimed_at if span._.code]
        condition = self._condition_of(head) if event_type == "threat" else []
        if condition:  # "Moscow will respond if Japan's missiles are a threat": aimed at Japan
            targets = targets or [a for a in slots.entities_in(condition, [ACTOR]) if a._.code]
            weapons = weapons or slots.entities_in(condition, [WEAPON])
        if entry.subject == "supplier":  # the subject hands over; the recipient acquires
            actors, targets = self._recipients(head), actors
            confidence = SYNTAX if actors else TOPIC
        event = Event(event_type, sentence, trigger, confidence=confidence)
        for span in actors:
            add_unique(event.actors, (span._.canonical or strip_mention(span.text), span._.code))
            add_unique(event.details, span._.detail)
        for span in targets:
            if (span._.canonical, span._.code) not in event.actors:
                add_unique(event.targets, (span._.canonical, span._.code))
        for span in weapons:
            add_unique(event.weapons, (span._.canonical, span._.weapon_class, span._.code))
        self._fill_places(event, head, weapons, targets, context)
        self._fill_date(event, head, weapons, context)
        own = slots.own_subtree(head, context.trigger_heads)
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("nsubj", "nsubjpass"):
            own += context.predicates(head)  # "the drills involved 3,000 troops"
        event.quantity = slots.quantity(own + [t for w in weapons for t in w.root.subtree])
        event.modality = self._modality(event_type, head, around, words, context)
        if event_type == "procurement" and not event.targets:
            self._supplier_from_origin(event, weapons)
        return event

    @staticmethod
    def _describes_capability(head: Token) -> bool:
        """"cruise missiles that launch from ships": a weapon as subject of a present-tense verb
        describes what it does, not an event."""
        if head.tag_ not in ("VBP", "VBZ"):
            return False
        subject = slots.subject_of(head)
        return subject is not None and bool(slots.entities_in([subject], [WEAPON]))

    @staticmethod
    def _in_hyphenated_word(token: Token) -> bool:
        doc = token.doc
        before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
        after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
        return before or after

    def _condition_of(self, head: Token) -> list[Token]:
        """The tokens of an "if" clause in the trigger's clause or in what it reports ("warned that
        it will strike if rocket systems are supplied")."""
        verb = slots.clause_verb(head)
        conditions = self.cue_words.get("condition", frozenset())
        for token in verb.subtree:
            if token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in conditions for m in token.children):
                return list(token.subtree)
        return []

    @staticmethod
    def _subject_is_weapon(head: Token) -> bool:
        subject = slots.subject_of(slots.clause_verb(head))
        return subject is not None and bool(slots.entities_in(subject.subtree, [WEAPON]))

    def _fill_places(
        self, event: Event, head: Token, weapons: list[Span], targets: list[Span], context: ArticleContext
    ) -> None:
        for value in self._place_spans(head, weapons, context):
            add_unique(event.places, value)
        if not event.places and event.event_type in PLACE_FROM_TARGET_TYPES:
            for span in targets:
                if span._.place and span._.code:
                    add_unique(event.places, place_value(span))

    def _fill_date(self, event: Event, head: Token, weapons: list[Span], context: ArticleContext) -> None:
        dates = slots.date_entities(head, context.phrase(head), context.trigger_heads)
        if not dates:  # "missiles that landed ... on Thursday"
            dates = slots.resolved_dates(self._weapon_clause(weapons))
        if dates:
            event.date, event.date_text = dates[0]._.date, slots.date_text(dates[0])
            event.confidence += 0.05

    def _supplier_from_origin(self, event: Event, weapons: list[Span]) -> None:
        """A named system bought by another state comes from its country of origin ("buy Tomahawks")."""
        codes = {code for _, code in event.actors}
        for span in weapons:
            origin = span._.code
            if origin and origin not in codes and origin in self.country_names:
                add_unique(event.targets, (self.country_names[origin], origin))
                return

    def _triggers(self, doc: Doc) -> list[Span]:
        matches = []
        for matcher in (self.lemma_matcher, self.form_matcher):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                pos = self.triggers[key].pos
                if not pos or doc[start].pos_ == pos:
                    matches.append(Span(doc, start, end, label=key))
        return sorted(filter_spans(matches), key=lambda span: span.start)

    def __call__(self, doc: Doc) -> Doc:
        sentences = list(doc.sents)
        sentence_of = {}
        for sentence in sentences:
            sentence_of.update(dict.fromkeys(range(sentence.start, sentence.end), sentence.start))
        by_sentence: dict[int, list[Span]] = {}
        for span in self._triggers(doc):
            by_sentence.setdefault(sentence_of[span.start], []).append(span)
        ents_by_sentence: dict[int, list[Span]] = {}
        for ent in doc.ents:
            ents_by_sentence.setdefault(sentence_of[ent.start], []).append(ent)
        events: list[Event] = []
        context = ArticleContext()
        context.trigger_heads = {
            span.root.i for spans in by_sentence.values() for span in spans if self._stands(span)
        }
        for sentence in sentences:
            if self._skipped(sentence):
                continue
            context.read(sentence, ents_by_sentence.get(sentence.start, []))
            found = []
            for trigger in by_sentence.get(sentence.start, []):
                event = self._event(trigger, self.triggers[trigger.label_], context)
                if event is not None:
                    found.append(event)
            found = self._fold_nested(found)
            for event in found:
                topic = context.topic
                if not event.actors and topic is not None and event.event_type not in NO_TOPIC_TYPES:
                    if topic not in event.targets:
                        add_unique(event.actors, topic)
                        event.confidence = TOPIC
            self._targets_from_events(found)
            for event in found:
                if self._is_anaphoric(event.trigger, event) and self._merge_back(events, event):
                    continue
                if event.has_arguments():
                    event.confidence = round(min(event.confidence + (0.05 if event.weapons else 0.0), 1.0), 2)
                    events.append(event)
                    if event.places:
                        context.last_event_place = event.places[0]
        doc._.events = self._merge_all(events)
        return doc

    def _skipped(self, sentence: Span) -> bool:
        """Whether a sentence opens with a skip prefix ("Read more"), read from as few tokens as
        the longest prefix needs (building every sentence's text costs a pass over the article)."""
        text = ""
        for token in sentence:
            text += token.text_with_ws
            if len(text.lstrip()) >= self.longest_prefix:
                break
        return text.strip().startswith(self.skip_prefixes)

    @staticmethod
    def _fold_nested(found: list[Event]) -> list[Event]:
        """"sanctions on Moscow, including a ban on coal imports": a mention inside another mention
        of the same type elaborates it."""
        kept: list[Event] = []
        for event in found:
            outer = next(
                (k for k in kept if k.event_type == event.event_type and event.trigger.root.i in {t.i for t in k.trigger.root.subtree}),
                None,
            )
            if outer is None:
                kept.append(event)
            else:
                kept[kept.index(outer)] = merge(outer, replace(event, actors=[], details=[]))
        return kept

    @staticmethod
    def _targets_from_events(found: list[Event]) -> None:
        """"Tokyo protested manoeuvres ...": a reaction to another event targets that event's actor."""
        for event in found:
            if event.event_type not in ("protest", "sanction", "threat") or event.targets:
                continue
            for other in found:
                if other is not event and other.trigger.root.head.i == event.trigger.root.i:
                    for actor in other.actors:
                        if actor not in event.actors:
                            add_unique(event.targets, actor)

    def _stands(self, trigger: Span) -> bool:
        """Whether a trigger can make an event: one that needs a weapon has one in its phrase
        ("launched a missile", not "launched a military exercise")."""
        if self.triggers[trigger.label_].needs != "weapon":
            return True
        root = trigger.root
        return bool(self._weapon_spans(root, slots.phrase(root)))  # the other triggers are not known yet

    @staticmethod
    def _is_anaphoric(trigger: Span, event: Event) -> bool:
        """"the exercise", "this launch": a noun mention that refers back, with no actor of its own."""
        head = trigger.root
        definite = any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in head.children)
        return head.pos_ == "NOUN" and definite and event.confidence < SYNTAX

    @staticmethod
    def _merge_back(events: list[Event], event: Event) -> bool:
        """Fold an anaphoric mention into the latest event of its type, if they fit together.

        The mention's actor was not found in its own phrase, so it is not held against the match.
        """
        mention = replace(event, actors=[], details=[])
        for i in range(len(events) - 1, -1, -1):
            if events[i].event_type == event.event_type:
                if mergeable(events[i], mention):
                    events[i] = merge(events[i], mention)
                    return True
                return False
        return False

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

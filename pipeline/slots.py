"""Event arguments from the dependency parse: who acted, on whom, with what, where and when.

Each function takes the trigger's head token and returns entity spans; word order is used only
as a last resort. Roles follow the parse: the trigger's subject (through passives, control verbs
and coordination), possessors and modifiers of nominal triggers, and prepositional phrases.
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Doc, Span, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = ("that", "which", "who", "whom")
# Entities that can carry a date: DATE, and EVENT names with one in them ("the September 11, 2001 attacks").
DATE_LABELS = ("DATE", "EVENT")
CLAUSAL = ("ccomp", "advcl", "relcl", "parataxis", "acl")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "hundred": 100, "thousand": 1000,
}


def entity_of(token: Token, labels: Iterable[str]) -> Span | None:
    """The entity of one of ``labels`` that covers ``token``, found from the tokens' IOB tags
    (building ``doc.ents`` for every look-up costs as much as the parse)."""
    if token.ent_iob_ not in ("B", "I") or token.ent_type_ not in labels:
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def entities_in(tokens: Iterable[Token], labels: Iterable[str]) -> list[Span]:
    """Entities of ``labels`` touching any of ``tokens``, in text order, without repeats."""
    labels = set(labels)
    found: dict[int, Span] = {}
    last: Span | None = None  # a subtree lists an entity's tokens together: look it up once
    for token in tokens:
        if token.ent_type_ not in labels or (last is not None and last.start <= token.i < last.end):
            continue
        last = entity_of(token, labels)
        if last is not None:
            found.setdefault(last.start, last)
    return [found[k] for k in sorted(found)]


def own_subtree(head: Token, other_triggers: set[int] = frozenset()) -> list[Token]:
    """The head's subtree without embedded clauses or other triggers' phrases, which carry their
    own events ("protested the launch of missiles": the missiles belong to the launch)."""
    out = []
    stack = [head]  # depth first, children in order: the head, then each child's own subtree
    while stack:
        token = stack.pop()
        out.append(token)
        kept = [
            child for child in token.children
            if not (child.dep_ in CLAUSAL or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")))
            and child.i not in other_triggers
        ]
        stack.extend(reversed(kept))
    return out


def predicates(noun: Token, other_triggers: set[int] = frozenset()) -> list[Token]:
    """What a nominal trigger's clause says of it: its verb's phrase and those of verbs coordinated
    with it, which share the subject ("the drills took place in Norway and involved 51,000 troops")."""
    verb = clause_verb(noun)
    tokens = own_subtree(verb, other_triggers)
    for other in verb.conjuncts:
        if other.pos_ in ("VERB", "AUX"):
            tokens += own_subtree(other, other_triggers)
    return tokens


def phrase(head: Token, other_triggers: set[int] = frozenset()) -> list[Token]:
    """The tokens of a trigger's phrase; a participle ("test-fired missiles in the Sea of Japan",
    "missiles launched by China") shares the phrase of the noun it modifies."""
    tokens = own_subtree(head, other_triggers)
    if head.dep_ in ("amod", "acl") and head.pos_ == "VERB":
        noun = head.head
        tokens += [t for t in own_subtree(noun, other_triggers | {head.i}) if t.i != head.i]
    return tokens


def clause_verb(head: Token) -> Token:
    """The verb whose clause holds the trigger (the trigger itself when it is a verb)."""
    token = head
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def subject_of(verb: Token) -> Token | None:
    """The acting subject of a verb, through passives ("by X"), control ("X decided to buy") and
    coordination ("X met Y and signed ...")."""
    token = verb
    for _ in range(6):
        for child in token.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        for child in token.children:
            if child.dep_ in ("nsubj", "csubj"):
                if token.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS:
                    return token.head  # "Russia, which has used it": Russia
                return child
        for child in token.children:
            if child.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in token.children):
                return child
        if token.dep_ in ("xcomp", "conj", "acl", "advcl", "pcomp") or (token.dep_ == "relcl"):
            if token.dep_ == "relcl":
                return token.head
            token = token.head
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in SUBJECTS:
                owner = [c for c in token.children if c.dep_ == "poss"]
                if owner:
                    return owner[0]
                token = clause_verb(token)
            continue
        if token.dep_ in ("prep", "pobj", "dobj"):
            token = token.head
            continue
        return None
    return None


def noun_owner(head: Token) -> list[Token]:
    """Possessors and modifiers of a nominal trigger: "Russian invasion", "Japan's development"."""
    return [c for c in head.children if c.dep_ in ("poss", "amod", "compound", "nmod")]


def governing_nouns(head: Token) -> list[Token]:
    """Nouns a nominal trigger depends on through prepositions: "cooperation ... including drills"."""
    nouns = []
    for ancestor in head.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            break
        if ancestor.pos_ in ("NOUN", "PROPN"):
            nouns.append(ancestor)
    return nouns


def prep_objects(head: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the given prepositions attached to ``head`` (and their subtrees)."""
    preps = set(preps)
    out = []
    for child in head.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out.extend(obj.subtree)
    return out


def argument_heads(head: Token) -> list[Token]:
    """Where a trigger's prepositional arguments attach: the trigger, its clause's verb, and their
    objects ("received the systems from Russia" attaches "from Russia" to "systems")."""
    heads = [head]
    verb = clause_verb(head)
    if verb.i != head.i:
        heads.append(verb)
    for token in list(heads):
        heads.extend(c for c in token.children if c.dep_ in ("dobj", "attr", "oprd"))
    return heads


# Phrases that give a cause or circumstance, not where the event happened.
CIRCUMSTANCE_PREPS = ("for", "following", "after", "amid", "despite", "because", "than", "like")
CIRCUMSTANCE_NOUNS = ("reaction", "response", "situation", "tension", "tensions", "threat", "threats")


def where_event_is(place: Span, trigger: Token, max_phrases: int = 2) -> bool:
    """Whether a place found in a trigger's phrase says where the event happened: at most
    ``max_phrases`` prepositional phrases below the trigger's clause, and not inside a phrase of
    cause or circumstance ("launched in reaction to the situation in Europe")."""
    phrases = 0
    for token in [place.root, *place.root.ancestors]:
        if token.i == trigger.i:
            break
        if token.dep_ == "prep":
            phrases += 1
            if token.lower_ in CIRCUMSTANCE_PREPS:
                return False
        if token.lower_ in CIRCUMSTANCE_NOUNS and token.i != place.root.i:
            return False
        if token.pos_ in ("VERB", "AUX"):
            break
    return phrases <= max_phrases


def place_anchor(place: Span) -> Token:
    """The noun a place name stands for: "Etorofu" in "the islands of Etorofu" is "islands"."""
    token = place.root
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN" and not token.head.head.ent_type_:
        token = token.head.head
    return token


def outermost_places(places: list[Span]) -> list[Span]:
    """Drop places that only locate another place: "Chandipur in Odisha's Balasore district",
    "the islands of Etorofu and Kunashiri off Hokkaido" (coordinated places all stay)."""
    inside = set()
    for outer in places:
        covered = {t.i for t in own_subtree(place_anchor(outer))}
        partners = {t.i for t in outer.root.conjuncts} | {outer.root.i}
        inside.update(
            p.start for p in places if p.start != outer.start and p.root.i in covered and p.root.i not in partners
        )
    return [p for p in places if p.start not in inside]


def starts_own_clause(token: Token) -> bool:
    """A clause with its own subject or subordinator ("as X said ..."), not a purpose clause ("to buy")."""
    if token.dep_ in ("relcl", "parataxis", "conj"):
        return True
    if token.dep_ != "advcl":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)


def resolved_dates(tokens: Iterable[Token]) -> list[Span]:
    """The date-carrying entities among ``tokens`` that resolved to a date."""
    return [d for d in entities_in(tokens, DATE_LABELS) if d._.date is not None]


def date_entities(head: Token, head_phrase: list[Token], other_triggers: set[int] = frozenset()) -> list[Span]:
    """DATE entities of the trigger's own phrase (``head_phrase``, from ``phrase``), else of the
    clauses above it."""
    dates = resolved_dates(head_phrase)
    if dates:
        return dates
    for child in head.children:  # "In a TV interview aired on June 5, Putin warned ..."
        if child.dep_ == "prep" and child.i not in other_triggers:
            dates = resolved_dates(child.subtree)
            if dates:
                return dates
    token = head
    while token.head.i != token.i and not starts_own_clause(token):
        token = token.head
        for child in token.children:
            if child.dep_ in ("prep", "npadvmod", "advmod", "tmod") or child.ent_type_ == "DATE":
                dates = resolved_dates(child.subtree)
                if dates:
                    return dates
    if token.dep_ == "relcl" and any(c.lower_ == "when" for c in token.children):
        # "the one on Aug. 29, when the North fired ...": the date of the phrase the clause modifies
        outer = own_subtree(token.head, other_triggers | {token.i})
        return resolved_dates(outer)
    return []

def date_text(span: Span) -> str:
    """The date as written, with its preposition: "on Thursday", "since last November"."""
    doc: Doc = span.doc
    if span.start > 0 and doc[span.start - 1].pos_ == "ADP":
        return doc[span.start - 1 : span.end].text
    return span.text.strip()


def parse_number(text: str) -> int | None:
    """"3,000" -> 3000, "two" -> 2, "44" -> 44; anything else -> None."""
    cleaned = text.replace(",", "").strip().lower()
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    return NUMBER_WORDS.get(cleaned)


def quantity(tokens: Iterable[Token]) -> int | None:
    """The first count modifying a noun among ``tokens`` ("two submarines", "44 missiles")."""
    for token in tokens:
        if token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN"):
            value = parse_number(token.text)
            if value is not None:
                return value
    return None

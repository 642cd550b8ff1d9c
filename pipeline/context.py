"""What an article has said so far, for slots a sentence leaves open."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from spacy.tokens import Span, Token

from . import slots

# The entity labels our components write.
ACTOR, WEAPON, PLACE = "ACTOR", "WEAPON", "PLACE"


def cue_words(tokens: Iterable[Token]) -> set[str]:
    """The lower-case forms and lemmas of ``tokens``, where single-word cues are looked for."""
    words = set()
    for token in tokens:
        words.add(token.lower_)
        words.add(token.lemma_.lower())
    return words


def place_value(span: Span) -> tuple[str, str, float | None, float | None]:
    return (span._.place, span._.place_country, span._.lat, span._.lon)


class ArticleContext:
    """What the article has said so far: its actor mentions and the most mentioned actor, the last
    named weapon, place and event place, where its triggers are, and the sentence being read."""

    def __init__(self) -> None:
        self.actor_counts: Counter[tuple[str, str]] = Counter()
        self.actors: list[Span] = []  # actor mentions so far, in text order
        self.named_weapon: Span | None = None
        self.last_place_value: tuple | None = None
        self.last_event_place: tuple | None = None
        self.trigger_heads: set[int] = set()
        self._forms: dict[tuple[int, int], tuple[str, str]] = {}
        self._phrases: dict[int, list[Token]] = {}
        self._predicates: dict[int, list[Token]] = {}
        self.sentence: Span | None = None
        self._sentence_words: set[str] | None = None

    @property
    def sentence_words(self) -> set[str]:
        """``cue_words`` of the sentence being read, built once for all its triggers."""
        if self._sentence_words is None:
            self._sentence_words = cue_words(self.sentence or ())
        return self._sentence_words

    def phrase(self, head: Token) -> list[Token]:
        """A trigger's phrase without the other triggers' (``slots.phrase``), built once for the
        slots read from it; ``trigger_heads`` must be set first."""
        if head.i not in self._phrases:
            self._phrases[head.i] = slots.phrase(head, self.trigger_heads)
        return self._phrases[head.i]

    def predicates(self, noun: Token) -> list[Token]:
        """What a nominal trigger's clause says of it (``slots.predicates``), built once for its
        places and its quantity; do not change the list returned."""
        if noun.i not in self._predicates:
            self._predicates[noun.i] = slots.predicates(noun, self.trigger_heads)
        return self._predicates[noun.i]

    def forms(self, span: Span) -> tuple[str, str]:
        """A stretch of text as padded lower-case words and as lemmas, for phrase cues."""
        key = (span.start, span.end)
        if key not in self._forms:
            self._forms[key] = f" {span.text.lower()} ", " " + " ".join(t.lemma_.lower() for t in span) + " "
        return self._forms[key]

    def read(self, sentence: Span, ents: list[Span]) -> None:
        """Take in the next sentence and its entities."""
        self.sentence = sentence
        self._sentence_words = None
        for ent in ents:
            label, attrs = ent.label_, ent._  # each ``ent._`` builds a new accessor
            if label == ACTOR and attrs.code:
                self.actor_counts[(attrs.canonical, attrs.code)] += 1
                self.actors.append(ent)
            if label == WEAPON and attrs.code:  # a named system (it has an origin)
                self.named_weapon = ent
            if label == PLACE and attrs.place and not attrs.code:
                self.last_place_value = place_value(ent)

    def antecedent(self, word: str, before: int) -> Span | None:
        """What "the latter", "the former", "the country", "he" or "she" refers to: the actor
        mentions before token ``before``, latest first."""
        seen = [a for a in self.actors if a.end <= before]
        if word == "latter":
            return seen[-1] if seen else None
        if word == "former":
            last = seen[-1]._.code if seen else None
            return next((a for a in reversed(seen) if a._.code != last), None)
        if word == "country":
            return next((a for a in reversed(seen) if len(a._.code) == 3), None)
        if word in ("he", "she"):
            return next((a for a in reversed(seen) if " " in a._.detail and a._.detail[:1].isupper()), None)
        return None

    @property
    def topic(self) -> tuple[str, str] | None:
        """The most mentioned actor so far (the first seen among equals)."""
        if not self.actor_counts:
            return None
        return max(self.actor_counts.items(), key=lambda item: item[1])[0]

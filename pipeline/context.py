"""What an article has said so far, for slots a sentence leaves open."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

# The entity labels our components write.
ACTOR, WEAPON, PLACE = "ACTOR", "WEAPON", "PLACE"


def place_value(span: Span) -> tuple[str, str, float | None, float | None]:
    return (span._.place, span._.place_country, span._.lat, span._.lon)


class ArticleContext:
    """What the article has said so far: its actor mentions and the most mentioned actor, the last
    named weapon, place and event place, and where its triggers are."""

    def __init__(self) -> None:
        self.actor_counts: Counter[tuple[str, str]] = Counter()
        self.actors: list[Span] = []  # actor mentions so far, in text order
        self.named_weapon: Span | None = None
        self.last_place_value: tuple | None = None
        self.last_event_place: tuple | None = None
        self.trigger_heads: set[int] = set()
        self._forms: dict[tuple[int, int], tuple[str, str]] = {}

    def forms(self, span: Span) -> tuple[str, str]:
        """A stretch of text as padded lower-case words and as lemmas, for phrase cues."""
        key = (span.start, span.end)
        if key not in self._forms:
            self._forms[key] = f" {span.text.lower()} ", " " + " ".join(t.lemma_.lower() for t in span) + " "
        return self._forms[key]

    def read(self, ents: list[Span]) -> None:
        """Take in the entities of the next sentence."""
        for ent in ents:
            if ent.label_ == ACTOR and ent._.code:
                self.actor_counts[(ent._.canonical, ent._.code)] += 1
                self.actors.append(ent)
            if ent.label_ == WEAPON and ent._.code:  # a named system (it has an origin)
                self.named_weapon = ent
            if ent.label_ == PLACE and ent._.place and not ent._.code:
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

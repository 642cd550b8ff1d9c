"""What an article has said so far, for slots a sentence leaves open."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

# The entity labels our components write.
ACTOR, WEAPON, PLACE = "ACTOR", "WEAPON", "PLACE"


def place_value(span: Span) -> tuple[str, str, float | None, float | None]:
    return (span._.place, span._.place_country, span._.lat, span._.lon)


class ArticleContext:
    """What the article has said so far: its most mentioned actor, last named weapon, last place
    named and last event place, and where its triggers are."""

    def __init__(self) -> None:
        self.actor_counts: Counter[tuple[str, str]] = Counter()
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
            if ent.label_ == WEAPON and ent._.canonical != ent._.weapon_class:
                self.named_weapon = ent
            if ent.label_ == PLACE and ent._.place and not ent._.code:
                self.last_place_value = place_value(ent)

    @property
    def topic(self) -> tuple[str, str] | None:
        """The most mentioned actor so far (the first seen among equals)."""
        if not self.actor_counts:
            return None
        return max(self.actor_counts.items(), key=lambda item: item[1])[0]

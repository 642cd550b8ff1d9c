"""The extension attributes the pipeline's components write, registered once and idempotently."""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPAN_ATTRIBUTES = {
    "canonical": "",  # canonical actor, weapon or place name
    "code": "",  # ISO alpha-3 or organisation code of an actor
    "detail": "",  # the body or person named for an actor ("Russian Navy", "Nobuo Kishi")
    "weapon_class": "",
    "place": "",  # canonical place name (also set on countries and capitals, for locative use)
    "place_country": "",
    "lat": None,
    "lon": None,
    "date": None,  # a dates.DateValue
}
DOC_ATTRIBUTES = {
    "doc_id": "",
    "published": "",  # ISO date (YYYY-MM-DD), the anchor for relative dates; "" when unknown
    "events": None,  # list of events.Event, set by newsevents_events
    "piece": (0, 1, 0),  # (index, count, character offset) of a long article cut into pieces
    "rows": None,  # {"events": [...], "mentions": [...]}: plain rows, set by newsevents_rows
}


def register_extensions() -> None:
    """Register the attributes above on first call; later calls change nothing."""
    for name, default in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def set_entities(doc: Doc, spans: list[Span], current: list[Span] | None = None) -> list[Span]:
    """Put ``spans`` into ``doc.ents``; existing entities they overlap are dropped. ``current`` is
    ``doc.ents`` if the caller already has it (building it walks every token); the new
    ``doc.ents`` are returned for the same reason."""
    taken = set()
    for span in spans:
        taken.update(range(span.start, span.end))
    kept = [ent for ent in (doc.ents if current is None else current) if not taken.intersection(range(ent.start, ent.end))]
    ents = sorted(kept + list(spans), key=lambda s: s.start)
    doc.ents = ents
    return ents

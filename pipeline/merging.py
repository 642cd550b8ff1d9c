"""An event and how mentions of one real-world event combine into one row."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable

from spacy.tokens import Span

from .dates import DateValue


@dataclass
class Event:
    """One event: the spec's slots, plus where it was first found."""

    event_type: str
    sentence: Span
    trigger: Span
    actors: list[tuple[str, str]] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    targets: list[tuple[str, str]] = field(default_factory=list)
    weapons: list[tuple[str, str, str]] = field(default_factory=list)  # (name, class, origin; "" if generic)
    places: list[tuple[str, str, float | None, float | None]] = field(default_factory=list)
    date: DateValue | None = None
    date_text: str = ""
    modality: str = "asserted"
    quantity: int | None = None
    confidence: float = 0.5

    def has_arguments(self) -> bool:
        return bool(self.actors or self.targets or self.weapons or self.places or self.date)


def add_unique(items: list, value) -> None:
    if value and value not in items:
        items.append(value)


def _compatible(a: Iterable, b: Iterable) -> bool:
    a, b = set(a), set(b)
    return not a or not b or a <= b or b <= a


def _names(items: list) -> set[str]:
    return {item[0] for item in items}


def _named(weapons: list[tuple[str, str, str]]) -> set[str]:
    """Named systems only: a generic class ("missile") is compatible with any of them."""
    return {name for name, _, origin in weapons if origin}


def _nested(a: DateValue | None, b: DateValue | None) -> bool:
    """Whether two dates can be one: unknown, or one within the other ("2021-11" and "2021-11-18")."""
    if a is None or b is None or not a.iso or not b.iso:
        return True
    return a.iso.startswith(b.iso) or b.iso.startswith(a.iso)


def mergeable(a: Event, b: Event) -> bool:
    """Whether two mentions can be the same real-world event: same type and no slot conflicts."""
    if a.event_type != b.event_type or not _nested(a.date, b.date):
        return False
    return (
        _compatible(a.actors, b.actors)
        and _compatible(_named(a.weapons), _named(b.weapons))
        and _compatible(a.targets, b.targets)
        and _compatible(_names(a.places), _names(b.places))
    )


def merge(a: Event, b: Event) -> Event:
    """Fill ``a`` (the first mention) from ``b``; of two nested dates the more specific wins."""
    merged = replace(a)
    for name in ("actors", "details", "targets", "places"):
        items = list(getattr(a, name))
        for value in getattr(b, name):
            add_unique(items, value)
        setattr(merged, name, items)
    named = [w for w in a.weapons + b.weapons if w[2]]
    merged.weapons = []
    for weapon in named or (a.weapons + b.weapons):
        add_unique(merged.weapons, weapon)
    if b.date is not None and (merged.date is None or len(b.date.iso) > len(merged.date.iso)):
        merged.date, merged.date_text = b.date, b.date_text
    if merged.quantity is None:
        merged.quantity = b.quantity
    if merged.modality == "asserted" and b.modality != "asserted":
        merged.modality = b.modality
    merged.confidence = max(a.confidence, b.confidence)
    return merged

"""The last component: a ``Doc``'s events and mentions as plain rows of the spec's tables.

Rows are plain dicts of strings on ``doc._.rows``, so a ``Doc`` can cross process boundaries
(spaCy's ``n_process``, a Dask worker) and be stored as it is. With ``portable`` set, everything
else a component left in ``doc.user_data`` is dropped, since those objects do not serialise, and
so is ``doc.tensor``, which would otherwise be sent back to the main process for nothing.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable, Iterable

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from .merging import Event
from .extensions import register_extensions

PORTABLE_ATTRIBUTES = ("rows",)  # the caller knows each text's id, date and piece: it sent them


@registry.misc("newsevents.read_cameo.v1")
def read_cameo(path: Path) -> dict[str, str]:
    """The CAMEO root code of each event type."""
    with open(path, encoding="utf8", newline="") as fh:
        return {row["event_type"]: row["cameo"] for row in csv.DictReader(fh)}


def _join(values: Iterable[str]) -> str:
    return "|".join(values)


def _codes(codes: list[str]) -> str:
    """Codes joined like their names, or empty when none is known (not a row of bare "|")."""
    return _join(codes) if any(codes) else ""


def _number(value: float | None) -> str:
    return "" if value is None else repr(round(float(value), 4))


def event_row(doc: Doc, n: int, event: Event, cameo: dict[str, str]) -> dict:
    """One row of ``events.csv`` in the spec's columns and formats (offsets in the whole article)."""
    sentence = event.sentence
    text = sentence.text
    evidence = text.strip()
    start = sentence.start_char + (len(text) - len(text.lstrip()))
    end = start + len(evidence)
    shift = doc._.piece[2]
    first_place = event.places[0] if event.places else ("", "", None, None)
    doc_id = doc._.doc_id
    return {
        "doc_id": doc_id,
        "event_id": f"{doc_id}#{n}",
        "event_type": event.event_type,
        "actor": _join(a[0] for a in event.actors),
        "actor_code": _codes([code for _, code in event.actors]),
        "actor_detail": _join(event.details),
        "target": _join(t[0] for t in event.targets),
        "target_code": _codes([code for _, code in event.targets]),
        "weapon": _join(w[0] for w in event.weapons),
        "weapon_class": _join(dict.fromkeys(w[1] for w in event.weapons)),
        "place": _join(p[0] for p in event.places),
        "place_country": _codes([p[1] for p in event.places]),
        "lat": _number(first_place[2]),
        "lon": _number(first_place[3]),
        "date": event.date.iso if event.date else "",
        "date_text": event.date_text,
        "date_qualifier": event.date.qualifier if event.date else "",
        "modality": event.modality,
        "quantity": "" if event.quantity is None else str(event.quantity),
        "sentence": evidence,
        "start": str(start + shift),
        "end": str(end + shift),
        "confidence": repr(event.confidence),
        "cameo": cameo.get(event.event_type, ""),
        "cluster_id": "",
    }


def mention_rows(doc: Doc) -> list[dict]:
    """Every entity the pipeline found, traced to its characters in the article."""
    rows = []
    shift = doc._.piece[2]
    doc_id = doc._.doc_id
    for ent in doc.ents:
        text = ent.text.rstrip()
        if not text:
            continue
        label, attrs = ent.label_, ent._  # each ``ent._`` builds a new accessor
        if label == "DATE":
            canonical, code = (attrs.date.iso if attrs.date else ""), ""
        elif label == "PLACE":
            canonical, code = attrs.place or attrs.canonical, attrs.place_country
        else:
            canonical, code = attrs.canonical, attrs.code
        rows.append({
            "doc_id": doc_id,
            "start": str(ent.start_char + shift),
            "end": str(ent.start_char + len(text) + shift),
            "text": text,
            "label": label,
            "canonical": canonical,
            "code": code,
        })
    return rows


@Language.factory(
    "newsevents_rows",
    assigns=["doc._.rows"],
    requires=["doc._.events"],
    default_config={"portable": False},
)
def make_row_builder(nlp: Language, name: str, portable: bool) -> "RowBuilder":
    return RowBuilder(name, portable=portable)


class RowBuilder:
    """Sets ``doc._.rows = {"events": [...], "mentions": [...], "triggers": [[start, end], ...]}``,
    events numbered from 1 and each trigger (first mention) in the order of the events."""

    def __init__(self, name: str, *, portable: bool) -> None:
        register_extensions()
        self.name = name
        self.portable = portable
        self.cameo: dict[str, str] = {}

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *, nlp: Language, cameo: dict[str, str]) -> None:
        self.cameo = dict(cameo)

    def __call__(self, doc: Doc) -> Doc:
        found = doc._.events or []
        events = [event_row(doc, n, event, self.cameo) for n, event in enumerate(found, start=1)]
        shift = doc._.piece[2]
        triggers = [[e.trigger.start_char + shift, e.trigger.end_char + shift] for e in found]
        doc._.rows = {"events": events, "mentions": mention_rows(doc), "triggers": triggers}
        if self.portable:
            keep = {("._.", name, None, None) for name in PORTABLE_ATTRIBUTES}
            for key in list(doc.user_data):
                if key not in keep:
                    del doc.user_data[key]
            doc.tensor = numpy.zeros((0,), dtype="float32")  # the rows are all the caller needs
        return doc

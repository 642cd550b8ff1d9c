"""Batch extraction: articles in, rows of ``events.csv`` and ``mentions.csv`` out.

The model is loaded once by the caller and passed in. Articles stream through ``nlp.pipe``; each
article's publication date is put on its ``Doc`` before the pipeline runs, since the date
component resolves relative dates against it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .corpus import Article
from .errors import Warnings
from .events import Event
from .knowledge import knowledge_dir



def read_cameo() -> dict[str, str]:
    """The CAMEO root code of each event type (``models/cameo.csv``)."""
    with open(knowledge_dir() / "cameo.csv", encoding="utf8", newline="") as fh:
        return {row["event_type"]: row["cameo"] for row in csv.DictReader(fh)}


def _join(values: Iterable[str]) -> str:
    return "|".join(values)


def _number(value: float | None) -> str:
    return "" if value is None else repr(round(float(value), 4))


@dataclass
class ArticleResult:
    doc_id: str
    events: list[dict]
    mentions: list[dict]
    warnings: list[str]


def event_row(doc: Doc, n: int, event: Event, cameo: dict[str, str]) -> dict:
    """One row of ``events.csv`` in the spec's columns and formats (offsets in the whole article)."""
    sentence = event.sentence
    text = sentence.text
    start = sentence.start_char + (len(text) - len(text.lstrip()))
    end = sentence.start_char + len(text.rstrip())
    shift = doc._.piece[2]
    first_place = event.places[0] if event.places else ("", "", None, None)
    doc_id = doc._.doc_id
    return {
        "doc_id": doc_id,
        "event_id": f"{doc_id}#{n}",
        "event_type": event.event_type,
        "actor": _join(a[0] for a in event.actors),
        "actor_code": _join(a[1] for a in event.actors) if any(a[1] for a in event.actors) else "",
        "actor_detail": _join(event.details),
        "target": _join(t[0] for t in event.targets),
        "target_code": _join(t[1] for t in event.targets) if any(t[1] for t in event.targets) else "",
        "weapon": _join(w[0] for w in event.weapons),
        "weapon_class": _join(dict.fromkeys(w[1] for w in event.weapons)),
        "place": _join(p[0] for p in event.places),
        "place_country": _join(p[1] for p in event.places) if any(p[1] for p in event.places) else "",
        "lat": _number(first_place[2]),
        "lon": _number(first_place[3]),
        "date": event.date.iso if event.date else "",
        "date_text": event.date_text,
        "date_qualifier": event.date.qualifier if event.date else "",
        "modality": event.modality,
        "quantity": "" if event.quantity is None else str(event.quantity),
        "sentence": doc.text[start:end],
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
    for ent in doc.ents:
        text = ent.text.rstrip()
        if not text:
            continue
        if ent.label_ == "DATE":
            canonical, code = (ent._.date.iso if ent._.date else ""), ""
        elif ent.label_ == "PLACE":
            canonical, code = ent._.place or ent._.canonical, ent._.place_country
        else:
            canonical, code = ent._.canonical, ent._.code
        rows.append({
            "doc_id": doc._.doc_id,
            "start": str(ent.start_char + shift),
            "end": str(ent.start_char + len(text) + shift),
            "text": text,
            "label": ent.label_,
            "canonical": canonical,
            "code": code,
        })
    return rows


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut a text into pieces of at most ``limit`` characters, at a line break where there is one,
    else at white space; returns (offset, piece) pairs that together are the whole text."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n")
        if cut <= 0:
            cut = max(window.rfind(" "), window.rfind("\t"))
        cut = cut + 1 if cut > 0 else limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def article_docs(nlp: Language, articles: Iterable[Article], piece_chars: int) -> Iterator[Doc]:
    """Tokenised ``Doc``s carrying their id, publication date and piece, ready for ``nlp.pipe``."""
    for article in articles:
        pieces = split_text(article.text, piece_chars) if len(article.text) > piece_chars else [(0, article.text)]
        for index, (offset, text) in enumerate(pieces):
            doc = nlp.make_doc(text)
            doc._.doc_id = article.doc_id
            doc._.published = article.published
            doc._.piece = (index, len(pieces), offset)
            yield doc


def extract(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 16, piece_chars: int | None = None
) -> Iterator[ArticleResult]:
    """Run the pipeline over ``articles`` and yield each article's rows, in input order.

    An article longer than ``piece_chars`` (default: the model's ``max_length``) is processed in
    pieces; offsets still count from the start of the article, and events are numbered on.
    """
    cameo = read_cameo()
    limit = piece_chars or nlp.max_length
    result: ArticleResult | None = None
    for doc in nlp.pipe(article_docs(nlp, articles, limit), batch_size=batch_size):
        index, count, _ = doc._.piece
        if index == 0:
            result = ArticleResult(doc._.doc_id, [], [], [])
            if doc._.published is None:
                result.warnings.append(Warnings.W001.format(doc_id=doc._.doc_id))
            if count > 1:
                result.warnings.append(Warnings.W006.format(doc_id=doc._.doc_id, limit=limit, pieces=count))
        first = len(result.events) + 1
        result.events.extend(event_row(doc, n, event, cameo) for n, event in enumerate(doc._.events or [], start=first))
        result.mentions.extend(mention_rows(doc))
        if index == count - 1:
            yield result

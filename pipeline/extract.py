"""Batch extraction: articles in, rows of ``events.csv`` and ``mentions.csv`` out.

The model is loaded once by the caller and passed in. Articles stream through ``nlp.pipe`` as
``ArticleText``s, so each ``Doc`` has its article's id and publication date before the pipeline
runs (the date component resolves relative dates against it).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from spacy.language import Language

from .article_text import ArticleText, use_article_tokenizer
from .corpus import Article
from .errors import Warnings


@dataclass
class ArticleResult:
    """One article's rows, with its text and each event's trigger offsets for reports."""

    doc_id: str
    events: list[dict]
    mentions: list[dict]
    warnings: list[str]
    text: str = ""
    triggers: list[list[int]] = field(default_factory=list)


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


def article_texts(articles: Iterable[Article], piece_chars: int) -> Iterator[ArticleText]:
    """Each article as one ``ArticleText``, or as several if it is longer than ``piece_chars``."""
    for article in articles:
        pieces = split_text(article.text, piece_chars)
        for index, (offset, text) in enumerate(pieces):
            yield ArticleText(text, article.doc_id, article.published_iso, (index, len(pieces), offset))


def extract(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = 16,
    piece_chars: int | None = None,
    workers: int = 1,
) -> Iterator[ArticleResult]:
    """Run the pipeline over ``articles`` and yield each article's rows, in input order.

    An article longer than ``piece_chars`` (default: the model's ``max_length``) is processed in
    pieces; offsets still count from the start of the article, and events are numbered on.
    ``workers`` > 1 uses spaCy's multiprocessing; the pipeline's ``newsevents_rows`` component
    must then be ``portable``. ``nlp``'s tokenizer is wrapped (once) in an ``ArticleTokenizer``.
    """
    limit = piece_chars or nlp.max_length
    result: ArticleResult | None = None
    sent: deque[ArticleText] = deque()  # texts given to ``nlp.pipe`` and not back yet, in order

    def sending() -> Iterator[ArticleText]:
        for text in article_texts(articles, limit):
            sent.append(text)
            yield text

    for doc in use_article_tokenizer(nlp).pipe(sending(), batch_size=batch_size, n_process=workers):
        text = sent.popleft()
        index, count, _ = text.piece
        if index == 0:
            result = ArticleResult(text.doc_id, [], [], [])
            if not text.published:
                result.warnings.append(Warnings.W001.format(doc_id=text.doc_id))
            if count > 1:
                result.warnings.append(Warnings.W006.format(doc_id=text.doc_id, limit=limit, pieces=count))
        for row in doc._.rows["events"]:
            result.events.append(dict(row, event_id=f"{result.doc_id}#{len(result.events) + 1}"))
        result.mentions.extend(doc._.rows["mentions"])
        result.triggers.extend(doc._.rows["triggers"])
        result.text += text  # rebuilding ``doc.text`` walks every token
        if index == count - 1:
            yield result

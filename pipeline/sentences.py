"""Sentence boundaries at line breaks: headlines, captions and quoted posts end without a full stop."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsevents_line_sentences", assigns=["token.is_sent_start"])
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break; the parser places the others."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc

"""An article's text that carries its id and publication date into the ``Doc`` the tokenizer makes.

The date component resolves relative dates against the publication date, so every ``Doc`` must
know it before the pipeline runs. spaCy's ``nlp.pipe(n_process=...)`` carries context only with
``Doc`` inputs, which the main process would have to tokenise and serialise itself, while bare
spaCy sends plain strings and tokenises in the workers. An ``ArticleText`` is a string (it
pickles with its fields) and ``ArticleTokenizer`` copies the fields onto the ``Doc`` it makes, in
whichever process that is, so the main process does no more work than it does for bare spaCy.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions


class ArticleText(str):
    """A text (an article or one piece of a long one) with the ``Doc`` attributes it will have."""

    doc_id: str
    published: str
    piece: tuple[int, int, int]

    def __new__(cls, text: str, doc_id: str, published: str, piece: tuple[int, int, int] = (0, 1, 0)) -> "ArticleText":
        value = super().__new__(cls, text)
        value.doc_id = doc_id
        value.published = published
        value.piece = piece
        return value

    def __reduce__(self) -> tuple:  # pickle the fields with the text, not as a separate state dict
        return (ArticleText, (str(self), self.doc_id, self.published, self.piece))


class ArticleTokenizer:
    """The base model's tokenizer, plus the ``ArticleText`` fields set on the ``Doc``.

    Any other text is tokenised as before, and everything else is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer: Any) -> None:
        register_extensions()
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if not isinstance(text, ArticleText):
            return self.tokenizer(text)
        doc = self.tokenizer(str(text))  # spaCy's tokenizer takes exact ``str`` only
        doc._.doc_id = text.doc_id
        doc._.published = text.published
        doc._.piece = text.piece
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # not set yet, while unpickling
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def use_article_tokenizer(nlp: Language) -> Language:
    """Make ``nlp`` set the fields of ``ArticleText`` inputs; calling it again changes nothing."""
    if not isinstance(nlp.tokenizer, ArticleTokenizer):
        nlp.tokenizer = ArticleTokenizer(nlp.tokenizer)
    return nlp

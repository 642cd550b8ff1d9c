"""Article texts carry their id and publication date into the Doc, in any process."""

import pickle

import spacy

from pipeline.article_text import ArticleText, ArticleTokenizer, use_article_tokenizer


def test_article_text_is_the_text_and_pickles_with_its_fields():
    text = ArticleText("Russia fired a Kalibr.", "a1", "2022-04-15", (1, 3, 500))
    copy = pickle.loads(pickle.dumps(text))
    assert copy == "Russia fired a Kalibr."
    assert (copy.doc_id, copy.published, copy.piece) == ("a1", "2022-04-15", (1, 3, 500))


def test_tokenizer_sets_the_fields_on_the_doc():
    nlp = use_article_tokenizer(spacy.blank("en"))
    doc = nlp.make_doc(ArticleText("Russia fired a Kalibr.", "a1", "2022-04-15", (1, 3, 500)))
    assert [t.text for t in doc] == ["Russia", "fired", "a", "Kalibr", "."]
    assert (doc._.doc_id, doc._.published, doc._.piece) == ("a1", "2022-04-15", (1, 3, 500))


def test_tokenizer_leaves_plain_strings_as_they_were():
    nlp = use_article_tokenizer(spacy.blank("en"))
    doc = nlp("Russia fired a Kalibr.")
    assert len(doc) == 5
    assert (doc._.doc_id, doc._.published) == ("", "")


def test_wrapping_twice_keeps_one_wrapper():
    nlp = use_article_tokenizer(use_article_tokenizer(spacy.blank("en")))
    assert isinstance(nlp.tokenizer, ArticleTokenizer)
    assert not isinstance(nlp.tokenizer.tokenizer, ArticleTokenizer)


def test_wrapped_tokenizer_pickles_for_spawned_workers():
    nlp = use_article_tokenizer(spacy.blank("en"))
    tokenizer = pickle.loads(pickle.dumps(nlp.tokenizer))
    doc = tokenizer(ArticleText("Kalibr fired.", "a2", "2022-04-16"))
    assert [t.text for t in doc] == ["Kalibr", "fired", "."]
    assert doc._.doc_id == "a2"

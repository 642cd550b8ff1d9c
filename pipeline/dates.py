"""Date normalisation: a DATE mention resolved against the publication date at its true granularity.

``normalize_date`` is a pure function. A small front end handles what dateparser gets wrong for
news (weekdays on or before the publication day, "last November", "earlier this month", fiscal
years, durations that are not dates); everything else goes to dateparser, whose ``period`` gives
the granularity, so "March 2023" is never given an invented day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import register_extensions

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
QUALIFIERS = {
    "by": "by", "until": "by", "till": "by", "since": "since", "from": "since", "before": "before",
    "after": "after", "about": "about", "around": "about", "approximately": "about", "circa": "about",
    "as early as": "after", "no earlier than": "after", "not before": "after", "no later than": "by",
    "not later than": "by",
}
FUTURE_AUXILIARIES = ("will", "shall", "'ll", "wo")
# Without one of these a DATE entity is no date ("the end of the Cold War"): month or weekday names,
# a year, or a word that makes a relative date.
RELATIVE_WORDS = frozenset("today yesterday tomorrow tonight ago last this next earlier later previous current".split())
# Words that make a span a duration or a vague stretch of time rather than a date.
VAGUE_WORDS = frozenset(
    "recent recently past coming next few several many one two three four five six seven eight nine "
    "ten dozen decades years months weeks days hours long time ago same current following".split()
)
LEADING_WORDS = frozenset("on in of the during at early late mid".split())
DURATION_UNITS = frozenset("hour hours day days week weeks month months year years decade decades".split())
NUMBER = re.compile(r"^\d{4}$")
PROBE_BASE = date(2000, 6, 15)  # any day: only asks whether a relative expression is a date at all


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ISO text at its granularity (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)."""

    iso: str
    granularity: str
    qualifier: str = ""


def split_qualifier(text: str) -> tuple[str, str]:
    """Split a leading bound off a date expression: ``"by 2027"`` -> ``("by", "2027")``,
    ``"as early as March"`` -> ``("after", "March")``."""
    words = text.strip().split()
    for size in (3, 2, 1):
        lead = " ".join(words[:size]).lower()
        if len(words) > size and lead in QUALIFIERS:
            return QUALIFIERS[lead], " ".join(words[size:])
    return "", text.strip()


def _clean(text: str) -> list[str]:
    words = [w.strip(".,;:()\"'’“”").lower() for w in text.split()]
    words = [w for w in words if w]
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    return words


def _month_before(base: date, month: int) -> str:
    """The most recent ``month`` strictly before the base date's month ("last November")."""
    year = base.year if month < base.month else base.year - 1
    return f"{year:04d}-{month:02d}"


def _relative_unit(words: list[str], base: date) -> DateValue | None:
    """``last|previous|this|current|next`` + ``year|month`` (also after "earlier"/"later")."""
    if len(words) < 2 or words[-1] not in ("year", "month"):
        return None
    shift = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}.get(words[-2])
    if shift is None:
        return None
    if words[-1] == "year":
        return DateValue(f"{base.year + shift:04d}", "year")
    month_index = base.year * 12 + base.month - 1 + shift
    return DateValue(f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month")


def _front_end(words: list[str], base: date | None, prefer: str) -> DateValue | None:
    """The cases dateparser gets wrong; ``None`` means "not handled here"."""
    if words and words[0] in ("fiscal", "fy"):
        words = words[1:]
    if len(words) == 1 and NUMBER.match(words[0]):
        return DateValue(words[0], "year")
    if base is None:
        return None
    if len(words) == 1 and words[0] in WEEKDAYS:
        shift = (base.weekday() - WEEKDAYS.index(words[0])) % 7
        day = base + timedelta(days=(-shift) % 7) if prefer == "future" else base - timedelta(days=shift)
        return DateValue(day.isoformat(), "day")
    if len(words) == 1 and words[0] in MONTHS and prefer == "future":
        month = MONTHS.index(words[0]) + 1
        year = base.year if month >= base.month else base.year + 1
        return DateValue(f"{year:04d}-{month:02d}", "month")
    if len(words) == 2 and words[0] in ("last", "previous") and words[1] in MONTHS:
        return DateValue(_month_before(base, MONTHS.index(words[1]) + 1), "month")
    if words in (["today"], ["this", "morning"], ["tonight"]):
        return DateValue(base.isoformat(), "day")
    if words == ["yesterday"]:
        return DateValue((base - timedelta(days=1)).isoformat(), "day")
    return _relative_unit(words[-2:] if words[:1] in (["earlier"], ["later"]) else words, base)


def _is_vague(words: list[str]) -> bool:
    if not words:
        return True
    months = MONTHS + tuple(m[:3] for m in MONTHS) + ("sept",)
    if any(w in months or w in WEEKDAYS or NUMBER.match(w) for w in words):
        return False
    if "ago" in words:
        return False  # "two years ago"
    if any(w in DURATION_UNITS for w in words):
        return True  # "in 25 years", "two days"
    if any(re.search(r"\d", w) for w in words):
        return False
    return any(w in VAGUE_WORDS for w in words) or not any(w in RELATIVE_WORDS for w in words)


@lru_cache(maxsize=1024)  # one per publication date in use; a year of news has a few hundred
def _parser(base: date, prefer: str) -> DateDataParser:
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
        "REQUIRE_PARTS": [],
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=65536)
def normalize_date(text: str, *, base: date | None, prefer: str = "past") -> DateValue | None:
    """Resolve a date expression against ``base`` (the publication date).

    Returns ``None`` for durations and vague spans ("one day", "recent weeks"), and for relative
    expressions when ``base`` is unknown. The qualifier ("by", "since", ...) is read from the start
    of ``text``. ``prefer="future"`` reads a bare weekday or month forward, as in "will begin in
    March"; otherwise it is the most recent one on or before ``base``.
    """
    qualifier, rest = split_qualifier(text)
    words = _clean(rest)
    value = _front_end(words, base, prefer)
    if value is None:
        if _is_vague(words) or (base is None and not any(NUMBER.match(w) for w in words)):
            return None
        parsed = _parser(base or date(2000, 1, 1), prefer).get_date_data(" ".join(words))
        if parsed.date_obj is None or parsed.period not in ("day", "month", "year"):
            return None
        d = parsed.date_obj.date()
        iso = {"day": d.isoformat(), "month": f"{d.year:04d}-{d.month:02d}", "year": f"{d.year:04d}"}
        value = DateValue(iso[parsed.period], parsed.period)
    return DateValue(value.iso, value.granularity, qualifier)


@Language.factory(
    "newsevents_dates",
    assigns=["span._.date"],
    requires=["doc.ents"],
    default_config={"labels": ["DATE", "EVENT"]},
)
def make_date_normaliser(nlp: Language, name: str, labels: list[str]) -> "DateNormaliser":
    return DateNormaliser(labels=labels)


class DateNormaliser:
    """Sets ``span._.date`` on DATE entities, with the bound word just before the span."""

    def __init__(self, *, labels: list[str]) -> None:
        register_extensions()
        self.labels = frozenset(labels)
        warm_up()

    def __call__(self, doc: Doc) -> Doc:
        base = as_date(doc._.published)
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            text = qualified_text(ent)
            if base is None:
                ent._.date = unresolved_date(text)
            else:
                ent._.date = normalize_date(text, base=base, prefer="future" if in_future_clause(ent) else "past")
        return doc


def warm_up() -> None:
    """Compile dateparser's English patterns now: it does so on first use, which would otherwise
    land in the first batch of every run and of every worker process."""
    _parser(date(2000, 1, 1), "past").get_date_data("1 January 2000")


def as_date(value: date | str | None) -> date | None:
    """The publication date from a ``Doc``: an ISO string (as stored) or a ``date``."""
    if not value:
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def qualified_text(ent: Span) -> str:
    """The entity's text with the bound words just before it ("since", "as early as")."""
    doc = ent.doc
    text = ent.text.strip()
    for size in (3, 2, 1):
        if ent.start >= size:
            lead = doc[ent.start - size : ent.start].text.lower()
            if lead in QUALIFIERS:
                return f"{lead} {text}"
    return text


def in_future_clause(ent: Span) -> bool:
    """Whether the date's clause is in the future tense ("will begin ... in March")."""
    for token in ent.root.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in token.children)
    return False


def unresolved_date(text: str) -> DateValue | None:
    """With no publication date: the absolute date if there is one; for a relative date, an
    empty ISO value that keeps the mention (its text goes into ``date_text``); None for vague spans."""
    value = normalize_date(text, base=None)
    if value is not None:
        return value
    if normalize_date(text, base=PROBE_BASE) is None:
        return None
    qualifier, _ = split_qualifier(text)
    return DateValue("", "unresolved", qualifier)

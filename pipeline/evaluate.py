"""Scoring predicted events against a gold file, as section 8 of the spec defines it.

- Values are compared after trimming, case-folding and dropping a leading "the ". Actors and
  targets compare by code where both sides have one, otherwise by name. ``|``-joined cells are sets.
- Entity level: per article, the set of each field's values over all its events; counts are summed
  over articles (micro average).
- Event level: per article and event type, gold and predicted events are paired one-to-one,
  maximising the number of agreeing fields among actor, target, weapon, place and date (ties go to
  earlier events). Pairs count for the event type; each field counts element by element.

Summary figures: ``entity_macro_f1`` is the mean F1 of the four entity fields; ``argument`` is the
micro figure over the five event fields.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

ENTITY_FIELDS = ("actor", "weapon", "place", "date")
EVENT_FIELDS = ("actor", "target", "weapon", "place", "date")
CODED = {"actor": "actor_code", "target": "target_code"}


@dataclass(frozen=True)
class Value:
    """One element of a cell: its normalised name and, for actors and targets, its code."""

    name: str
    code: str = ""

    def __str__(self) -> str:
        return self.name if not self.code else f"{self.name} ({self.code})"


def normalise(value: str) -> str:
    value = value.strip().casefold()
    return value[4:].strip() if value.startswith("the ") else value


def cell(row: dict, name: str) -> list[Value]:
    """The set of values in a row's cell, with codes zipped in for actors and targets."""
    names = [normalise(v) for v in str(row.get(name, "") or "").split("|")]
    codes = [normalise(v) for v in str(row.get(CODED.get(name, ""), "") or "").split("|")] if name in CODED else []
    values = []
    for i, item in enumerate(names):
        code = codes[i] if i < len(codes) else ""
        if item or code:
            value = Value(item, code)
            if value not in values:
                values.append(value)
    return values


def same(a: Value, b: Value) -> bool:
    if a.code and b.code:
        return a.code == b.code
    return a.name == b.name


def matched(pred: list[Value], gold: list[Value]) -> int:
    """How many predicted values find a distinct equal gold value."""
    free = list(gold)
    hits = 0
    for value in pred:
        for i, other in enumerate(free):
            if same(value, other):
                hits += 1
                del free[i]
                break
    return hits


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


@dataclass
class Miss:
    doc_id: str
    kind: str  # missed event | spurious event | wrong value
    event_type: str
    field: str
    gold: str
    predicted: str
    sentence: str


@dataclass
class Scores:
    entity: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in ENTITY_FIELDS})
    event_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    event_field: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in EVENT_FIELDS})
    event_field_by_type: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: defaultdict(lambda: {f: Counts() for f in EVENT_FIELDS})
    )
    misses: list[Miss] = field(default_factory=list)
    # (confidence, paired with a gold event?) for every predicted event that has a confidence
    ranked: list[tuple[float, bool]] = field(default_factory=list)

    def confidence_halves(self) -> tuple[Counts, Counts] | None:
        """Event-type precision of the more confident half of the predictions and of the rest."""
        if len(self.ranked) < 2:
            return None
        ordered = sorted(self.ranked, key=lambda item: -item[0])
        middle = len(ordered) // 2
        halves = []
        for part in (ordered[:middle], ordered[middle:]):
            hits = sum(1 for _, paired in part if paired)
            halves.append(Counts(hits, len(part) - hits, 0))
        return halves[0], halves[1]

    @property
    def types_overall(self) -> Counts:
        total = Counts()
        for c in self.event_type.values():
            total.add(c.tp, c.fp, c.fn)
        return total

    @property
    def arguments(self) -> Counts:
        total = Counts()
        for c in self.event_field.values():
            total.add(c.tp, c.fp, c.fn)
        return total

    @property
    def entity_macro_f1(self) -> float:
        return sum(self.entity[f].f1 for f in ENTITY_FIELDS) / len(ENTITY_FIELDS)

    def as_dict(self) -> dict:
        return {
            "entity": {f: c.as_dict() for f, c in self.entity.items()},
            "entity_macro_f1": round(self.entity_macro_f1, 4),
            "event_type": {t: c.as_dict() for t, c in sorted(self.event_type.items())},
            "event_type_overall": self.types_overall.as_dict(),
            "event_field": {f: c.as_dict() for f, c in self.event_field.items()},
            "event_field_by_type": {
                t: {f: c.as_dict() for f, c in fields.items()} for t, fields in sorted(self.event_field_by_type.items())
            },
            "arguments": self.arguments.as_dict(),
            "confidence_halves": (
                {"top": halves[0].as_dict(), "bottom": halves[1].as_dict()}
                if (halves := self.confidence_halves()) else None
            ),
            "misses": [m.__dict__ for m in self.misses],
        }


def agreement(gold: dict, pred: dict) -> int:
    """Number of event fields on which two events hold the same non-empty set of values."""
    score = 0
    for name in EVENT_FIELDS:
        g, p = cell(gold, name), cell(pred, name)
        if g and len(g) == len(p) == matched(p, g):
            score += 1
    return score


def pair_events(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) maximising agreement; ties to earlier events."""
    if not gold or not pred:
        return []
    n, m = len(gold), len(pred)
    # Agreement dominates; the small order term prefers pairing earlier events among equal totals.
    big = 2 * (n + m) ** 2 + 1
    weight = np.array([[agreement(g, p) * big - (i + j) for j, p in enumerate(pred)] for i, g in enumerate(gold)])
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return sorted(zip(rows.tolist(), cols.tolist()))


def _by_doc(rows: list[dict]) -> dict[str, list[dict]]:
    docs: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        docs[str(row["doc_id"])].append(row)
    return docs


def score(gold_rows: list[dict], pred_rows: list[dict]) -> Scores:
    """Score predicted rows against gold rows (articles of either file are scored)."""
    scores = Scores()
    gold_docs, pred_docs = _by_doc(gold_rows), _by_doc(pred_rows)
    for doc_id in sorted(set(gold_docs) | set(pred_docs)):
        gold, pred = gold_docs.get(doc_id, []), pred_docs.get(doc_id, [])
        _score_entities(scores, gold, pred)
        for event_type in sorted({r["event_type"] for r in gold + pred}):
            g = [r for r in gold if r["event_type"] == event_type]
            p = [r for r in pred if r["event_type"] == event_type]
            _score_events(scores, doc_id, event_type, g, p)
    return scores


def _score_entities(scores: Scores, gold: list[dict], pred: list[dict]) -> None:
    for name in ENTITY_FIELDS:
        g, p = [], []
        for row in gold:
            g.extend(v for v in cell(row, name) if v not in g)
        for row in pred:
            p.extend(v for v in cell(row, name) if v not in p)
        hits = matched(p, g)
        scores.entity[name].add(hits, len(p) - hits, len(g) - hits)


def _score_events(scores: Scores, doc_id: str, event_type: str, gold: list[dict], pred: list[dict]) -> None:
    pairs = pair_events(gold, pred)
    paired_gold = {i for i, _ in pairs}
    paired_pred = {j for _, j in pairs}
    scores.event_type[event_type].add(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    for j, row in enumerate(pred):
        confidence = _confidence(row)
        if confidence is not None:
            scores.ranked.append((confidence, j in paired_pred))
    by_type = scores.event_field_by_type[event_type]
    for i, j in pairs:
        for name in EVENT_FIELDS:
            g, p = cell(gold[i], name), cell(pred[j], name)
            hits = matched(p, g)
            for counts in (scores.event_field[name], by_type[name]):
                counts.add(hits, len(p) - hits, len(g) - hits)
            if hits != len(g) or hits != len(p):
                scores.misses.append(
                    Miss(doc_id, "wrong value", event_type, name, gold[i].get(name, ""), pred[j].get(name, ""), gold[i].get("sentence", ""))
                )
    for i, row in enumerate(gold):
        if i not in paired_gold:
            for name in EVENT_FIELDS:
                for counts in (scores.event_field[name], by_type[name]):
                    counts.add(0, 0, len(cell(row, name)))
            scores.misses.append(Miss(doc_id, "missed event", event_type, "", _summary(row), "", row.get("sentence", "")))
    for j, row in enumerate(pred):
        if j not in paired_pred:
            for name in EVENT_FIELDS:
                for counts in (scores.event_field[name], by_type[name]):
                    counts.add(0, len(cell(row, name)), 0)
            scores.misses.append(Miss(doc_id, "spurious event", event_type, "", "", _summary(row), row.get("sentence", "")))


def _confidence(row: dict) -> float | None:
    try:
        return float(row.get("confidence", ""))
    except (TypeError, ValueError):
        return None


def _summary(row: dict) -> str:
    return "; ".join(f"{name}={row.get(name, '')}" for name in EVENT_FIELDS if row.get(name, ""))

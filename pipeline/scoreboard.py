"""The evaluation report as text, Markdown or JSON: every figure per field, per event type and
overall, then each miss with its sentence."""

from __future__ import annotations

import json

from .evaluate import Counts, Scores


def _rows(scores: Scores) -> list[tuple[str, str, Counts]]:
    rows = [("entity", name, c) for name, c in scores.entity.items()]
    rows += [("event type", name, c) for name, c in sorted(scores.event_type.items())]
    rows.append(("event type", "overall", scores.types_overall))
    rows += [("event field", name, c) for name, c in scores.event_field.items()]
    rows.append(("event field", "arguments (overall)", scores.arguments))
    for event_type, fields in sorted(scores.event_field_by_type.items()):
        rows += [(f"field in {event_type}", name, c) for name, c in fields.items() if c.tp + c.fp + c.fn]
    return rows


def _halves_line(scores: Scores) -> str:
    halves = scores.confidence_halves()
    if halves is None:
        return "confidence: not enough predicted events with a confidence"
    top, bottom = halves
    return (
        f"event-type precision by confidence: top half {top.precision:.3f} ({top.tp}/{top.tp + top.fp}), "
        f"bottom half {bottom.precision:.3f} ({bottom.tp}/{bottom.tp + bottom.fp})"
    )


def render_text(scores: Scores) -> str:
    lines = [
        f"entity-level macro F1 (actor, weapon, place, date): {scores.entity_macro_f1:.3f}",
        f"event-type F1: {scores.types_overall.f1:.3f}",
        f"event-argument F1 (actor, target, weapon, place, date): {scores.arguments.f1:.3f}",
        _halves_line(scores),
        "",
        f"{'level':<28} {'field':<22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}",
    ]
    for level, name, c in _rows(scores):
        lines.append(
            f"{level:<28} {name:<22} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}"
        )
    lines += ["", f"misses ({len(scores.misses)}):"]
    for m in scores.misses:
        what = f"{m.field}: gold={m.gold!r} predicted={m.predicted!r}" if m.field else (m.gold or m.predicted)
        lines.append(f"- [{m.doc_id}] {m.kind} {m.event_type} {what}")
        lines.append(f"    {m.sentence}")
    return "\n".join(lines)


def render_markdown(scores: Scores) -> str:
    lines = [
        f"- entity-level macro F1: **{scores.entity_macro_f1:.3f}**",
        f"- event-type F1: **{scores.types_overall.f1:.3f}**",
        f"- event-argument F1: **{scores.arguments.f1:.3f}**",
        f"- {_halves_line(scores)}",
        "",
        "| level | field | P | R | F1 | tp | fp | fn |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for level, name, c in _rows(scores):
        lines.append(f"| {level} | {name} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {c.tp} | {c.fp} | {c.fn} |")
    lines += ["", "| article | miss | type | field | gold | predicted | sentence |", "|---|---|---|---|---|---|---|"]
    for m in scores.misses:
        cells = [m.doc_id, m.kind, m.event_type, m.field, m.gold, m.predicted, m.sentence]
        lines.append("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return "\n".join(lines)


def render_json(scores: Scores) -> str:
    return json.dumps(scores.as_dict(), indent=2, ensure_ascii=False)


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}

"""A self-contained HTML report of an output folder: articles with their mentions and event triggers
highlighted (displaCy), a sortable table of events, a timeline, a map and, with a gold file, the
evaluation as bars and every miss beside its sentence. No network: styles, script and figures are
inline, so the file works when opened from disk. All article text is escaped.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from spacy import displacy

from . import figures
from .evaluate import Scores, score
from .schema import MENTION_COLUMNS
from .state import StateStore
from .table import read_events, read_table

COLORS = {
    "ACTOR": "#fbbf77", "WEAPON": "#f08c8c", "PLACE": "#9ad0f5", "DATE": "#b7e4a3", "EVENT": "#d5b8f0",
    "PERSON": "#e8e8e8", "ORG": "#e8e8e8", "GPE": "#e8e8e8", "LOC": "#e8e8e8", "NORP": "#e8e8e8",
}
TABLE_COLUMNS = ("event_id", "event_type", "actor", "target", "weapon", "place", "date", "modality", "confidence", "sentence")
STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #222; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem; text-align: left; vertical-align: top; }
th { cursor: pointer; background: #f4f4f4; position: sticky; top: 0; }
th[aria-sort]::after { content: " \\2195"; color: #999; }
img { max-width: 100%; }
section.article { border-top: 2px solid #ccc; margin-top: 2rem; }
.miss td:nth-child(5), .miss td:nth-child(6) { font-family: monospace; }
"""
SORT_SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, column) {
    th.setAttribute("aria-sort", "none");
    th.addEventListener("click", function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent, y = b.cells[column].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      table.querySelectorAll("th").forEach(function (other) { other.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    });
  });
});
"""


def _img(element_id: str, png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<figure><img id="{element_id}" alt="{html.escape(alt)}" src="data:image/png;base64,{data}"></figure>'


def _table(css_class: str, columns: tuple[str, ...], rows: list[dict], row_class: str) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        f'<tr class="{row_class}">' + "".join(f"<td>{html.escape(str(r.get(c, '')))}</td>" for c in columns) + "</tr>"
        for r in rows
    )
    return f'<table class="{css_class}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def article_html(doc_id: str, text: str, mentions: list[dict], triggers: list[list[int]], events: list[dict]) -> str:
    """The article with mentions and triggers highlighted; displaCy escapes the text."""
    ents = [{"start": int(m["start"]), "end": int(m["end"]), "label": m["label"]} for m in mentions]
    taken = [(e["start"], e["end"]) for e in ents]
    for (start, end), event in zip(triggers, events):
        if not any(start < e and s < end for s, e in taken):
            ents.append({"start": start, "end": end, "label": f"EVENT {event['event_type']}"})
    ents.sort(key=lambda e: e["start"])
    colors = dict(COLORS, **{f"EVENT {e['event_type']}": COLORS["EVENT"] for e in events})
    body = displacy.render(
        {"text": text, "ents": ents, "title": None}, style="ent", manual=True, page=False, jupyter=False,
        options={"colors": colors},
    )
    return f'<section class="article" id="{html.escape(doc_id)}"><h3>{html.escape(doc_id)}</h3>{body}</section>'


def evaluation_html(scores: Scores) -> str:
    misses = [
        {"doc_id": m.doc_id, "kind": m.kind, "event_type": m.event_type, "field": m.field,
         "gold": m.gold, "predicted": m.predicted, "sentence": m.sentence}
        for m in scores.misses
    ]
    return (
        "<h2>Evaluation</h2>"
        f"<p>Entity-level macro F1 {scores.entity_macro_f1:.3f}; event-type F1 {scores.types_overall.f1:.3f}; "
        f"event-argument F1 {scores.arguments.f1:.3f}.</p>"
        + _img("field-bars", figures.field_bars(scores), "F1 per field")
        + _img("type-bars", figures.type_bars(scores), "F1 per event type")
        + f"<h3>Misses ({len(misses)})</h3>"
        + _table("sortable misses", ("doc_id", "kind", "event_type", "field", "gold", "predicted", "sentence"), misses, "miss")
    )


def _by_doc(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows grouped by article, in their order."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["doc_id"], []).append(row)
    return grouped


def build_report(outdir: Path, gold: list[dict] | None = None) -> str:
    """The report of ``outdir`` (written by ``extract``) as one HTML page."""
    events = read_events(outdir / "events.csv", required=("doc_id", "event_id", "event_type"))
    mentions = read_table(outdir / "mentions.csv", MENTION_COLUMNS)
    doc_ids = list(dict.fromkeys([m["doc_id"] for m in mentions] + [e["doc_id"] for e in events]))
    events_of, mentions_of = _by_doc(events), _by_doc(mentions)
    articles = []
    with StateStore(outdir) as store:
        for doc_id in doc_ids:
            stored = store.by_doc_id(doc_id) or {}
            if stored.get("text"):
                articles.append(article_html(
                    doc_id, stored["text"], mentions_of.get(doc_id, []), stored.get("triggers", []), events_of.get(doc_id, [])
                ))
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsevents report</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>newsevents report</h1><p>{len(doc_ids)} articles, {len(events)} events.</p>",
        "<h2>Timeline</h2>", _img("timeline", figures.timeline(events), "Events by date and type"),
        "<h2>Map</h2>", _img("map", figures.event_map(events), "Event places"),
    ]
    if gold is not None:
        parts.append(evaluation_html(score(gold, events)))
    parts += [
        f"<h2>Events ({len(events)})</h2>",
        _table("sortable events", TABLE_COLUMNS, events, "event"),
        "<h2>Articles</h2>", *articles,
        f"<script>{SORT_SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts)


def figure_files(outdir: Path, gold: list[dict] | None = None) -> dict[str, bytes]:
    """The report's figures as PNG files (name -> bytes), for pasting into documents."""
    events = read_events(outdir / "events.csv", required=("doc_id", "event_id", "event_type"))
    files = {"timeline.png": figures.timeline(events), "map.png": figures.event_map(events)}
    if gold is not None:
        scores = score(gold, events)
        files["field-f1.png"] = figures.field_bars(scores)
        files["type-f1.png"] = figures.type_bars(scores)
    return files

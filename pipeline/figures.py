"""Figures of an events table, drawn offline with matplotlib: a timeline, a map, and evaluation bars.

Each function returns PNG bytes, so the same figure can be embedded in the HTML report or written
to a file for a document.
"""

from __future__ import annotations

import io
from datetime import date

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot

import matplotlib.pyplot as plt  # noqa: E402

from .evaluate import Scores  # noqa: E402
from .knowledge import EVENT_TYPES  # noqa: E402

GRANULARITY_MARKERS = {"day": "o", "month": "s", "year": "D"}


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def parse_period(value: str) -> tuple[date, str] | None:
    """``"2022-04-14"`` -> (that day, "day"); ``"2021-11"`` -> (its first day, "month"); ``"2027"``."""
    parts = value.split("-") if value else []
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1), "month"
        if len(parts) == 1:
            return date(int(parts[0]), 1, 1), "year"
    except ValueError:
        return None
    return None


def timeline(events: list[dict]) -> bytes:
    """Events by date (marker shape: day, month or year) and type."""
    fig, ax = plt.subplots(figsize=(9, 3.6))
    types = [t for t in EVENT_TYPES if any(e["event_type"] == t for e in events)] or list(EVENT_TYPES)
    undated = 0
    for granularity, marker in GRANULARITY_MARKERS.items():
        xs, ys = [], []
        for event in events:
            period = parse_period(event.get("date", ""))
            if period is None:
                continue
            when, kind = period
            if kind == granularity:
                xs.append(when)
                ys.append(types.index(event["event_type"]))
        if xs:
            ax.scatter(xs, ys, marker=marker, s=42, alpha=0.75, label=f"date to the {granularity}")
    undated = sum(1 for e in events if parse_period(e.get("date", "")) is None)
    ax.set_yticks(range(len(types)), types)
    ax.set_title(f"Events by date and type ({undated} without a date not shown)")
    ax.grid(axis="x", alpha=0.3)
    if ax.collections:
        ax.legend(loc="upper left", fontsize="small")
    fig.autofmt_xdate()
    return _png(fig)


def event_map(events: list[dict]) -> bytes:
    """Event places on a longitude-latitude grid (the first place of each event)."""
    fig, ax = plt.subplots(figsize=(9, 4.6))
    points: dict[str, tuple[float, float, int]] = {}
    for event in events:
        try:
            lat, lon = float(event.get("lat", "")), float(event.get("lon", ""))
        except ValueError:
            continue
        name = event.get("place", "").split("|")[0]
        count = points.get(name, (lat, lon, 0))[2]
        points[name] = (lat, lon, count + 1)
    for name, (lat, lon, count) in sorted(points.items()):
        ax.scatter([lon], [lat], s=30 + 25 * count, alpha=0.6)
        ax.annotate(f"{name} ({count})", (lon, lat), textcoords="offset points", xytext=(5, 4), fontsize="small")
    lats = [lat for lat, _, _ in points.values()] or [0.0]
    lons = [lon for _, lon, _ in points.values()] or [0.0]
    ax.set_xlim(max(min(lons) - 25, -180), min(max(lons) + 25, 180))  # the events' region, with room
    ax.set_ylim(max(min(lats) - 15, -90), min(max(lats) + 15, 90))
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_aspect("equal")
    ax.grid(alpha=0.3)
    ax.set_title(f"Event places ({len(points)} places, size by number of events)")
    return _png(fig)


def _bars(ax, labels: list[str], counts: list, title: str) -> None:
    ax.barh(labels, [c.f1 for c in counts])
    for i, c in enumerate(counts):
        ax.text(c.f1 + 0.02, i, f"F1 {c.f1:.2f} (P {c.precision:.2f}, R {c.recall:.2f})", va="center", fontsize="small")
    ax.set_xlim(0, 1.75)  # room for the labels beside the bars
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.set_title(title)


def field_bars(scores: Scores) -> bytes:
    """F1 per field, entity level and event level."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.2))
    _bars(left, list(scores.entity), list(scores.entity.values()), "Entity level")
    fields = list(scores.event_field) + ["arguments"]
    _bars(right, fields, list(scores.event_field.values()) + [scores.arguments], "Event level")
    return _png(fig)


def type_bars(scores: Scores) -> bytes:
    """Event-type F1 per type and overall."""
    fig, ax = plt.subplots(figsize=(9, 3.8))
    types = sorted(scores.event_type)
    _bars(ax, types + ["overall"], [scores.event_type[t] for t in types] + [scores.types_overall], "Event types")
    return _png(fig)

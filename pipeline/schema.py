"""The columns of the spec's tables (sections 2 and 3), in their fixed order, and gold-row checks."""

import re
from typing import Iterable

DATE_FORMAT = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")

EVENT_COLUMNS = (
    "doc_id", "event_id", "event_type", "actor", "actor_code", "actor_detail", "target", "target_code",
    "weapon", "weapon_class", "place", "place_country", "lat", "lon", "date", "date_text",
    "date_qualifier", "modality", "quantity", "sentence", "start", "end", "confidence", "cameo",
    "cluster_id",
)
MENTION_COLUMNS = ("doc_id", "start", "end", "text", "label", "canonical", "code")
GOLD_COLUMNS = (
    "doc_id", "event_type", "actor", "actor_code", "actor_detail", "target", "target_code", "weapon",
    "weapon_class", "place", "place_country", "date", "date_qualifier", "modality", "quantity", "sentence",
)
ERROR_COLUMNS = ("doc_id", "path", "line", "severity", "message")
# Columns that hold numbers; every other cell is text, guarded against spreadsheet formulas.
NUMERIC_COLUMNS = ("lat", "lon", "start", "end", "confidence", "quantity", "line")


def gold_row_problems(row: dict, event_types: Iterable[str]) -> list[str]:
    """What is wrong with one gold row: its event type, date format, and codes that do not line
    up with their names (a code, when given, for every ``|``-joined name)."""
    problems = []
    if row.get("event_type", "") not in event_types:
        problems.append(f"unknown event_type {row.get('event_type', '')!r}")
    value = row.get("date", "")
    if value and not DATE_FORMAT.fullmatch(value):
        problems.append(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    for name, code in (("actor", "actor_code"), ("target", "target_code")):
        names, codes = row.get(name, ""), row.get(code, "")
        if codes and len(codes.split("|")) != len(names.split("|")):
            problems.append(f"{code} {codes!r} does not line up with {name} {names!r}")
    return problems

"""Reading and writing the tables (the project's only pandas user). Writes are atomic: a
temporary file in the same folder, then a rename, so a failed run never leaves half a table."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

import pandas as pd

from .errors import Errors, InputError
from .knowledge import EVENT_TYPES
from .schema import EVENT_COLUMNS, GOLD_COLUMNS, NUMERIC_COLUMNS, gold_row_problems



FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe (OWASP's
    advice for CSV injection): ``=HYPERLINK(...)`` is written ``'=HYPERLINK(...)``."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unescape_formula(value: str) -> str:
    """The cell's original text: drops the apostrophe ``escape_formula`` added."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def write_table(rows: Iterable[dict], columns: Iterable[str], path: Path) -> None:
    """Write ``rows`` as CSV with exactly ``columns``, replacing ``path`` atomically.

    Text cells that start like a formula are escaped; numeric columns are written as they are.
    """
    path = Path(path)
    frame = pd.DataFrame(list(rows), columns=list(columns), dtype=str).fillna("")
    for column in frame.columns:
        if column not in NUMERIC_COLUMNS:
            frame[column] = frame[column].map(escape_formula)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            frame.to_csv(fh, index=False, lineterminator="\n")
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def read_events(path: Path, *, required: Iterable[str] = GOLD_COLUMNS) -> list[dict]:
    """Read an events table (gold or predicted) as a list of string dicts.

    Every column of ``required`` must be there; a file with other columns than the events table's
    is rejected, naming them, so a misspelt gold column is not silently scored as empty.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(Errors.E001.format(path=path))
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise InputError(Errors.E002.format(path=path, reason=str(err).splitlines()[0])) from None
    columns = list(frame.columns)
    missing = [c for c in required if c not in columns]
    if missing:
        raise InputError(Errors.E006.format(path=path, missing=",".join(missing), expected=",".join(required)))
    unknown = [c for c in columns if c not in EVENT_COLUMNS]
    if unknown:
        raise InputError(Errors.E007.format(path=path, unknown=",".join(unknown), expected=",".join(EVENT_COLUMNS)))
    return [{k: unescape_formula(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def read_gold(path: Path) -> list[dict]:
    """Read and validate a gold file: every row's problems are reported with its line number."""
    rows = read_events(path, required=GOLD_COLUMNS)
    for line, row in enumerate(rows, start=2):
        problems = gold_row_problems(row, EVENT_TYPES)
        if problems:
            raise InputError(Errors.E019.format(path=path, line=line, reason="; ".join(problems)))
    return rows

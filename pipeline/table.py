"""Reading and writing the tables (the project's only pandas user). Writes are atomic: a
temporary file in the same folder, then a rename, so a failed run never leaves half a table."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

import pandas as pd

from .errors import Errors, InputError
from .schema import EVENT_COLUMNS, GOLD_COLUMNS



def write_table(rows: Iterable[dict], columns: Iterable[str], path: Path) -> None:
    """Write ``rows`` as CSV with exactly ``columns``, replacing ``path`` atomically."""
    path = Path(path)
    frame = pd.DataFrame(list(rows), columns=list(columns), dtype=str).fillna("")
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
    return frame.to_dict(orient="records")

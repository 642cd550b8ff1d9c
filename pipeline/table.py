"""Reading and writing the tables (the project's only pandas user, for reading and for Parquet).
Writes are atomic: a temporary file in the same folder, then a rename, so a failed run never
leaves half a table."""

from __future__ import annotations

import csv
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, TextIO

import pandas as pd

from .errors import Errors, InputError
from .knowledge import EVENT_TYPES
from .schema import EVENT_COLUMNS, GOLD_COLUMNS, NUMERIC_COLUMNS, gold_row_problems

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _looks_like_formula(value: str) -> bool:
    """Whether a cell, apostrophes at its start aside, begins like a spreadsheet formula."""
    return value.lstrip("'").startswith(FORMULA_STARTS)


def escape_formula(value: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe (OWASP's
    advice for CSV injection): ``=HYPERLINK(...)`` is written ``'=HYPERLINK(...)``. A cell that
    already starts with apostrophes before such a character gets one more, so that
    ``unescape_formula`` gives back exactly the original."""
    return "'" + value if _looks_like_formula(value) else value


def unescape_formula(value: str) -> str:
    """The cell's original text: drops the apostrophe ``escape_formula`` added."""
    return value[1:] if value.startswith("'") and _looks_like_formula(value) else value


def _temporary_beside(path: Path) -> str:
    """A new temporary file in ``path``'s folder, with the permissions a plain new file gets."""
    fd, tmp = tempfile.mkstemp(prefix=_temporary_prefix(path), suffix=".tmp", dir=path.parent)
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)
    return tmp


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}."


def remove_stale_temporaries(path: Path) -> None:
    """Remove the temporary files a killed run left beside ``path`` (a run that ends, even by an
    error or Ctrl-C, removes its own). One run writes to an output folder at a time."""
    for stale in path.parent.glob(f"{_temporary_prefix(path)}*.tmp"):
        stale.unlink(missing_ok=True)


class TableWriter:
    """Writes one table batch by batch to a temporary file beside ``path``; ``commit`` renames it
    into place, ``abort`` removes it, so readers only ever see a whole table.

    CSV is written with the standard library's ``csv`` module (the writer pandas' ``to_csv``
    uses, without building a frame for every batch, which cost more than the writing), text
    cells that start like a formula escaped; Parquet goes through a pandas frame and keeps the
    text as it is.
    """

    def __init__(self, path: Path, columns: Iterable[str], fmt: str = "csv") -> None:
        self.path = Path(path)
        self.columns = list(columns)
        self.fmt = fmt
        remove_stale_temporaries(self.path)
        self.tmp = _temporary_beside(self.path)
        self.started = False
        self.csv_file: TextIO | None = None
        self.parquet = None

    def _cells(self, row: dict) -> list[str]:
        cells = ["" if row.get(c) is None else str(row[c]) for c in self.columns]
        return [v if c in NUMERIC_COLUMNS else escape_formula(v) for c, v in zip(self.columns, cells)]

    def write(self, rows: list[dict]) -> None:
        if not rows and self.started:
            return
        if self.fmt == "csv":
            if self.csv_file is None:
                self.csv_file = open(self.tmp, "w", encoding="utf-8", newline="")
            writer = csv.writer(self.csv_file, lineterminator="\n")
            if not self.started:
                writer.writerow(self.columns)
            writer.writerows(self._cells(row) for row in rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = pa.schema([(c, pa.string()) for c in self.columns])
            if self.parquet is None:
                self.parquet = pq.ParquetWriter(self.tmp, schema)
            frame = pd.DataFrame(rows, columns=self.columns, dtype=str).fillna("")
            self.parquet.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))
        self.started = True

    def _close(self) -> None:
        if self.csv_file is not None:
            self.csv_file.close()
        if self.parquet is not None:
            self.parquet.close()

    def commit(self) -> None:
        if not self.started:
            self.write([])
        self._close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self._close()
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)


@contextmanager
def table_writers(folder: Path, tables: dict[str, Iterable[str]], fmt: str = "csv") -> Iterator[dict[str, TableWriter]]:
    """Writers for several tables (name -> columns) in ``folder``, committed together when the
    block ends normally and all removed when it does not."""
    writers: dict[str, TableWriter] = {}
    try:
        for name, columns in tables.items():
            writers[name] = TableWriter(Path(folder) / f"{name}.{fmt}", columns, fmt)
        yield writers
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    for writer in writers.values():
        writer.commit()


def _read_frame(path: Path, required: Iterable[str]) -> pd.DataFrame:
    """One of our CSV tables, all cells strings, with ``required`` columns; a missing, unreadable
    or malformed file, or a missing column, is an ``InputError`` naming the file."""
    path = Path(path)
    if not path.exists():
        raise InputError(Errors.E001.format(path=path))
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise InputError(Errors.E002.format(path=path, reason=str(err).splitlines()[0])) from None
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(Errors.E006.format(path=path, missing=",".join(missing), expected=",".join(required)))
    return frame


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: unescape_formula(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def read_table(path: Path, columns: Iterable[str]) -> list[dict]:
    """Read one of our CSV tables as string dicts (formula escapes removed), checking ``columns``."""
    return _records(_read_frame(path, list(columns)))


def read_events(path: Path, *, required: Iterable[str] = GOLD_COLUMNS) -> list[dict]:
    """Read an events table (gold or predicted) as a list of string dicts.

    Every column of ``required`` must be there; a file with other columns than the events table's
    is rejected, naming them, so a misspelt gold column is not silently scored as empty.
    """
    frame = _read_frame(path, list(required))
    unknown = [c for c in frame.columns if c not in EVENT_COLUMNS]
    if unknown:
        raise InputError(Errors.E007.format(path=path, unknown=",".join(unknown), expected=",".join(EVENT_COLUMNS)))
    return _records(frame)


def write_file(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (temporary file beside it, then a rename)."""
    path = Path(path)
    tmp = _temporary_beside(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def read_gold(path: Path) -> list[dict]:
    """Read and validate a gold file: every row's problems are reported with its line number."""
    rows = read_events(path, required=GOLD_COLUMNS)
    for line, row in enumerate(rows, start=2):
        problems = gold_row_problems(row, EVENT_TYPES)
        if problems:
            raise InputError(Errors.E019.format(path=path, line=line, reason="; ".join(problems)))
    return rows

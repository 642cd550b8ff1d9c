"""Reading a corpus: a folder of ``.txt`` articles with an optional ``metadata.csv``, or a JSON Lines
file, exactly as section 1 of the spec describes.

Whole-input failures (a missing path, an empty folder) raise ``InputError``. A bad article or
metadata line is reported as a ``Problem`` naming the file and line, and the rest of the batch
goes on.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from .errors import Errors, InputError, Warnings

METADATA_COLUMNS = ("doc_id", "published", "source", "url", "title")


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    published: date | None = None
    source: str = ""
    url: str = ""
    title: str = ""


@dataclass(frozen=True)
class Problem:
    """Something wrong with one article or line; ``severity`` is ``error`` (skipped) or ``warning``."""

    path: str
    line: int | None
    message: str
    severity: str = "error"
    doc_id: str = ""


@dataclass
class Corpus:
    """The articles of one or more inputs, and what was wrong with them."""

    inputs: list[Path]
    problems: list[Problem] = field(default_factory=list)

    def __iter__(self) -> Iterator[Article]:
        for path in self.inputs:
            if path.is_dir():
                yield from self._read_folder(path)
            else:
                yield from self._read_jsonl(path)

    def _read_folder(self, folder: Path) -> Iterator[Article]:
        metadata = self._read_metadata(folder / "metadata.csv")
        for path in sorted(folder.glob("*.txt")):
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as err:
                self.problems.append(Problem(str(path), None, Errors.E002.format(path=path, reason=err), doc_id=path.stem))
                continue
            meta = metadata.get(path.stem, {})
            yield Article(
                doc_id=path.stem,
                text=text,
                published=meta.get("published"),
                source=meta.get("source", ""),
                url=meta.get("url", ""),
                title=meta.get("title", ""),
            )

    def _read_metadata(self, path: Path) -> dict[str, dict]:
        if not path.exists():
            return {}
        rows: dict[str, dict] = {}
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("doc_id", "published") if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(Errors.E006.format(path=path, missing=missing, expected=",".join(METADATA_COLUMNS)))
            for line, row in enumerate(reader, start=2):
                rows[row["doc_id"]] = {
                    "published": self._parse_published(row.get("published") or "", path, line),
                    "source": row.get("source") or "",
                    "url": row.get("url") or "",
                    "title": row.get("title") or "",
                }
        return rows

    def _parse_published(self, value: str, path: Path, line: int) -> date | None:
        value = value.strip()
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problems.append(
                Problem(str(path), line, Warnings.W002.format(path=path, line=line, value=value), "warning")
            )
            return None

    def _read_jsonl(self, path: Path) -> Iterator[Article]:
        with open(path, encoding="utf-8-sig") as fh:
            for line_no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    self.problems.append(Problem(str(path), line_no, Errors.E005.format(path=path, line=line_no, reason=f"invalid JSON ({err.msg})")))
                    continue
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    self.problems.append(Problem(str(path), line_no, Errors.E005.format(path=path, line=line_no, reason='no "text" field')))
                    continue
                yield Article(
                    doc_id=str(record.get("doc_id") or line_no),
                    text=record["text"],
                    published=self._parse_published(str(record.get("published") or ""), path, line_no),
                    source=str(record.get("source") or ""),
                    url=str(record.get("url") or ""),
                    title=str(record.get("title") or ""),
                )


def open_corpus(inputs: list[Path]) -> Corpus:
    """Check that every input exists and is usable before any work starts."""
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise InputError(Errors.E001.format(path=path))
        if path.is_dir():
            if not any(path.glob("*.txt")):
                raise InputError(Errors.E003.format(path=path))
        elif path.suffix.lower() not in (".jsonl", ".ndjson"):
            raise InputError(Errors.E004.format(path=path))
        else:
            try:
                with open(path, "rb") as fh:
                    fh.read(1)
            except OSError as err:
                raise InputError(Errors.E002.format(path=path, reason=err.strerror or err)) from None
    return Corpus(paths)

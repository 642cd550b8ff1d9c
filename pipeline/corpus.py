"""Reading a corpus: a folder of ``.txt`` articles with an optional ``metadata.csv``, or a JSON Lines
file, exactly as section 1 of the spec describes.

Whole-input failures (a missing path, an empty folder) raise ``InputError``. A bad article or
metadata line is reported as a ``Problem`` naming the file and line, and the rest of the batch goes
on: ``error`` problems skip an article, ``warning`` problems keep it (a legacy encoding decoded, a
bad publication date treated as missing). Articles are read lazily, one at a time.
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
LEGACY_ENCODINGS = ("cp1252", "latin-1")


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    published: date | None = None
    source: str = ""
    url: str = ""
    title: str = ""

    @property
    def published_iso(self) -> str:
        """The publication date as ISO text, "" when unknown (how documents and keys carry it)."""
        return self.published.isoformat() if self.published else ""


@dataclass(frozen=True)
class Problem:
    """Something wrong with one article or line; ``severity`` is ``error`` (skipped) or ``warning``."""

    path: str
    line: int | None
    message: str
    severity: str = "error"
    doc_id: str = ""


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, mean the file is not text."""
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.1


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode article bytes: UTF-8 (a BOM is dropped), else the first legacy encoding that fits."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in LEGACY_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"  # every byte sequence decodes as latin-1


def without_surrogates(text: str) -> str:
    """JSON can escape lone surrogates ("\\ud800"), which no UTF-8 table can hold: each becomes
    "?" (one character for one, so offsets stay right)."""
    return text.encode("utf-8", "replace").decode("utf-8")


@dataclass
class Corpus:
    """The articles of one or more inputs, and what was wrong with them."""

    inputs: list[Path]
    today: date = field(default_factory=date.today)
    problems: list[Problem] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)  # doc_id -> where it was first read

    def estimate(self) -> int:
        """How many articles the inputs hold, counted cheaply (files and non-blank lines), for
        progress bars; duplicates and bad lines are still counted."""
        total = 0
        for path in self.inputs:
            if path.is_dir():
                total += sum(1 for _ in path.glob("*.txt"))
            else:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
        return total

    def __iter__(self) -> Iterator[Article]:
        for path in self.inputs:
            articles = self._read_folder(path) if path.is_dir() else self._read_jsonl(path)
            for article, where in articles:
                if self._is_new(article.doc_id, where):
                    yield article

    def _is_new(self, doc_id: str, where: tuple[str, int | None]) -> bool:
        path, line = where
        label = f"{path}, line {line}" if line else path
        if doc_id in self.seen:
            message = Errors.E018.format(
                path=path, where=f", line {line}" if line else "", doc_id=doc_id, other=self.seen[doc_id]
            )
            self.problems.append(Problem(path, line, message, doc_id=doc_id))
            return False
        self.seen[doc_id] = label
        return True

    def _read_folder(self, folder: Path) -> Iterator[tuple[Article, tuple[str, int | None]]]:
        metadata = self._read_metadata(folder)
        for path in sorted(folder.glob("*.txt")):
            text = self._read_text(path)
            if text is None:
                continue
            meta = metadata.get(path.stem, {})
            article = Article(
                doc_id=path.stem,
                text=text,
                published=meta.get("published"),
                source=meta.get("source", ""),
                url=meta.get("url", ""),
                title=meta.get("title", ""),
            )
            yield article, (str(path), None)

    def _read_text(self, path: Path) -> str | None:
        """The article's text, or ``None`` (with a problem recorded) when it cannot be used."""
        def skip(message: str) -> None:
            self.problems.append(Problem(str(path), None, message, doc_id=path.stem))

        try:
            data = path.read_bytes()
        except OSError as err:
            skip(Errors.E002.format(path=path, reason=err.strerror or err))
            return None
        if not data:
            skip(Errors.E015.format(path=path))
            return None
        if looks_binary(data):
            skip(Errors.E017.format(path=path))
            return None
        text, encoding = decode_text(data)
        if encoding != "utf-8":
            self.problems.append(
                Problem(str(path), None, Warnings.W005.format(path=path, encoding=encoding), "warning", path.stem)
            )
        if not text.strip():
            skip(Errors.E016.format(path=path))
            return None
        return text

    def _read_metadata(self, folder: Path) -> dict[str, dict]:
        path = folder / "metadata.csv"
        if not path.exists():
            return {}
        rows: dict[str, dict] = {}
        try:
            text, _ = decode_text(path.read_bytes())
        except OSError as err:
            raise InputError(Errors.E002.format(path=path, reason=err.strerror or err)) from None
        reader = csv.DictReader(text.splitlines())
        missing = [c for c in ("doc_id", "published") if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(Errors.E006.format(path=path, missing=missing, expected=",".join(METADATA_COLUMNS)))
        for line, row in enumerate(reader, start=2):
            doc_id = (row.get("doc_id") or "").strip()
            if not (folder / f"{doc_id}.txt").exists():
                self.problems.append(
                    Problem(str(path), line, Warnings.W004.format(path=path, line=line, doc_id=doc_id), "warning", doc_id)
                )
            rows[doc_id] = {
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
            published = date.fromisoformat(value)
        except ValueError:
            message = Warnings.W002.format(path=path, line=line, value=value)
            self.problems.append(Problem(str(path), line, message, "warning"))
            return None
        if published > self.today:
            message = Warnings.W003.format(path=path, line=line, value=value)
            self.problems.append(Problem(str(path), line, message, "warning"))
            return None
        return published

    def _read_jsonl(self, path: Path) -> Iterator[tuple[Article, tuple[str, int | None]]]:
        with open(path, "rb") as fh:
            for line_no, raw in enumerate(fh, start=1):
                line, _ = decode_text(raw)
                if not line.strip():
                    continue
                where = (str(path), line_no)
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    reason = f"invalid JSON ({err.msg})"
                    self.problems.append(Problem(str(path), line_no, Errors.E005.format(path=path, line=line_no, reason=reason)))
                    continue
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    reason = 'no "text" field'
                    self.problems.append(Problem(str(path), line_no, Errors.E005.format(path=path, line=line_no, reason=reason)))
                    continue
                doc_id = str(record.get("doc_id") or line_no)
                if not record["text"].strip():
                    reason = "no text (only white space), skipped"
                    self.problems.append(Problem(str(path), line_no, Errors.E005.format(path=path, line=line_no, reason=reason), doc_id=doc_id))
                    continue
                article = Article(
                    doc_id=doc_id,
                    text=without_surrogates(record["text"]),
                    published=self._parse_published(str(record.get("published") or ""), path, line_no),
                    source=str(record.get("source") or ""),
                    url=str(record.get("url") or ""),
                    title=str(record.get("title") or ""),
                )
                yield article, where


def open_corpus(inputs: list[Path], *, today: date | None = None) -> Corpus:
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
    return Corpus(paths, today=today or date.today())

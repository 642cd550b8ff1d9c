"""The state store of an output folder: each article's rows, keyed by what produced them.

A key is the hash of the article (id, publication date, text) and of the pipeline's version (our
package's version and source files, the base model, the config and every knowledge file), so a rerun over a grown corpus
processes only new or changed articles, and a changed knowledge file or model invalidates every
result it could affect. Results are committed as they are produced: an interrupted run keeps what
it finished, and the next run picks up from there.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Iterable

from . import __version__
from .corpus import Article

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    rows TEXT NOT NULL
)
"""


def pipeline_version(model_name: str, model_version: str, config_text: str, knowledge_files: Iterable[Path]) -> str:
    """A fingerprint of everything that shapes the output besides the article itself."""
    digest = hashlib.sha256()
    for part in (__version__, model_name, model_version, config_text):
        digest.update(part.encode("utf8") + b"\0")
    for path in sorted(knowledge_files, key=lambda p: (p.name, str(p))):
        digest.update(path.name.encode("utf8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def article_key(article: Article, version: str) -> str:
    digest = hashlib.sha256()
    for part in (version, article.doc_id, article.published_iso, article.text):
        digest.update(part.encode("utf8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class StateStore:
    """Article results by key, in ``OUTDIR/.newsevents-state.sqlite``."""

    FILENAME = ".newsevents-state.sqlite"

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / self.FILENAME
        self.db = sqlite3.connect(self.path)
        self.db.execute(SCHEMA)

    def __enter__(self) -> "StateStore":
        return self

    def __exit__(self, *exc) -> None:
        self.db.close()

    def has(self, key: str) -> bool:
        """Whether ``key`` already has results."""
        return self.db.execute("SELECT 1 FROM results WHERE key = ?", (key,)).fetchone() is not None

    def put(self, key: str, doc_id: str, rows: dict) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO results (key, doc_id, rows) VALUES (?, ?, ?)",
            (key, doc_id, json.dumps(rows, ensure_ascii=False)),
        )

    def commit(self) -> None:
        self.db.commit()

    def get(self, key: str) -> dict:
        (rows,) = self.db.execute("SELECT rows FROM results WHERE key = ?", (key,)).fetchone()
        return json.loads(rows)

    def by_doc_id(self, doc_id: str) -> dict | None:
        row = self.db.execute("SELECT rows FROM results WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def keep_only(self, keys: Iterable[str]) -> None:
        """Forget results of articles that are no longer in the corpus."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS current (key TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM current")
        self.db.executemany("INSERT OR IGNORE INTO current VALUES (?)", ((k,) for k in keys))
        self.db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM current)")
        self.db.commit()

    def clear(self) -> None:
        self.db.execute("DELETE FROM results")
        self.db.commit()

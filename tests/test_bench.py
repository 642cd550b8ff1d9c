"""The benchmark's own arithmetic (the benchmark itself is `make bench`, never a timed test)."""

import json
from dataclasses import replace

from pipeline import bench
from pipeline.bench import Measurement, build_corpus, fastest, format_row, measure_pair, scaling_lines


def test_build_corpus_cycles_the_shipped_texts(root, tmp_path):
    path = tmp_path / "c.jsonl"
    words = build_corpus(5, path, root / "corpus")
    records = [json.loads(line) for line in path.read_text(encoding="utf8").splitlines()]
    texts = [p.read_text(encoding="utf8") for p in sorted((root / "corpus").glob("*.txt"))]
    assert [r["text"] for r in records] == [texts[i % 2] for i in range(5)]
    assert len({r["doc_id"] for r in records}) == 5
    assert words == sum(len(r["text"].split()) for r in records)


def test_row_reports_ratio_of_full_to_bare_throughput():
    bare = Measurement("bare", 100, 50_000, 1, 10.0, 300)
    full = Measurement("full", 100, 50_000, 1, 12.5, 400)
    row = format_row(bare, full).split()
    assert row[:5] == ["100", "1", "5000", "4000", "0.80"]


def test_scaling_lines_compare_sizes_and_workers():
    m = lambda n, w, s: Measurement("full", n, n * 500, w, s, 0)  # noqa: E731
    results = {(100, 1): (m(100, 1, 1), m(100, 1, 10)), (1000, 1): (m(1000, 1, 11), m(1000, 1, 105)),
               (1000, 2): (m(1000, 2, 1), m(1000, 2, 60))}
    lines = scaling_lines(results)
    assert "time 1000 / time 100 articles (1 worker, mean of 1 and 1 runs): 10.50x for 10x the articles " \
           "(bare spaCy 11.00x)" in lines
    assert "1000 articles: 2 workers are 1.75x as fast as 1" in lines


def test_growth_compares_mean_times_when_a_size_was_run_repeatedly():
    m = lambda n, s: Measurement("full", n, n * 500, 1, s, 0)  # noqa: E731
    small = fastest([m(1000, 100.0), m(1000, 140.0), m(1000, 120.0)])
    large = m(10000, 1320.0)
    lines = scaling_lines({(1000, 1): (small, small), (10000, 1): (large, large)})
    assert lines[0].startswith("time 10000 / time 1000 articles (1 worker, mean of 1 and 3 runs): 11.00x ")


def test_row_shows_worker_memory_only_with_workers():
    one = Measurement("full", 100, 50_000, 1, 10.0, 300, 0)
    two = Measurement("full", 100, 50_000, 2, 6.0, 200, 410.4)
    assert format_row(one, one).split()[-1] == "-"
    assert format_row(replace(one, workers=2), two).split()[-1] == "0/410"


def test_fastest_keeps_the_quickest_time_and_the_highest_memory():
    runs = [Measurement("full", 100, 500, 1, s, mb) for s, mb in ((9.0, 300), (8.0, 290), (8.5, 320))]
    best = fastest(runs)
    assert (best.seconds, best.peak_mb) == (8.0, 320)
    assert best.run_seconds == (9.0, 8.0, 8.5) and best.mean_seconds == 8.5


def test_runs_are_repeated_until_each_kind_has_run_long_enough(monkeypatch, tmp_path):
    calls = []

    def fake(kind, path, articles, words, model, workers, batch_size):
        calls.append(kind)
        seconds = {100: 5.0, 1000: 150.0, 10000: 1500.0}[articles] + len(calls)
        return Measurement(kind, articles, words, workers, seconds, 100)

    monkeypatch.setattr(bench, "measure_in_child", fake)
    bare, full = measure_pair(tmp_path, 100, 500, "m", 1, 16, repeat=3)
    assert calls == ["bare", "full", "full", "bare", "bare", "full"]
    assert (bare.seconds, full.seconds) == (6.0, 7.0)
    calls.clear()
    measure_pair(tmp_path, 1000, 5000, "m", 1, 16, repeat=3)
    assert calls == ["bare", "full", "full", "bare"]
    calls.clear()
    measure_pair(tmp_path, 10000, 50000, "m", 1, 16, repeat=3)
    assert calls == ["bare", "full"]

"""The benchmark's own arithmetic (the benchmark itself is `make bench`, never a timed test)."""

import json

from pipeline.bench import Measurement, build_corpus, format_row, scaling_lines


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
    results = {(100, 1): (m(100, 1, 1), m(100, 1, 10)), (1000, 1): (m(1000, 1, 1), m(1000, 1, 105)),
               (1000, 2): (m(1000, 2, 1), m(1000, 2, 60))}
    lines = scaling_lines(results)
    assert "time 1000 / time 100 articles (1 worker): 10.50x for 10x the articles" in lines
    assert "1000 articles: 2 workers are 1.75x as fast as 1" in lines

"""Batch processing: incremental reruns, Parquet, several workers, and the Dask engine."""

import json
import shutil

import pytest
from click.testing import CliRunner

from pipeline.cli import main


def extract(*args):
    result = CliRunner().invoke(main, ["extract", *[str(a) for a in args]])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture()
def corpus(root, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(root / "corpus", folder, ignore=shutil.ignore_patterns("gold"))
    return folder


def test_rerun_processes_only_new_or_changed_articles(corpus, tmp_path):
    out = tmp_path / "out"
    assert "(2 processed, 0 unchanged)" in extract(corpus, "-o", out)
    first = (out / "events.csv").read_bytes()
    assert "(0 processed, 2 unchanged)" in extract(corpus, "-o", out)
    assert (out / "events.csv").read_bytes() == first
    (corpus / "new.txt").write_text("Iran test-fired a Khorramshahr missile on Saturday.\n", encoding="utf8")
    assert "(1 processed, 2 unchanged)" in extract(corpus, "-o", out)
    assert b"Khorramshahr" in (out / "events.csv").read_bytes()
    assert "(3 processed, 0 unchanged)" in extract(corpus, "-o", out, "--full")


def test_changed_article_is_processed_again(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, "-o", out)
    path = next(corpus.glob("000_*.txt"))
    path.write_text(path.read_text(encoding="utf8") + "\nNorth Korea fired a Hwasong-18 missile.\n", encoding="utf8")
    assert "(1 processed, 1 unchanged)" in extract(corpus, "-o", out)
    assert b"Hwasong-18" in (out / "events.csv").read_bytes()


def test_removed_article_leaves_the_tables(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, "-o", out)
    next(corpus.glob("001_*.txt")).unlink()
    extract(corpus, "-o", out)
    assert b"001_" not in (out / "events.csv").read_bytes()


def test_changed_knowledge_invalidates_stored_results(corpus, tmp_path, monkeypatch):
    from pipeline import runner

    out = tmp_path / "out"
    extract(corpus, "-o", out)
    real = runner.pipeline_version
    monkeypatch.setattr(runner, "pipeline_version", lambda *a: real(*a) + "-changed")
    assert "(2 processed, 0 unchanged)" in extract(corpus, "-o", out)


def test_pipeline_version_depends_on_every_knowledge_file(tmp_path):
    from pipeline.state import pipeline_version

    files = [tmp_path / "a.jsonl", tmp_path / "b.csv"]
    for f in files:
        f.write_text("x", encoding="utf8")
    before = pipeline_version("m", "1", "cfg", files)
    files[1].write_text("y", encoding="utf8")
    assert pipeline_version("m", "1", "cfg", files) != before
    assert pipeline_version("m", "2", "cfg", files) != pipeline_version("m", "1", "cfg", files)


def test_parquet_tables_hold_the_same_rows(root, tmp_path):
    import pandas as pd

    extract(root / "corpus", "-o", tmp_path / "p", "--format", "parquet", "--quiet")
    csv_rows = pd.read_csv(root / "outputs" / "events.csv", dtype=str, keep_default_na=False)
    parquet_rows = pd.read_parquet(tmp_path / "p" / "events.parquet")
    assert list(parquet_rows.columns) == list(csv_rows.columns)
    assert parquet_rows["event_id"].tolist() == csv_rows["event_id"].tolist()
    assert parquet_rows["sentence"].tolist() == csv_rows["sentence"].tolist()


def test_two_workers_give_the_same_bytes(root, tmp_path):
    extract(root / "corpus", "-o", tmp_path / "w2", "--workers", "2", "--quiet")
    for name in ("events.csv", "mentions.csv"):
        assert (tmp_path / "w2" / name).read_bytes() == (root / "outputs" / name).read_bytes()


def test_scheduler_without_dask_engine_is_an_error(root, tmp_path):
    result = CliRunner().invoke(main, ["extract", str(root / "corpus"), "-o", str(tmp_path), "--scheduler", "tcp://x:1"])
    assert result.exit_code == 2 and "--scheduler is for --engine dask" in result.output


def test_dask_engine_on_a_local_cluster_matches_the_local_engine(root, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    lines = []
    for i, path in enumerate(sorted((root / "corpus").glob("*.txt")) * 3):
        lines.append(json.dumps({"doc_id": f"a{i}", "text": path.read_text(encoding="utf8"), "published": "2022-04-15"}))
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf8")
    extract(corpus, "-o", tmp_path / "local", "--quiet")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        extract(corpus, "-o", tmp_path / "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address, "--quiet")
    for name in ("events.csv", "mentions.csv", "errors.csv"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_changed_code_invalidates_stored_results(corpus, tmp_path, monkeypatch):
    from pipeline import runner

    out = tmp_path / "out"
    extract(corpus, "-o", out)
    code = tmp_path / "code"
    code.mkdir()
    (code / "extra.py").write_text("CHANGED = True\n", encoding="utf8")
    monkeypatch.setattr(runner, "SOURCES", code)
    assert "(2 processed, 0 unchanged)" in extract(corpus, "-o", out)

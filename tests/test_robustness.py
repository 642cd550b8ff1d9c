"""Long articles, determinism, interrupted runs and hostile text."""

import json
import signal
import subprocess
import sys
import time
from datetime import date

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.corpus import Article
from pipeline.extract import extract, split_text
from pipeline.table import FORMULA_STARTS, escape_formula, unescape_formula

PARAGRAPH = "Russia test-fired a Kalibr cruise missile in the Sea of Japan on Thursday.\n"


def test_split_text_cuts_at_line_breaks_and_keeps_every_character():
    text = "aaa bbb\nccc ddd\neee"
    pieces = split_text(text, 9)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 9 for _, p in pieces)
    assert pieces[1] == (8, "ccc ddd\n")


def test_split_text_without_any_break_cuts_hard():
    assert split_text("x" * 25, 10) == [(0, "x" * 10), (10, "x" * 10), (20, "x" * 5)]


def test_article_longer_than_the_limit_is_processed_in_pieces(nlp):
    text = PARAGRAPH * 40
    (result,) = extract(nlp, [Article("long", text, date(2022, 4, 15))], piece_chars=500)
    assert any("processed in" in w for w in result.warnings)
    for row in result.mentions:
        assert text[int(row["start"]) : int(row["end"])] == row["text"]
    for row in result.events:
        assert text[int(row["start"]) : int(row["end"])] == row["sentence"]
    assert int(result.mentions[-1]["start"]) > 500  # later pieces are offset into the article
    ids = [row["event_id"] for row in result.events]
    assert len(ids) == len(set(ids)) and ids[0] == "long#1"


def test_output_does_not_depend_on_batch_size(root, tmp_path):
    for size in ("1", "7"):
        result = CliRunner().invoke(main, ["extract", str(root / "corpus"), "-o", str(tmp_path / size), "--quiet", "--batch-size", size])
        assert result.exit_code == 0, result.output
    for name in ("events.csv", "mentions.csv"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "7" / name).read_bytes()


def test_interrupted_run_leaves_previous_outputs_intact(root, tmp_path):
    texts = [p.read_text(encoding="utf8") for p in sorted((root / "corpus").glob("*.txt"))]
    corpus = tmp_path / "big.jsonl"
    with open(corpus, "w", encoding="utf8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"doc_id": f"d{i}", "text": texts[i % 2], "published": "2022-04-15"}) + "\n")
    out = tmp_path / "out"
    out.mkdir()
    for name in ("events.csv", "mentions.csv", "errors.csv"):
        (out / name).write_text(f"previous {name}\n", encoding="utf8")
    for sig in (signal.SIGINT, signal.SIGKILL):
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "extract", str(corpus), "-o", str(out), "--quiet"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root,
        )
        time.sleep(6)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(sig)
        proc.wait(timeout=60)
        assert proc.returncode != 0
        for name in ("events.csv", "mentions.csv", "errors.csv"):
            assert (out / name).read_text(encoding="utf8") == f"previous {name}\n"
        if sig == signal.SIGINT:  # an interrupted run removes its temporary tables itself
            assert _tables_and_temporaries(out) == ["errors.csv", "events.csv", "mentions.csv"]
    # the next run recovers the store, removes the temporary tables a killed run left, and finishes
    small = tmp_path / "small.jsonl"
    small.write_text(corpus.read_text(encoding="utf8").splitlines()[0] + "\n", encoding="utf8")
    rerun = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(small), "-o", str(out), "--quiet"], cwd=root)
    assert rerun.returncode == 0
    assert (out / "events.csv").read_text(encoding="utf8").startswith("doc_id,event_id")
    assert _tables_and_temporaries(out) == ["errors.csv", "events.csv", "mentions.csv"]


def _tables_and_temporaries(folder):
    """What an output folder holds besides the state store (and SQLite's journal after a kill)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".newsevents-state.sqlite"))


HOSTILE = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["\u202e", "\u200f", "\u200b", "\x00", "\x07", "\x1b[31m", "\ufeff", "\r", "\n\n", "\t"]),
    st.sampled_from(["\U0001f1f7\U0001f1fa", "\U0001f680", "Калибр", "화성-17", "中国", "\u0645\u0635\u0631"]),
    st.sampled_from(["Russia", "fired", "Kalibr", "missiles", "on Thursday", "in the Sea of Japan", "."]),
    st.integers(1, 10_000).map(lambda n: "x" * n),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(parts=st.lists(HOSTILE, min_size=1, max_size=12))
def test_hostile_text_never_crashes_and_offsets_slice(nlp, parts):
    text = " ".join(parts)
    results = list(extract(nlp, [Article("fuzz", text, date(2022, 4, 15))], piece_chars=4000))
    for result in results:
        for row in result.mentions:
            assert text[int(row["start"]) : int(row["end"])] == row["text"]
        for row in result.events:
            assert text[int(row["start"]) : int(row["end"])] == row["sentence"]


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab "), max_size=8))
def test_formula_escape_round_trips_and_never_leaves_a_formula(value):
    escaped = escape_formula(value)
    assert unescape_formula(escaped) == value
    assert not escaped.startswith(FORMULA_STARTS)

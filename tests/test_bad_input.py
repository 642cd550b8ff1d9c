"""Bad input: every class gets a clear message naming the file (and line), the rest of the batch
is still processed, and problems land in OUTDIR/errors.csv. One CLI run over a folder holding
one file of each kind, plus a JSONL file; each test checks one class."""

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.table import TableWriter, unescape_formula

GOOD = "Iran test-fired a Khorramshahr ballistic missile on Saturday, state television reported.\n"


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf8", newline="") as fh:
        return [{k: unescape_formula(v) for k, v in row.items()} for row in csv.DictReader(fh)]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Build the bad corpus, run `newsevents extract` once, and return what it left."""
    root = tmp_path_factory.mktemp("bad")
    folder = root / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\t\n", encoding="utf8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "legacy.txt").write_bytes("Iran\u2019s Guards test-fired a Sejjil missile on Friday \u2014 caf\u00e9.\n".encode("cp1252"))
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("Iran", "Pakistan").replace("Khorramshahr", "Babur").encode("utf8"))
    (folder / "crlf.txt").write_bytes("North Korea fired a Hwasong-17 missile.\r\nJapan condemned the launch.\r\n".encode("utf8"))
    (folder / "locked.txt").write_text(GOOD, encoding="utf8")
    (folder / "metadata.csv").write_text(
        "doc_id,published,source,url,title\n"
        "good,2017-09-23,,,\n"
        "legacy,2017-13-45,,,\n"
        "bom,2999-01-01,,,\n"
        "ghost,2020-01-01,,,\n",
        encoding="utf8",
    )
    jsonl = root / "more.jsonl"
    jsonl.write_text(
        "\n".join([
            json.dumps({"doc_id": "j1", "text": "China held drills near Taiwan on Monday.", "published": "2022-08-08"}),
            "{broken",
            json.dumps({"doc_id": "j3", "title": "no text here"}),
            json.dumps({"doc_id": "good", "text": "A second article with an id already used."}),
            json.dumps({"doc_id": "j5", "text": "Lone \ud800 surrogate: Russia launched a Kalibr missile."}),
        ]) + "\n",
        encoding="utf8",
    )
    out = root / "out"
    real_read_bytes = Path.read_bytes

    def read_bytes(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(path)

    mp = pytest.MonkeyPatch()
    mp.setattr(Path, "read_bytes", read_bytes)  # as root, chmod cannot make a file unreadable
    try:
        result = CliRunner().invoke(main, ["extract", str(folder), str(jsonl), "-o", str(out)])
    finally:
        mp.undo()
    return {
        "result": result,
        "folder": folder,
        "jsonl": jsonl,
        "errors": read_csv(out / "errors.csv"),
        "events": read_csv(out / "events.csv"),
        "mentions": read_csv(out / "mentions.csv"),
    }


def problem(run, fragment):
    found = [e for e in run["errors"] if fragment in e["message"]]
    assert found, [e["message"] for e in run["errors"]]
    assert fragment in run["result"].output  # also on stderr
    return found[0]


def processed(run):
    return {row["doc_id"] for row in run["mentions"]}


def test_some_articles_skipped_gives_exit_status_1(run):
    assert run["result"].exit_code == 1, run["result"].output


def test_good_articles_of_the_batch_are_processed(run):
    assert {"good", "legacy", "bom", "crlf", "j1", "j5"} <= processed(run)


def test_empty_file(run):
    e = problem(run, "empty.txt: empty file")
    assert (e["severity"], e["doc_id"]) == ("error", "empty")


def test_whitespace_only_file(run):
    assert problem(run, "blank.txt: no text")["severity"] == "error"


def test_binary_file(run):
    assert problem(run, "binary.txt: binary file")["severity"] == "error"


def test_legacy_encoding_is_decoded_with_a_warning(run):
    assert problem(run, "legacy.txt: not UTF-8; decoded as cp1252")["severity"] == "warning"
    text = (run["folder"] / "legacy.txt").read_bytes().decode("cp1252")
    for row in run["mentions"]:
        if row["doc_id"] == "legacy":
            assert text[int(row["start"]) : int(row["end"])] == row["text"]
    assert any(r["doc_id"] == "legacy" and r["weapon"] == "Sejjil" for r in run["events"])


def test_utf8_bom_is_dropped(run):
    (row,) = [r for r in run["events"] if r["doc_id"] == "bom"]
    assert row["sentence"].startswith("Pakistan") and row["start"] == "0"


def test_windows_line_endings(run):
    rows = [r for r in run["events"] if r["doc_id"] == "crlf"]
    assert {r["event_type"] for r in rows} == {"weapons_test", "protest"}
    assert all("\r" not in r["sentence"] for r in rows)


def test_unreadable_file(run):
    e = problem(run, "locked.txt: cannot read (Permission denied)")
    assert e["severity"] == "error"


def test_metadata_with_an_invalid_date(run):
    e = problem(run, "invalid published date '2017-13-45'")
    assert (e["line"], e["severity"]) == ("3", "warning")


def test_metadata_with_a_future_date(run):
    e = problem(run, "published date 2999-01-01 is in the future")
    assert e["line"] == "4"


def test_metadata_naming_a_missing_file(run):
    e = problem(run, "metadata for 'ghost', but there is no ghost.txt")
    assert e["line"] == "5"


def test_malformed_jsonl_line(run):
    e = problem(run, "more.jsonl, line 2: invalid JSON")
    assert e["line"] == "2"


def test_jsonl_record_without_text(run):
    assert problem(run, 'more.jsonl, line 3: no "text" field')["line"] == "3"


def test_duplicate_doc_id(run):
    e = problem(run, "more.jsonl, line 4: doc_id 'good' was already used by")
    assert e["severity"] == "error"
    assert [r["sentence"] for r in run["events"] if r["doc_id"] == "good"][0].startswith("Iran")


def test_lone_surrogate_is_replaced_keeping_offsets(run):
    assert any(r["doc_id"] == "j5" and r["weapon"] == "Kalibr" for r in run["events"])


def test_strict_stops_at_the_first_problem(run, tmp_path):
    result = CliRunner().invoke(main, ["extract", str(run["folder"]), "-o", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == 1
    assert "stopped at the first problem (--strict)" in result.output
    assert not (tmp_path / "out" / "events.csv").exists()


def test_formula_like_cells_are_escaped(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"doc_id": "=cmd", "text": "=HYPERLINK(\"x\") Russia fired a Kalibr missile."}) + "\n")
    result = CliRunner().invoke(main, ["extract", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    raw = (tmp_path / "out" / "events.csv").read_text(encoding="utf8").splitlines()[1]
    assert raw.startswith("'=cmd,'=cmd#1,") and "'=HYPERLINK" in raw


def test_a_new_table_writer_removes_what_a_killed_run_left(tmp_path):
    stale = tmp_path / ".events.csv.abc123.tmp"
    stale.write_text("half a table", encoding="utf8")
    other = tmp_path / ".mentions.csv.abc123.tmp"
    other.write_text("another table's", encoding="utf8")
    writer = TableWriter(tmp_path / "events.csv", ["doc_id"])
    writer.write([{"doc_id": "a1"}])
    writer.commit()
    assert not stale.exists()
    assert other.exists()
    assert (tmp_path / "events.csv").read_text(encoding="utf8") == "doc_id\na1\n"

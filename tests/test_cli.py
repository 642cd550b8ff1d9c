"""End-to-end: the real CLI on the real corpus, and its one-line errors."""

import csv
import json

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.schema import EVENT_COLUMNS, MENTION_COLUMNS
from pipeline.table import unescape_formula


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result


def test_extract_regenerates_the_committed_tables_byte_for_byte(root, tmp_path):
    result = run("extract", root / "corpus", "-o", tmp_path, "--quiet")
    assert result.exit_code == 0, result.output
    for name in ("events.csv", "mentions.csv"):
        assert (tmp_path / name).read_bytes() == (root / "outputs" / name).read_bytes(), name


def test_output_columns_follow_the_spec(root):
    with open(root / "outputs" / "events.csv", encoding="utf8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert tuple(reader.fieldnames) == EVENT_COLUMNS
    assert rows and all(r["event_id"].startswith(r["doc_id"] + "#") for r in rows)
    with open(root / "outputs" / "mentions.csv", encoding="utf8") as fh:
        assert tuple(csv.DictReader(fh).fieldnames) == MENTION_COLUMNS


def test_mention_offsets_slice_the_article(root):
    texts = {p.stem: p.read_text(encoding="utf8") for p in (root / "corpus").glob("*.txt")}
    with open(root / "outputs" / "mentions.csv", encoding="utf8") as fh:
        for row in csv.DictReader(fh):
            assert texts[row["doc_id"]][int(row["start"]) : int(row["end"])] == unescape_formula(row["text"])


def test_event_sentence_offsets_slice_the_article(root):
    texts = {p.stem: p.read_text(encoding="utf8") for p in (root / "corpus").glob("*.txt")}
    with open(root / "outputs" / "events.csv", encoding="utf8") as fh:
        for row in csv.DictReader(fh):
            assert texts[row["doc_id"]][int(row["start"]) : int(row["end"])] == unescape_formula(row["sentence"])


def test_jsonl_input_with_a_bad_line_processes_the_rest(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        json.dumps({"doc_id": "a", "text": "Iran test-fired a Khorramshahr missile on Saturday.", "published": "2017-09-23"})
        + "\n{not json\n"
        + json.dumps({"text": "North Korea fired a ballistic missile over Hokkaido."})
        + "\n",
        encoding="utf8",
    )
    result = run("extract", corpus, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "in.jsonl, line 2: invalid JSON" in result.output
    with open(tmp_path / "out" / "events.csv", encoding="utf8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["doc_id"] for r in rows} == {"a", "3"}  # a missing doc_id becomes the line number
    assert next(r for r in rows if r["doc_id"] == "a")["date"] == "2017-09-23"


def test_relative_date_without_publication_date_keeps_its_text(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"doc_id": "x", "text": "Iran test-fired a Khorramshahr missile on Saturday."}) + "\n")
    result = run("extract", corpus, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert result.output.count("x: no publication date") == 1
    with open(tmp_path / "out" / "events.csv", encoding="utf8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert (row["date"], row["date_text"]) == ("", "on Saturday")


def one_line_error(result, *fragments):
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_missing_input_is_a_one_line_error(tmp_path):
    one_line_error(run("extract", tmp_path / "nope", "-o", tmp_path / "out"), "nope", "no such file")
    assert not (tmp_path / "out").exists()


def test_empty_folder_is_a_one_line_error(tmp_path):
    (tmp_path / "empty").mkdir()
    one_line_error(run("extract", tmp_path / "empty", "-o", tmp_path / "out"), "empty", "no .txt articles")
    assert not (tmp_path / "out").exists()


def test_unsupported_input_is_a_one_line_error(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    one_line_error(run("extract", tmp_path / "a.pdf", "-o", tmp_path / "out"), "a.pdf", "unsupported input")


def test_gold_with_a_wrong_column_is_a_one_line_error(root, tmp_path):
    gold = tmp_path / "gold.csv"
    text = (root / "corpus" / "gold" / "events.csv").read_text(encoding="utf8")
    gold.write_text(text.replace("event_type", "type", 1), encoding="utf8")
    one_line_error(
        run("evaluate", "--gold", gold, "--pred", root / "outputs" / "events.csv"), "gold.csv", "missing column(s) event_type"
    )


def test_evaluate_prints_entity_and_event_figures(root):
    result = run("evaluate", "--gold", root / "corpus" / "gold" / "events.csv", "--pred", root / "outputs" / "events.csv")
    assert result.exit_code == 0
    assert "entity-level macro F1" in result.output and "event-argument F1" in result.output
    assert "misses (" in result.output


def test_evaluate_json_meets_the_founding_articles_bar(root):
    result = run(
        "evaluate", "--gold", root / "corpus" / "gold" / "events.csv", "--pred", root / "outputs" / "events.csv", "--format", "json"
    )
    figures = json.loads(result.output)
    assert figures["entity_macro_f1"] >= 0.80
    assert figures["arguments"]["f1"] >= 0.50


def test_evaluate_markdown_is_a_table(root):
    result = run(
        "evaluate", "--gold", root / "corpus" / "gold" / "events.csv", "--pred", root / "outputs" / "events.csv", "--format", "markdown"
    )
    assert "| level | field | P | R | F1 |" in result.output


def test_unexpected_errors_are_one_line_unless_debug(root, tmp_path, monkeypatch):
    from pipeline import runner

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(runner, "run", boom)
    result = run("extract", root / "corpus", "-o", tmp_path)
    one_line_error(result, "unexpected RuntimeError: boom", "--debug")
    result = CliRunner().invoke(main, ["--debug", "extract", str(root / "corpus"), "-o", str(tmp_path)])
    assert isinstance(result.exception, RuntimeError)


def test_every_command_help_shows_an_example():
    for command in ("extract", "evaluate", "report", "figures", "bench"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example:" in result.output, command

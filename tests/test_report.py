"""The HTML report and the PNG figures; one test opens the report in headless Chromium."""

import csv
import json
import os
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from pipeline.cli import main

HOSTILE = 'Russia test-fired a Kalibr missile. <script>document.title="pwned"</script> <img src=x onerror="alert(1)">'


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def outdir(root, tmp_path_factory):
    """The shipped corpus plus an article carrying markup, extracted and reported with the gold file."""
    out = tmp_path_factory.mktemp("report")
    corpus = out / "in.jsonl"
    lines = [json.dumps({"doc_id": p.stem, "text": p.read_text(encoding="utf8"), "published": pub})
             for p, pub in zip(sorted((root / "corpus").glob("*.txt")), ("2022-04-15", "2023-02-13"))]
    lines.append(json.dumps({"doc_id": "markup", "text": HOSTILE, "published": "2022-04-15"}))
    corpus.write_text("\n".join(lines) + "\n", encoding="utf8")
    invoke("extract", corpus, "-o", out / "out", "--quiet")
    invoke("report", out / "out", "--gold", root / "corpus" / "gold" / "events.csv")
    return out / "out"


def events_count(outdir):
    with open(outdir / "events.csv", encoding="utf8") as fh:
        return len(list(csv.DictReader(fh)))


def test_report_has_a_row_per_event_and_the_figures(outdir):
    page = (outdir / "report.html").read_text(encoding="utf8")
    assert page.count('<tr class="event">') == events_count(outdir)
    for element in ('id="timeline"', 'id="map"', 'id="field-bars"', 'id="type-bars"'):
        assert element in page
    assert "Misses (" in page


def test_report_needs_no_network(outdir):
    page = (outdir / "report.html").read_text(encoding="utf8")
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_article_text_is_escaped(outdir):
    page = (outdir / "report.html").read_text(encoding="utf8")
    assert '<script>document.title="pwned"</script>' not in page
    assert "&lt;script&gt;" in page and "<img src=x" not in page


def test_figures_are_written_as_png_files(outdir, root):
    invoke("figures", outdir, "--gold", root / "corpus" / "gold" / "events.csv")
    names = sorted(p.name for p in (outdir / "figures").iterdir())
    assert names == ["field-f1.png", "map.png", "timeline.png", "type-f1.png"]
    assert all((outdir / "figures" / n).read_bytes().startswith(b"\x89PNG") for n in names)


def chromium():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; `make test` installs Debian's chromium")
        pytest.skip("chromium is not installed (make test installs it)")
    return path


def headless(browser, tmp_path, *args):
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
    ]
    return subprocess.run([browser, *flags, *args], capture_output=True, text=True, timeout=120)


def test_report_renders_in_a_browser(outdir, tmp_path):
    browser = chromium()
    url = (outdir / "report.html").resolve().as_uri()
    dom = headless(browser, tmp_path, "--virtual-time-budget=3000", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == [], console
    assert dom.stdout.count('<tr class="event">') == events_count(outdir)
    assert re.search(r'<img id="timeline"[^>]+src="data:image/png;base64,', dom.stdout)
    assert re.search(r'<img id="map"[^>]+src="data:image/png;base64,', dom.stdout)
    assert "<title>newsevents report</title>" in dom.stdout  # the article's <script> did not run
    shot = outdir / "report.png"
    picture = headless(browser, tmp_path, "--window-size=1280,2400", f"--screenshot={shot}", url)
    assert picture.returncode == 0 and shot.read_bytes().startswith(b"\x89PNG")

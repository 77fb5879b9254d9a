"""Bad input: every kind of file either parses or gives a one-line error naming the file; nothing is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nato_viewer.core.batch import parse_many, parse_one
from nato_viewer.core.loader import LoadError, front_matter, load, load_bytes
from nato_viewer.core.model import Document, ParseError

FR = "Les ministres de la Défense se sont réunis jeudi 15 février 2024 à Bruxelles. « Nous soutenons l’Ukraine », a déclaré M. Dupont."


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nato_viewer", *args], capture_output=True, text=True, timeout=300)


def test_empty_file_is_a_clear_error(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    result = parse_one(str(f))
    assert isinstance(result, ParseError) and result.message == "empty file"


def test_binary_file_is_refused(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(LoadError, match="binary"):
        load(f)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-8-sig", "utf-16"])
def test_legacy_encodings_decode(tmp_path, encoding):
    text = FR.replace("’", "'") if encoding == "latin-1" else FR
    f = tmp_path / f"doc-{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    doc = parse_one(str(f))
    assert isinstance(doc, Document), doc
    assert "Défense" in doc.text and doc.language == "fr"


def test_html_markup_is_masked_but_offsets_stay_in_the_file(tmp_path):
    html = "<html><body><p>" + FR + "</p><script>alert('x')</script></body></html>"
    raw = load_bytes("x.html", html.encode())
    assert raw.is_html and len(raw.scan) == len(raw.text)
    assert "<script>" not in raw.scan and "alert" not in raw.scan
    assert raw.scan.index("Les ministres") == raw.text.index("Les ministres")


def test_front_matter_gives_date_and_title_and_keeps_spans(tmp_path):
    text = '---\ntitle: "Readout of a call"\ndate: 2023-02-22\n---\n\nThe President spoke today with allies.\n'
    values, spans, body = front_matter(text)
    assert values["title"] == "Readout of a call" and values["date"] == "2023-02-22"
    assert text[spans["title"][0]:spans["title"][1]] == "Readout of a call"
    assert text[body:].lstrip().startswith("The President")
    f = tmp_path / "call.md"
    f.write_text(text, encoding="utf-8")
    doc = parse_one(str(f))
    assert doc.date == "2023-02-22" and doc.title == "Readout of a call"


def test_front_matter_key_with_no_value_is_empty_not_an_error(tmp_path):
    f = tmp_path / "empty-title.md"
    f.write_text("---\ntitle:\ndate: 2024-02-15\n---\nLes ministres se sont réunis à Bruxelles.\n", encoding="utf-8")
    doc = parse_one(str(f))
    assert isinstance(doc, Document), doc
    assert doc.date == "2024-02-15" and doc.title.startswith("Les ministres")


def test_missing_and_unreadable_files(tmp_path):
    gone = parse_one(str(tmp_path / "gone.txt"))
    assert isinstance(gone, ParseError) and "not found" in gone.message
    if os.geteuid() != 0:  # root reads everything
        f = tmp_path / "secret.txt"
        f.write_text(FR)
        f.chmod(0)
        assert "permission" in parse_one(str(f)).message


def test_huge_file_parses_or_fails_cleanly(tmp_path):
    f = tmp_path / "huge.txt"
    paragraph = (FR + "\n") * 2
    f.write_text(paragraph * (20_000_000 // len(paragraph.encode())), encoding="utf-8")
    assert f.stat().st_size > 19_000_000
    result = parse_one(str(f))
    assert isinstance(result, (Document, ParseError))
    if isinstance(result, Document):
        assert len(result.text) > 10_000_000


def test_a_batch_goes_on_after_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "d.txt").write_text(FR, encoding="utf-8")
    results = list(parse_many(sorted(str(p) for p in tmp_path.iterdir()), workers=2, chunk=1))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Document", "ParseError", "ParseError", "Document"]


def test_cli_reports_each_bad_file_in_one_line_and_in_json(tmp_path):
    (tmp_path / "good.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00" * 1000)
    proc = run_cli("parse", str(tmp_path), str(tmp_path / "vanished.txt"), "--format", "json")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 3 and all(line.startswith("nato-viewer: ") for line in lines)
    data = json.loads(proc.stdout)
    assert [Path(d["path"]).name for d in data["documents"]] == ["good.txt"]
    assert sorted(Path(e["path"]).name for e in data["errors"]) == ["bin.txt", "empty.txt", "vanished.txt"]


def test_cli_usage_error_exits_2():
    proc = run_cli("parse", "--format", "xml", "x")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_folder_of_many_files(tmp_path):
    for i in range(300):
        (tmp_path / f"n{i:05}.txt").write_text(f"Item {i}. NATO Allies met on 1 March 2024.", encoding="utf-8")
    proc = run_cli("parse", "-q", str(tmp_path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["documents"]) == 300

"""The briefing on paper: PDFs rendered offscreen, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402

from nato_viewer.core import formatting as fmt  # noqa: E402
from nato_viewer.core.briefing import briefing_from_documents
from nato_viewer.core.i18n import use_language  # noqa: E402
from nato_viewer.core.model import EVENT_KINDS, PRECISIONS, Document, Event, Figure  # noqa: E402
from nato_viewer.qt import printing  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 3, 2)
A4 = (595.3, 841.9)
LETTER = (612.0, 792.0)


def _seed_files() -> list[Path]:
    for folder in (ROOT / "seeds", ROOT.parent / "shared" / "seeds"):
        files = sorted(folder.glob("*.txt"))
        if files:
            return files
    return []


@pytest.fixture
def seed_docs():
    from nato_viewer.core.parsing.pipeline import parse_file

    files = _seed_files()
    if not files:
        pytest.skip("no seed documents (seeds/ or ../shared/seeds)")
    return [parse_file(f) for f in files]


def flat(text: str) -> str:
    """Extracted PDF text with every run of spaces (tabs, no-break spaces) as one space."""
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\xa0", " ")).strip()


def pdf_pages(path: Path) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(str(path)).pages]


def png_bytes(width: int = 60, height: int = 20) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_seed_briefing_pdf_in_each_language(qapp, tmp_path, seed_docs, lang):
    briefing = briefing_from_documents(seed_docs, lang, today=TODAY)
    out = tmp_path / f"seed-{lang}.pdf"
    pages = printing.write_pdf(briefing, out, timeline_png=png_bytes())
    reader = PdfReader(str(out))
    assert len(reader.pages) == pages >= 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4 if lang == "fr" else LETTER, abs=1)
    assert reader.metadata.title == briefing.title
    assert len(reader.pages[0].images) == 1  # the timeline figure
    text = " ".join(pdf_pages(out))

    speakers = {q.speaker for d in seed_docs for q in d.quotes if q.speaker}
    assert "Jens Stoltenberg" in speakers
    for speaker in speakers:
        assert speaker in text
    assert ("15 février 2024" if lang == "fr" else "February 15, 2024") in text
    assert ("Finlande" if lang == "fr" else "Finland") in text
    assert ("Norvège" if lang == "fr" else "Norway") in text
    assert ("600 milliards de dollars" if lang == "fr" else "$600 billion") in text
    assert ("10 milliards de dollars" if lang == "fr" else "$10 billion") in text
    for doc in seed_docs:
        for figure in doc.figures:
            with use_language(lang):
                assert flat(fmt.format_figure(figure, lang)) in text
        assert doc.name in text
    assert flat(briefing.printed_text) in text


def _long_tables_doc() -> Document:
    """One event with forty figures whose source wording wraps over several lines."""
    doc = Document(path="/data/long.txt", text="x", language="en", date="2024-05-01", title="Many figures")
    event = Event(id="e1", kind="contract", start="2024-05-01", end=None, precision="day",
                  title="Contracts signed", summary="Contracts were signed.", span=(0, 1), main=True)
    doc.events = [event]
    for i in range(40):
        words = f"row{i:02d} " + " ".join(f"lot{i:02d}w{j}" for j in range(24 + i % 9))
        doc.figures.append(Figure(id=f"f{i}", kind="money", value=(i + 1) * 1e6, unit="EUR", text=words,
                                  span=(i, i + 1), event_id="e1"))
        event.figure_ids.append(f"f{i}")
    return doc


def test_table_rows_are_never_split_across_pages(qapp, tmp_path):
    briefing = briefing_from_documents([_long_tables_doc()], "en", today=TODAY)
    out = tmp_path / "long.pdf"
    pages = printing.write_pdf(briefing, out)
    assert pages >= 3
    texts = pdf_pages(out)
    for figure in briefing.events[0].figures:
        cell = flat(figure.as_written)
        holding = [n for n, t in enumerate(texts) if cell in t]
        assert len(holding) == 1, f"{cell[:12]} is cut across pages"
        # the row's two cells are on the same page
        assert flat(figure.value_text) in texts[holding[0]]
    for text in texts:
        if "row" in text:  # a page holding rows of the table shows its header
            assert "Figure As written in the source" in text


def test_every_page_has_the_footer(qapp, tmp_path):
    briefing = briefing_from_documents([_long_tables_doc()], "en", title="Contracts <b>2024</b> & co",
                                       today=TODAY)
    out = tmp_path / "footer.pdf"
    pages = printing.write_pdf(briefing, out)
    texts = pdf_pages(out)
    assert len(texts) == pages
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {pages}" in text
        assert "March 2, 2026" in text
        assert "Contracts <b>2024</b> & co" in text  # the title, printed as text and never as markup


def test_printer_path_gives_the_same_pages(qapp, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    briefing = briefing_from_documents([_long_tables_doc()], "fr", today=TODAY)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setPageLayout(printing.page_layout("fr"))
    pages = printing.render(printer, briefing)
    del printer
    reader = PdfReader(str(tmp_path / "printer.pdf"))
    assert len(reader.pages) == pages
    assert pages == printing.write_pdf(briefing, tmp_path / "writer.pdf")
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=1)


def test_pagination_never_cuts_inside_a_line_or_row(qapp):
    briefing = briefing_from_documents([_long_tables_doc()], "en", today=TODAY)
    doc = printing.build_document(briefing)
    rules = printing.cut_rules(doc)
    pages = printing.paginate(doc, 700)
    assert len(pages) >= 3
    assert pages[0].top == 0 and pages[-1].bottom == pytest.approx(rules.height)
    for page, following in zip(pages, pages[1:]):
        assert page.bottom == following.top
        assert not any(a < page.bottom < b for a, b in rules.keep)
    assert all(p.bottom - p.top + p.header_height <= 700 for p in pages)
    # pages that go on with the figures table start with its header row again
    assert pages[0].header is None and all(p.header is not None for p in pages[1:-1])


def test_writing_into_a_missing_folder_is_a_clear_error(qapp, tmp_path):
    briefing = briefing_from_documents([_long_tables_doc()], "en", today=TODAY)
    with pytest.raises(printing.PrintError, match="does not exist"):
        printing.write_pdf(briefing, tmp_path / "nowhere" / "b.pdf")
    (tmp_path / "taken.pdf").mkdir()  # a folder where the file should go
    with pytest.raises(printing.PrintError, match="could not be written"):
        printing.write_pdf(briefing, tmp_path / "taken.pdf")


def test_timeline_figure_is_drawn_on_white(qapp):
    if importlib.util.find_spec("nato_viewer.qt.timeline") is None:
        pytest.skip("the timeline plot is not there")
    days = np.array([19768, 19768, 19700, 20088], dtype=np.float64) * 86400
    arrays = SimpleNamespace(
        ids=np.arange(4, dtype=np.int64), start=days, end=days + 86400,
        lane=np.array([EVENT_KINDS.index(k) for k in ("meeting", "pledge", "contract", "projection")], np.int8),
        precision=np.array([PRECISIONS.index("day")] * 4, np.int8),
    )
    png = printing.render_timeline_png(arrays, "fr", scale=2)
    image = QImage.fromData(png)
    w, h = printing.timeline_size_px("fr")
    assert (image.width(), image.height()) == (w * 2, h * 2)
    assert image.pixelColor(2, 2) == QColor("white")
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 10  # something was drawn on it
    assert printing.render_timeline_png(SimpleNamespace(ids=np.empty(0)), "fr") is None


# --------------------------------------------------------------------------- the command line


needs_store = pytest.mark.skipif(importlib.util.find_spec("nato_viewer.core.store") is None,
                                 reason="the library (core/store.py) is not there")


@needs_store
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_cli_briefs_the_seed(qapp, tmp_path, capsys, lang):
    from nato_viewer.cli import main

    files = _seed_files()
    if not files:
        pytest.skip("no seed documents")
    out = tmp_path / "b.pdf"
    assert main(["brief", *map(str, files), "--lang", lang, "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    reader = PdfReader(str(out))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4 if lang == "fr" else LETTER, abs=1)
    assert len(reader.pages[0].images) == 1  # the timeline
    text = " ".join(pdf_pages(out))
    assert "Jens Stoltenberg" in text
    assert ("Finlande" if lang == "fr" else "Finland") in text
    assert ("15 février 2024" if lang == "fr" else "February 15, 2024") in text


@needs_store
def test_cli_runs_without_a_display(tmp_path):
    """A separate process with no DISPLAY and no QT_QPA_PLATFORM: brief must choose offscreen itself."""
    import subprocess
    import sys

    files = _seed_files()
    if not files:
        pytest.skip("no seed documents")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "b.pdf"
    done = subprocess.run([sys.executable, "-m", "nato_viewer", "brief", *map(str, files), "--lang", "en",
                           "-o", str(out)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert len(PdfReader(str(out)).pages) >= 1
    assert "Jens Stoltenberg" in " ".join(pdf_pages(out))


@needs_store
def test_cli_html_and_query(qapp, tmp_path):
    from nato_viewer.cli import main

    files = _seed_files()
    if not files:
        pytest.skip("no seed documents")
    out = tmp_path / "b.html"
    assert main(["brief", *map(str, files), "--lang", "en", "--query", "Ukraine", "--country", "fi",
                 "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "data:image/png;base64," in page
    assert "Finland" in page and "Search: “Ukraine”; country: Finland" in page


@needs_store
def test_cli_bad_input_is_a_message_and_writes_nothing(qapp, tmp_path, capsys):
    from nato_viewer.cli import main

    out = tmp_path / "b.pdf"
    files = [str(f) for f in _seed_files()] or [str(tmp_path)]
    assert main(["brief", *files, "--from", "last tuesday", "-o", str(out)]) == 2
    assert "not a date" in capsys.readouterr().err
    assert main(["brief", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["brief", *files, "-o", str(tmp_path / "no" / "b.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["brief", *files, "--query", "zzzyxxqq", "-o", str(out)]) == 1
    assert "no event matches" in capsys.readouterr().err
    assert not out.exists()


# --------------------------------------------------------------------------- the app's actions


@pytest.fixture
def seed_library(tmp_path):
    if importlib.util.find_spec("nato_viewer.core.store") is None:
        pytest.skip("the library (core/store.py) is not there")
    from nato_viewer.core.store import Library

    files = _seed_files()
    if not files:
        pytest.skip("no seed documents")
    library = Library(tmp_path / "lib.sqlite3")
    library.index([str(f) for f in files], workers=1)
    yield library
    library.close()


def test_print_preview_paints_the_briefing(qapp, monkeypatch, seed_library):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    from nato_viewer.core.briefing import BriefingRequest

    seen = {}

    def fake_exec(dialog):  # the modal loop replaced by a look at what it would show
        from PySide6.QtWidgets import QLineEdit

        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        seen["pages"] = preview.pageCount()
        seen["title"] = dialog.windowTitle()
        edit = dialog.findChild(QLineEdit, "briefingTitle")
        seen["field"] = edit.text()
        edit.setText("Retitled & <b>bold</b>")  # the user edits the title in the preview
        edit.editingFinished.emit()
        seen["retitled"] = dialog.windowTitle()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    ids = seed_library.all_event_ids()
    request = BriefingRequest(ids, title="Seed <briefing>", query="all", lang="en")
    assert printing.print_preview(None, request, seed_library) is False
    assert seen["pages"] >= 1
    assert "Seed <briefing>" in seen["title"]
    assert seen["field"] == "Seed <briefing>"
    assert "Retitled & <b>bold</b>" in seen["retitled"]


def test_export_pdf_writes_the_selection_and_reports_failures(qapp, tmp_path, monkeypatch, seed_library):
    from PySide6.QtWidgets import QMessageBox

    from nato_viewer.core.briefing import BriefingRequest

    ids = seed_library.all_event_ids()[:3]
    gone = max(seed_library.all_event_ids()) + 1000  # an id no longer in the library is left out
    request = BriefingRequest([*ids, gone], title="Three events", query="selection", lang="fr")
    out = tmp_path / "three.pdf"
    assert printing.export_pdf(None, request, seed_library, str(out)) == str(out)
    text = " ".join(pdf_pages(out))
    assert "Three events" in text
    from nato_viewer.core.briefing import briefing_from_library

    assert flat(briefing_from_library(seed_library, request).counts_text()) in text  # 3 events, not 4
    assert len(briefing_from_library(seed_library, request).events) == 3
    rows = seed_library.event_rows(ids)
    for row in rows:  # (headings capitalise the date: "Ces derniers mois")
        with use_language("fr"):
            assert flat(fmt.format_event_date(row.start, row.end, row.precision, "fr")).lower() in text.lower()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    assert printing.export_pdf(None, request, seed_library, str(tmp_path / "missing" / "x.pdf")) is None
    assert warnings and "missing" in warnings[0]


def test_print_dialog_prints_on_the_chosen_printer(qapp, tmp_path, monkeypatch, seed_library):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from nato_viewer.core.briefing import BriefingRequest

    made = []

    def pdf_printer(request, title):  # a printer that prints into a file instead of a real device
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        printer.setPageLayout(printing.page_layout(request.lang))
        made.append(printer)
        return printer

    monkeypatch.setattr(printing, "_printer", pdf_printer)
    request = BriefingRequest(seed_library.all_event_ids(), title="Printed", lang="en")
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: 0)  # the user cancels
    assert printing.print_dialog(None, request, seed_library) is False
    assert not (tmp_path / "printed.pdf").exists()
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: 1)  # the user prints
    assert printing.print_dialog(None, request, seed_library) is True
    made.clear()
    reader = PdfReader(str(tmp_path / "printed.pdf"))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(LETTER, abs=1)
    assert "Printed" in flat(reader.pages[0].extract_text())

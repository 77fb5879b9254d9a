"""The briefing on paper: QTextDocument laid out once, cut into pages by us, each page painted with its footer.

QTextDocument has no footer and splits table rows across pages, so the document is laid out as one
long column at 96 dpi and cut at positions that fall between lines, between table rows and never just
after a heading; each slice is then painted, scaled to the device, above a footer (title, date, page
numbers). The same painting serves QPdfWriter (export, command line) and QPrinter (print, preview).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPixmap,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from nato_viewer.core.briefing import Briefing, BriefingRequest, briefing_from_library
from nato_viewer.core.briefing_html import FONTS, MUTED, RULE, render_html
from nato_viewer.core.i18n import _, use_language

LAYOUT_DPI = 96  # the document is laid out in CSS pixels, whatever the printer's resolution
PDF_DPI = 1200
# 20 mm at the sides, 18 mm at the top, 20 mm at the bottom: inside the unprintable border of any
# office printer (usually 4-6 mm), with the footer in the bottom margin's upper part.
MARGINS_MM = QMarginsF(20, 18, 20, 14)
FOOTER_MM = 10.0
TIMELINE_URL = "mem:timeline.png"
TIMELINE_HEIGHT_MM = 42.0
SMALL_TABLE_ROWS = 4


class PrintError(Exception):
    """The briefing could not be written (the message is for the user)."""


def page_layout(lang: str) -> QPageLayout:
    """A4 for French, US Letter for English, portrait."""
    size = QPageSize(QPageSize.PageSizeId.A4 if lang == "fr" else QPageSize.PageSizeId.Letter)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter)


def _mm_to_px(mm: float) -> float:
    return mm / 25.4 * LAYOUT_DPI


def content_width_px(lang: str) -> float:
    layout = page_layout(lang)
    return _mm_to_px(layout.paintRect(QPageLayout.Unit.Millimeter).width())


def timeline_size_px(lang: str) -> tuple[int, int]:
    """Size of the timeline figure in layout pixels (the PNG may be drawn at a multiple of it)."""
    return int(content_width_px(lang)), int(_mm_to_px(TIMELINE_HEIGHT_MM))


@dataclass
class Footer:
    title: str
    date_text: str
    page_text: str = "{page} / {pages}"  # in the briefing's language: "Page {page} of {pages}"


class BriefingDocument(QTextDocument):
    """A QTextDocument laid out at LAYOUT_DPI whatever the screen: the pagination is the same everywhere."""

    def __init__(self):
        super().__init__()
        self.setUseDesignMetrics(True)  # resolution-independent advances: the layout holds on a 1200 dpi page
        self.setDocumentMargin(0)
        # The layout keeps a bare pointer to its paint device: the document owns it.
        self._layout_device = QImage(1, 1, QImage.Format.Format_RGB32)
        self._layout_device.setDotsPerMeterX(round(LAYOUT_DPI / 0.0254))
        self._layout_device.setDotsPerMeterY(round(LAYOUT_DPI / 0.0254))
        self.documentLayout().setPaintDevice(self._layout_device)


def build_document(briefing: Briefing, timeline_png: bytes | None = None) -> BriefingDocument:
    """The briefing as a document to paginate, with the timeline figure as an image resource."""
    doc = BriefingDocument()
    font = QFont()
    font.setFamilies([f.strip(" '") for f in FONTS.split(",")])
    doc.setDefaultFont(font)
    src = None
    if timeline_png:
        image = QImage.fromData(timeline_png)
        if not image.isNull():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(TIMELINE_URL), image)
            src = TIMELINE_URL
    doc.setHtml(render_html(briefing, src, timeline_size_px(briefing.lang)))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, briefing.title)
    doc.setTextWidth(content_width_px(briefing.lang))
    return doc


# ---------------------------------------------------------------------------------------------------------
# Pagination


@dataclass
class CutRules:
    keep: list[tuple[float, float]]  # no page break strictly inside one of these
    headers: list[tuple[float, float, float, float]]  # body top, body bottom, header top, header bottom
    height: float


@dataclass
class Slice:
    """One page's part of the document, with the header row of a table it continues, if any."""

    top: float
    bottom: float
    header: tuple[float, float] | None = None

    @property
    def header_height(self) -> float:
        return self.header[1] - self.header[0] if self.header else 0.0


def cut_rules(doc: QTextDocument) -> CutRules:
    """Where the laid-out document may be cut: between lines and table rows, never just after a heading."""
    layout = doc.documentLayout()
    keep: list[tuple[float, float]] = []
    tables: dict[int, dict] = {}
    glue_from: float | None = None  # top of a heading waiting for what follows it
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None:
            cell = table.cellAt(cursor)
            info = tables.setdefault(id(table), {"table": table, "rows": {}})
            if not info["rows"] and glue_from is not None:
                info["glue_from"], glue_from = glue_from, None
            top, bottom = info["rows"].get(cell.row(), (rect.top(), rect.bottom()))
            pad = cell.format().toTableCellFormat()
            info["rows"][cell.row()] = (
                min(top, rect.top() - pad.topPadding()),
                max(bottom, rect.bottom() + pad.bottomPadding()),
            )
        else:
            lines = block.layout()
            spans = []
            for i in range(lines.lineCount()):
                line = lines.lineAt(i).rect()
                spans.append((rect.top() + line.top(), rect.top() + line.bottom()))
            keep.extend(spans)
            first_bottom = spans[0][1] if spans else None
            if len(spans) > 1:
                # No lone first or last line: short paragraphs stay whole, longer ones keep two lines together.
                if len(spans) <= 3:
                    keep.append((spans[0][0], spans[-1][1]))
                else:
                    keep.append((spans[0][0], spans[1][1]))
                    keep.append((spans[-2][0], spans[-1][1]))
            if glue_from is not None and first_bottom is not None:
                keep.append((glue_from, first_bottom))
                glue_from = None
            fmt = block.blockFormat()
            is_rule = fmt.hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)
            if is_rule or (fmt.headingLevel() > 0 and block.text().strip()):
                glue_from = rect.top() if glue_from is None else glue_from
        block = block.next()
    headers = []
    for info in tables.values():
        rows = [span for _row, span in sorted(info["rows"].items())]
        if not rows:
            continue
        # A row runs from the end of the one before it to its own end: breaks fall on row boundaries only.
        for i, (top, bottom) in enumerate(rows):
            keep.append((top if i == 0 else min(top, rows[i - 1][1]), bottom))
        n_header = min(info["table"].format().headerRowCount(), len(rows) - 1)
        keep.append((info.get("glue_from", rows[0][0]), rows[n_header][1]))  # the header stays with a row
        if len(rows) - n_header <= SMALL_TABLE_ROWS:
            keep.append((rows[0][0], rows[-1][1]))  # a short table reads better whole
        if n_header > 0:
            headers.append((rows[n_header - 1][1], rows[-1][1], rows[0][0], rows[n_header - 1][1]))
    keep.sort()
    return CutRules(keep, headers, doc.size().height())


def paginate(doc: QTextDocument, page_height: float) -> list[Slice]:
    """Cut the laid-out document into slices that fit `page_height`, table headers repeated included."""
    rules = cut_rules(doc)
    height = rules.height
    pages: list[Slice] = []
    top = 0.0
    while top < height - 0.5:
        header = next(((ht, hb) for body_top, body_bottom, ht, hb in rules.headers
                       if body_top + 0.5 < top < body_bottom - 0.5), None)
        room = page_height - (header[1] - header[0] if header else 0.0)
        limit = top + room
        if limit >= height:
            pages.append(Slice(top, height, header))
            break
        cut = limit
        # Move the cut up out of every interval that straddles it (intervals may chain).
        moved = True
        while moved:
            moved = False
            for a, b in rules.keep:
                if a >= cut:
                    break
                if a < cut < b and a > top + 1:
                    cut, moved = a, True
        if cut <= top + 1:  # one block taller than a page: it has to be split
            cut = limit
        pages.append(Slice(top, cut, header))
        top = cut
    return pages or [Slice(0.0, max(height, 1.0))]


def paint_pages(device: QPagedPaintDevice, doc: QTextDocument, footer: Footer) -> int:
    """Paint `doc` on `device` page by page with the footer; the number of pages (0: the device would not open).

    The device's page layout is used as it is: page_layout(lang) for a PDF, the user's choice for a printer.
    """
    dpi = device.logicalDpiY()
    scale = dpi / LAYOUT_DPI
    paint_rect = device.pageLayout().paintRectPixels(dpi)
    width = paint_rect.width() / scale
    body_height = paint_rect.height() / scale - _mm_to_px(FOOTER_MM)
    doc.setTextWidth(width)
    pages = paginate(doc, body_height)
    painter = QPainter()
    if not painter.begin(device):
        return 0
    try:
        for number, page in enumerate(pages, 1):
            if number > 1:
                device.newPage()
            if page.header:
                _paint_slice(painter, doc, scale, width, page.header[0], page.header[1], 0.0)
            _paint_slice(painter, doc, scale, width, page.top, page.bottom, page.header_height)
            _paint_footer(painter, footer, number, len(pages), paint_rect.width(), paint_rect.height(), dpi)
    finally:
        painter.end()
    return len(pages)


def _paint_slice(painter: QPainter, doc: QTextDocument, scale: float, width: float, top: float, bottom: float,
                 at: float) -> None:
    """Paint the document's band [top, bottom) at height `at` of the page (layout pixels)."""
    painter.save()
    painter.scale(scale, scale)
    painter.translate(0, at - top)
    clip = QRectF(0, top, width, bottom - top)
    painter.setClipRect(clip)
    doc.drawContents(painter, clip)
    painter.restore()


def _paint_footer(painter: QPainter, footer: Footer, page: int, pages: int, width: float, height: float,
                  dpi: float) -> None:
    """Rule, then title (left), date (centre), page numbers (right) at the foot of the printable area."""
    mm = dpi / 25.4
    font = QFont()
    font.setFamilies([f.strip(" '") for f in FONTS.split(",")])
    font.setPointSizeF(7.5)
    painter.save()
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    line_y = height - 6.5 * mm
    painter.setPen(QPen(QColor(RULE), max(1.0, 0.25 * mm)))
    painter.drawLine(0, int(line_y), int(width), int(line_y))
    painter.setPen(QColor(MUTED))
    box = QRectF(0, line_y + 1.5 * mm, width, metrics.height() * 1.2)
    page_text = footer.page_text.format(page=page, pages=pages)
    third = width / 3
    title = metrics.elidedText(footer.title, Qt.TextElideMode.ElideRight, third * 1.25)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), title)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), footer.date_text)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page_text)
    painter.restore()


# ---------------------------------------------------------------------------------------------------------
# Entry points


def render(device: QPagedPaintDevice, briefing: Briefing, timeline_png: bytes | None = None) -> int:
    """Print the briefing on a PDF writer or a printer; the number of pages. Raises PrintError."""
    with use_language(briefing.lang):
        doc = build_document(briefing, timeline_png)
        footer = Footer(briefing.title, briefing.printed_text, _("Page {page} of {pages}"))
    pages = paint_pages(device, doc, footer)
    if not pages:
        raise PrintError(_("The printer or the file could not be opened for writing."))
    return pages


def write_pdf(briefing: Briefing, path: str | os.PathLike, lang: str | None = None,
              timeline_png: bytes | None = None) -> int:
    """Write the briefing as a PDF file; returns the number of pages. Raises PrintError for the user."""
    if lang and lang != briefing.lang:
        raise ValueError(f"briefing is in {briefing.lang!r}, not {lang!r}")
    path = Path(path)
    if not path.parent.is_dir():
        raise PrintError(_("The folder {folder} does not exist.").format(folder=path.parent))
    cannot = _("{path} could not be written: is the folder writable, or the file open in another program?")
    if path.is_dir() or not os.access(path if path.exists() else path.parent, os.W_OK):
        raise PrintError(cannot.format(path=path))  # found before Qt, which would only warn
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(briefing.title)
    writer.setCreator("nato_viewer")
    writer.setPageLayout(page_layout(briefing.lang))
    try:
        return render(writer, briefing, timeline_png)
    except PrintError:
        raise PrintError(cannot.format(path=path)) from None


def timeline_png(library, event_ids: list[int], lang: str) -> bytes | None:
    """The timeline figure of these library events (None when there are none)."""
    if not event_ids:
        return None
    return render_timeline_png(library.timeline(event_ids), lang)


def render_timeline_png(arrays, lang: str, scale: float = 2.5) -> bytes | None:
    """The app's timeline plot of `arrays` drawn on white, at `scale` times its printed size in pixels.

    Rendered into a pixmap with a device pixel ratio so that lines and labels stay sharp in print
    and keep the size they have on screen (a bigger widget would only shrink the labels).
    """
    try:
        from nato_viewer.qt.timeline import TimelinePlot, png_bytes
    except ImportError:  # the figure is optional: the briefing is complete without it
        return None
    if arrays is None or len(arrays.ids) == 0:
        return None
    w, h = timeline_size_px(lang)
    plot = TimelinePlot(lang, show_overview=False)
    try:
        plot.setStyleSheet("background: white; color: #333;")
        plot.count_label.hide()  # the header already counts the events; the legend needs the width
        plot.resize(w, h)
        plot.set_data(arrays, {})
        plot.ensurePolished()
        pixmap = QPixmap(int(w * scale), int(h * scale))
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(QColor("white"))
        plot.render(pixmap)
        return png_bytes(pixmap)
    finally:
        plot.deleteLater()


# ---------------------------------------------------------------------------------------------------------
# The app's Print, Print preview and Export PDF actions


def _prepare(library, request: BriefingRequest) -> tuple[Briefing, bytes | None]:
    briefing = briefing_from_library(library, request)
    return briefing, timeline_png(library, request.event_ids, request.lang)


def _printer(request: BriefingRequest, title: str):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(request.lang))
    printer.setDocName(title)
    printer.setCreator("nato_viewer")
    return printer


def print_preview(parent, request: BriefingRequest, library) -> bool:
    """Qt's print preview of the briefing; printing from it uses the same pages."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    briefing, png = _prepare(library, request)
    printer = _printer(request, briefing.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_("Print preview — {title}").format(title=briefing.title))
    dialog.paintRequested.connect(lambda device: render(device, briefing, png))
    _add_title_editor(dialog, briefing, printer)
    return bool(dialog.exec())


def _add_title_editor(dialog, briefing: Briefing, printer) -> None:
    """A "Title" field in the preview's toolbar: the sheet is redrawn with the title the user types."""
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar

    toolbar = dialog.findChild(QToolBar)
    preview = dialog.findChild(QPrintPreviewWidget)
    if toolbar is None or preview is None:
        return
    edit = QLineEdit(briefing.title, toolbar)
    edit.setObjectName("briefingTitle")
    edit.setMinimumWidth(260)
    edit.setToolTip(_("Title printed on the briefing"))

    def retitle() -> None:
        title = " ".join(edit.text().split())
        if title and title != briefing.title:
            briefing.title = title
            printer.setDocName(title)
            dialog.setWindowTitle(_("Print preview — {title}").format(title=title))
            preview.updatePreview()

    edit.editingFinished.connect(retitle)
    toolbar.addSeparator()
    toolbar.addWidget(QLabel(_("Title:"), toolbar))
    toolbar.addWidget(edit)


def print_dialog(parent, request: BriefingRequest, library) -> bool:
    """The system print dialog, then print."""
    from PySide6.QtPrintSupport import QPrintDialog

    briefing, png = _prepare(library, request)
    printer = _printer(request, briefing.title)
    dialog = QPrintDialog(printer, parent)
    if not dialog.exec():
        return False
    return _guarded(parent, lambda: render(printer, briefing, png))


def export_pdf(parent, request: BriefingRequest, library, path: str | None = None) -> str | None:
    """Ask where to save (unless `path` is given) and write the PDF; returns the path written."""
    from PySide6.QtWidgets import QFileDialog

    briefing, png = _prepare(library, request)
    if path is None:
        suggested = str(Path.home() / (_safe_file_name(briefing.title) + ".pdf"))
        path, _filter = QFileDialog.getSaveFileName(parent, _("Export PDF"), suggested, _("PDF files (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
    ok = _guarded(parent, lambda: write_pdf(briefing, path, timeline_png=png))
    return path if ok else None


def _guarded(parent, action) -> bool:
    from PySide6.QtWidgets import QMessageBox

    try:
        action()
        return True
    except (PrintError, OSError) as exc:
        QMessageBox.warning(parent, _("The briefing could not be printed"), str(exc))
        return False


def _safe_file_name(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return "-".join(keep.split())[:60] or "briefing"


__all__ = [
    "BriefingDocument",
    "CutRules",
    "Footer",
    "Slice",
    "cut_rules",
    "PrintError",
    "build_document",
    "export_pdf",
    "page_layout",
    "paginate",
    "paint_pages",
    "print_dialog",
    "print_preview",
    "render",
    "timeline_png",
    "write_pdf",
]

"""Adapter from the window's Print / Export PDF actions to the briefing printer (qt/printing.py)."""

from __future__ import annotations


class BriefingPrinter:
    """Binds the library so the window only hands over a BriefingRequest."""

    def __init__(self, library):
        self.library = library

    def print_preview(self, parent, request) -> bool:
        from nato_viewer.qt import printing

        return printing.print_preview(parent, request, self.library)

    def export_pdf(self, parent, request, path: str | None = None) -> str | None:
        from nato_viewer.qt import printing

        return printing.export_pdf(parent, request, self.library, path)

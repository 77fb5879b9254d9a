"""The Qt-free core: parsing, data model, library (SQLite), search and briefing content.

Nothing under this package may import PySide6 or pyqtgraph (tests/core/test_no_qt.py).
"""

"""Indexing in the background: a Python thread running Library.index, reporting to the main thread.

Library.index writes through its own SQLite connection, so the window keeps searching the same
Library meanwhile and sees each document as soon as its transaction commits. Progress is
throttled before it crosses threads, so a 14,000-file run sends a few signals per second, not
one per file. Signals emitted from this thread reach main-thread slots as queued calls.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Signal

PROGRESS_INTERVAL = 0.1  # seconds between two progress signals


class IndexWorker(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # IndexReport (cancelled runs report what they did)
    failed = Signal(str)  # a one-line message

    def __init__(self, library, parent: QObject | None = None):
        super().__init__(parent)
        self._library = library
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._active = False  # true from start() until the run's last signal is sent
        self.paths: list[str] = []
        self.cancelled = False

    def is_running(self) -> bool:
        return self._active

    def start(self, paths: list[str]) -> bool:
        """Index `paths` in the background; False if a run is already going."""
        if self.is_running():
            return False
        if self._thread is not None:
            self._thread.join()  # the previous run has sent its result and is ending
        self.paths = [str(p) for p in paths]
        self._active = True
        self._stop.clear()
        self.cancelled = False
        self._thread = threading.Thread(target=self._run, args=(self.paths,), name="nato-viewer-index", daemon=True)
        self._thread.start()
        return True

    def cancel(self) -> None:
        self.cancelled = True
        self._stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Join the thread (at shutdown); True if it has ended."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self, paths: list[str]) -> None:
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if done >= total or now - last[0] >= PROGRESS_INTERVAL:
                last[0] = now
                self.progress.emit(int(done), int(total))

        try:
            report = self._library.index(paths, progress=progress, should_stop=self._stop.is_set)
        except Exception as error:  # a library or disk failure: reported in the window, never a crash
            self._active = False
            self.failed.emit(str(error) or type(error).__name__)
            return
        self._active = False
        self.finished.emit(report)

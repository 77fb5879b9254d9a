"""Keeps the app alive on PySide6 6.12.0 with Python 3.11, where every call of a Qt method that
returns void gives back None without taking a reference to it (6.11.3 does not).

Each such call lowers None's reference count by one; after some thousands of calls (a few
repaints of the timeline) None is deallocated and Python aborts ("none_dealloc"). Python 3.12+
made None immortal, so the bug only bites before 3.12; other PySide6 versions do not have it.
The fix belongs upstream (or in a version pin); until then the app measures the leak at start
and, if present, gives None back the references PySide6 takes away: its reference count is
raised by a million whenever it falls low. Nothing is allocated for that, and since the
references are never handed back, None cannot be freed at exit either.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1_000_000


def none_refcount_leaks() -> bool:
    """True if calling a void Qt method loses a reference to None in this interpreter."""
    from PySide6.QtGui import QColor

    colour = QColor(0, 0, 0)
    before = sys.getrefcount(None)
    for _ in range(200):
        colour.setAlpha(10)
    return before - sys.getrefcount(None) >= 100


# The same build also drops references to True and False on some paths (seen as "bool_dealloc"
# at exit), so the three singletons are looked after together.
SINGLETONS = (None, True, False)


def _give_references(obj, count: int) -> None:
    # ob_refcnt is the first field of every CPython object: what Py_INCREF does, `count` times
    ctypes.c_ssize_t.from_address(id(obj)).value += count


class NoneReserve:
    """Keeps None's reference count far above what PySide6 can take away between two top-ups."""

    def __init__(self, reserve: int = RESERVE):
        self.reserve = reserve
        self.held = 0  # references given so far

    def top_up(self) -> None:
        if sys.version_info >= (3, 12):
            return  # None, True and False are immortal
        for obj in SINGLETONS:
            if sys.getrefcount(obj) < 2 * self.reserve:
                _give_references(obj, self.reserve)
                if obj is None:
                    self.held += self.reserve


def protect(parent=None, interval_ms: int = 250):
    """If this PySide6 leaks None, start topping up a reserve on a timer; returns the reserve or None."""
    if not none_refcount_leaks():
        return None
    from PySide6.QtCore import QTimer

    reserve = NoneReserve()
    reserve.top_up()
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.timeout.connect(reserve.top_up)
    timer.start()
    reserve.timer = timer
    return reserve

"""The one selection of events, owned by the core and mirrored by every view.

Views never read the selection out of a widget: they call `replace()` when the user
selects something and redraw when `changed` listeners are called. Each change names
its `source` (the view that made it), so that view can skip echoing it back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SelectionChange:
    added: frozenset[int]
    removed: frozenset[int]
    current: int | None  # the event the detail panes show
    previous: int | None
    source: object | None = None


Listener = Callable[[SelectionChange], None]


class Selection:
    def __init__(self) -> None:
        self._ids: list[int] = []
        self._set: set[int] = set()
        self._current: int | None = None
        self._listeners: list[Listener] = []

    # ---- reading -------------------------------------------------------------
    @property
    def ids(self) -> tuple[int, ...]:
        """Selected ids in the order they were given."""
        return tuple(self._ids)

    @property
    def current(self) -> int | None:
        return self._current

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._set

    def __len__(self) -> int:
        return len(self._ids)

    def __bool__(self) -> bool:
        return bool(self._ids)

    # ---- listening -----------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        try:
            self._listeners.remove(listener)
        except ValueError:
            pass

    # ---- changing ------------------------------------------------------------
    def replace(self, ids: Iterable[int], current: int | None = None, source: object | None = None) -> bool:
        """Select exactly `ids`; `current` defaults to the first of them. True if anything changed."""
        new_ids = list(dict.fromkeys(int(i) for i in ids))
        if current is not None and int(current) not in new_ids:
            new_ids.insert(0, int(current))
        new_current = int(current) if current is not None else (new_ids[0] if new_ids else None)
        new_set = set(new_ids)
        if new_set == self._set and new_current == self._current:
            self._ids = new_ids
            return False
        change = SelectionChange(
            added=frozenset(new_set - self._set),
            removed=frozenset(self._set - new_set),
            current=new_current,
            previous=self._current,
            source=source,
        )
        self._ids, self._set, self._current = new_ids, new_set, new_current
        for listener in list(self._listeners):
            listener(change)
        return True

    def select(self, event_id: int, source: object | None = None) -> bool:
        return self.replace([event_id], source=source)

    def clear(self, source: object | None = None) -> bool:
        return self.replace([], source=source)

    def retain(self, visible: Iterable[int], source: object | None = None) -> bool:
        """Drop the selected ids that are not in `visible` (after a search narrowed the list)."""
        if not self._ids:  # nothing to drop: do not walk a result of 100,000 ids per keystroke
            return False
        if isinstance(visible, np.ndarray):
            shown = np.isin(np.asarray(self._ids, dtype=np.int64), visible)
            keep = {i for i, ok in zip(self._ids, shown.tolist(), strict=True) if ok}
        else:
            keep = set(int(i) for i in visible)
        kept = [i for i in self._ids if i in keep]
        if len(kept) == len(self._ids):
            return False
        current = self._current if self._current in keep else None
        return self.replace(kept, current=current, source=source)

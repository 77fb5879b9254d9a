"""Where each event goes on the timeline: lanes, stacking, and grouping of vague dates.

Pure numpy, no Qt: the Qt timeline only draws what this computes, and the hit-testing
of clicks and hovers runs on the same arrays.

A lane is one event kind; only the kinds present get a row, in EVENT_KINDS order.
Inside a row:
- single days are points at the middle of their day; several on the same day in the
  same lane are stacked around the row's centre line so dense days stay readable;
- precise ranges ("9-11 July") are thin solid bars;
- vague periods (a month, a year, "by the end of 2024", "in recent months", "ongoing")
  are wide hatched bands covering the whole period the date can mean; events sharing
  the same lane and period are drawn as one band with a count, so a hundred events "in
  2024" do not become a hundred overlapping rectangles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nato_viewer.core.model import EVENT_KINDS, PRECISIONS

DAY = 86400.0
P_DAY = PRECISIONS.index("day")
P_RANGE = PRECISIONS.index("range")
P_ONGOING = PRECISIONS.index("ongoing")
# An "ongoing" event or a period the store could not bound is drawn over this length.
OPEN_END = 90 * DAY
# Offsets of the k-th event of one day in one row (centre first, then alternately
# below and above); beyond the pattern they wrap, still inside the row.
_STACK = np.array([0, 1, -1, 2, -2, 3, -3, 4, -4], dtype=np.float64) * 0.085
RANGE_HEIGHT = 0.16
VAGUE_HEIGHT = 0.8


@dataclass
class TimelineLayout:
    kinds: list[str]  # row r shows EVENT_KINDS index lane_of_row[r]; kinds[r] is its name
    # one entry per event, aligned with ids (the order of the TimelineArrays)
    ids: np.ndarray
    x: np.ndarray  # where a point is drawn (middle of its day) or the start of a bar
    x_end: np.ndarray  # end of a bar (== x for points)
    y: np.ndarray  # row plus stacking offset
    row: np.ndarray  # row index (int)
    shape: np.ndarray  # 0 point, 1 range bar, 2 vague band
    # vague bands after grouping
    band_x0: np.ndarray = field(default_factory=lambda: np.empty(0))
    band_x1: np.ndarray = field(default_factory=lambda: np.empty(0))
    band_row: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    band_count: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    band_of_event: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # -1 if none
    undated: int = 0  # events left out: no date to place them at

    POINT = 0
    RANGE = 1
    BAND = 2

    def __len__(self) -> int:
        return int(self.ids.size)

    @property
    def x_min(self) -> float | None:
        return float(self.x.min()) if self.ids.size else None

    @property
    def x_max(self) -> float | None:
        return float(self.x_end.max()) if self.ids.size else None

    def positions_of(self, ids) -> np.ndarray:
        """Indices (into this layout) of the given event ids that are present."""
        wanted = np.fromiter((int(i) for i in ids), dtype=np.int64)
        if not wanted.size or not self.ids.size:
            return np.empty(0, dtype=np.int64)
        return np.flatnonzero(np.isin(self.ids, wanted))

    def hit(self, px: float, py: float, tol_x: float, tol_y: float) -> np.ndarray:
        """Indices of the events under (px, py), nearest first: points, then bars, then bands.

        tol_x / tol_y are the half-size of a marker in data units (seconds, rows).
        """
        if not self.ids.size:
            return np.empty(0, dtype=np.int64)
        row = int(round(py))
        points = np.flatnonzero(
            (self.shape == self.POINT) & (np.abs(self.x - px) <= tol_x) & (np.abs(self.y - py) <= tol_y)
        )
        if points.size:
            d = ((self.x[points] - px) / tol_x) ** 2 + ((self.y[points] - py) / tol_y) ** 2
            return points[np.argsort(d, kind="stable")]
        bars = np.flatnonzero(
            (self.shape == self.RANGE)
            & (self.x - tol_x <= px)
            & (self.x_end + tol_x >= px)
            & (np.abs(self.y - py) <= RANGE_HEIGHT / 2 + tol_y / 2)
        )
        if bars.size:
            return bars
        bands = np.flatnonzero(
            (self.shape == self.BAND) & (self.row == row) & (self.x <= px) & (self.x_end >= px)
            & (np.abs(row - py) <= VAGUE_HEIGHT / 2)
        )
        if bands.size:
            # the most precise period first: a month before the year that contains it
            return bands[np.argsort(self.x_end[bands] - self.x[bands], kind="stable")]
        return np.empty(0, dtype=np.int64)


def layout_timeline(ids, start, end, lane, precision) -> TimelineLayout:
    """Place events given as parallel arrays (TimelineArrays' fields)."""
    ids = np.asarray(ids, dtype=np.int64)
    start = np.asarray(start, dtype=np.float64)
    # events with no date at all (neither their own nor their document's) cannot be placed
    dated = np.isfinite(start)
    undated = int(ids.size - np.count_nonzero(dated))
    if undated:
        ids, start = ids[dated], start[dated]
    end = np.asarray(end, dtype=np.float64)[dated] if undated else np.asarray(end, dtype=np.float64)
    lane = np.asarray(lane, dtype=np.int64)[dated] if undated else np.asarray(lane, dtype=np.int64)
    precision = np.asarray(precision, dtype=np.int64)
    precision = precision[dated] if undated else precision
    n = ids.size
    present = np.flatnonzero(np.bincount(lane, minlength=len(EVENT_KINDS))) if n else np.empty(0, dtype=np.int64)
    row_of_lane = np.full(len(EVENT_KINDS), -1, dtype=np.int64)
    row_of_lane[present] = np.arange(present.size)
    kinds = [EVENT_KINDS[i] for i in present]
    row = row_of_lane[lane] if n else np.empty(0, dtype=np.int64)

    end = np.where(np.isfinite(end) & (end > start), end, start + DAY)
    # "ongoing" is known at one day (its anchor) and runs before and after it for an unknown
    # time: a band around the anchor, never a point
    ongoing = (precision == P_ONGOING) & (end - start <= DAY)
    start = np.where(ongoing, start - OPEN_END / 2, start)
    end = np.where(ongoing, end + OPEN_END / 2, end)
    duration = end - start
    # whole-array np.where rather than masked assignments: no gathers and scatters over 100,000 events
    is_range = (precision == P_RANGE) & (duration > DAY)  # a "range" within one day is a point
    is_point = (precision == P_DAY) | ((precision == P_RANGE) & (duration <= DAY))
    shape = np.where(is_point, TimelineLayout.POINT,
                     np.where(is_range, TimelineLayout.RANGE, TimelineLayout.BAND)).astype(np.int8)

    x = np.where(is_point, start + np.minimum(duration, DAY) / 2, start)
    x_end = np.where(is_point, x, end)
    y = row.astype(np.float64)
    y[is_point] += _stack_offsets(row[is_point], np.floor(start[is_point] / DAY))
    y[is_range] += _stack_offsets(row[is_range], np.floor(start[is_range] / DAY))[:] * 0.5

    result = TimelineLayout(kinds=kinds, ids=ids, x=x, x_end=x_end, y=y, row=row, shape=shape, undated=undated)
    _group_bands(result, start, end)
    return result


def _stack_offsets(row: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Offset of each event within its (row, day) group: 0, +1, -1, +2, ... steps."""
    n = row.size
    if not n:
        return np.empty(0)
    order = np.lexsort((day, row))
    key_r, key_d = row[order], day[order]
    new_group = np.ones(n, dtype=bool)
    new_group[1:] = (key_r[1:] != key_r[:-1]) | (key_d[1:] != key_d[:-1])
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(n), 0))
    rank = np.arange(n) - group_start
    offsets = np.empty(n)
    offsets[order] = _STACK[rank % _STACK.size]
    return offsets


def _group_bands(layout: TimelineLayout, start: np.ndarray, end: np.ndarray) -> None:
    band = np.flatnonzero(layout.shape == TimelineLayout.BAND)
    layout.band_of_event = np.full(layout.ids.size, -1, dtype=np.int64)
    if not band.size:
        return
    # groups of equal (row, start, end), numbered in that sort order; a lexsort, because
    # np.unique(axis=0) sorts rows as opaque records and costs ten times more
    row, x0, x1 = layout.row[band], start[band], end[band]
    order = np.lexsort((x1, x0, row))
    row, x0, x1 = row[order], x0[order], x1[order]
    first = np.ones(band.size, dtype=bool)
    first[1:] = (row[1:] != row[:-1]) | (x0[1:] != x0[:-1]) | (x1[1:] != x1[:-1])
    group = np.cumsum(first) - 1
    starts = np.flatnonzero(first)
    layout.band_row = row[starts].astype(np.int64)
    layout.band_x0 = x0[starts]
    layout.band_x1 = x1[starts]
    layout.band_count = np.diff(np.append(starts, band.size)).astype(np.int64)
    layout.band_of_event[band[order]] = group


def histogram(x: np.ndarray, bins: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """Event counts over time for the overview strip: (edges, counts)."""
    if not x.size:
        return np.array([0.0, 1.0]), np.zeros(1)
    lo, hi = float(x.min()), float(x.max())
    if hi - lo < DAY:
        lo, hi = lo - 15 * DAY, hi + 15 * DAY
    counts, edges = np.histogram(x, bins=bins, range=(lo, hi))
    return edges, counts.astype(np.float64)


class TimelineSubsets:
    """Cuts the TimelineArrays of one search result out of those of the whole library.

    Library.timeline(ids) sorts the result again on every call; the whole library's arrays are
    already in date order, so the result's rows are found by id (searchsorted) and taken in that
    order: the same arrays as Library.timeline(ids), for a few milliseconds instead of tens.
    """

    def __init__(self, everything) -> None:
        self.everything = everything
        ids = np.asarray(everything.ids, dtype=np.int64)
        self._table: np.ndarray | None = None
        if ids.size and ids.min() >= 0 and ids.max() < 4 * ids.size + 4096:
            # ids are database row ids, dense: a direct id -> position table beats a binary search
            self._table = np.full(int(ids.max()) + 1, -1, dtype=np.int64)
            self._table[ids] = np.arange(ids.size)
        order = np.argsort(ids, kind="stable")
        self._sorted_ids = ids[order]
        self._position = order  # position in `everything` of the k-th smallest id

    def of(self, ids) -> object:
        """The arrays (same type as `everything`) of these event ids; unknown ids are left out."""
        everything = self.everything
        wanted = np.asarray(ids, dtype=np.int64)
        keep = np.zeros(len(everything), dtype=bool)
        if wanted.size and self._table is not None:
            wanted = wanted[(wanted >= 0) & (wanted < self._table.size)]
            position = self._table[wanted]
            keep[position[position >= 0]] = True
        elif wanted.size and self._sorted_ids.size:
            at = np.minimum(np.searchsorted(self._sorted_ids, wanted), self._sorted_ids.size - 1)
            found = self._sorted_ids[at] == wanted
            keep[self._position[at[found]]] = True
        rows = np.flatnonzero(keep)
        if rows.size == len(everything):
            return everything  # the same object: a view can tell it already shows these events
        return type(everything)(everything.ids[rows], everything.start[rows], everything.end[rows],
                                everything.lane[rows], everything.precision[rows])

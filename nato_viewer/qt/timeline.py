"""The timeline: every event on a localised date axis, in lanes by kind, with an overview strip.

Fed with the core's numpy arrays (TimelineArrays) and drawn the pyqtgraph way: one
ScatterPlotItem per lane with a shared brush for single days, BarGraphItems for ranges
and for vague periods (hatched), one overlay item for the selection. Clicks and hovers are
resolved on the numpy layout (nato_viewer.core.timeline_layout), never through SpotItems,
which pyqtgraph builds for every point on first use.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable

import numpy as np
import pyqtgraph as pg
from babel.dates import format_skeleton
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from nato_viewer.core.formatting import babel_locale, format_event_date, kind_label
from nato_viewer.core.i18n import _, current_language, ngettext
from nato_viewer.core.timeline_layout import (
    DAY,
    RANGE_HEIGHT,
    VAGUE_HEIGHT,
    TimelineLayout,
    histogram,
    layout_timeline,
)

KIND_COLOURS = {
    "meeting": "#1f77b4",
    "statement": "#7f7f7f",
    "decision": "#d62728",
    "pledge": "#2ca02c",
    "projection": "#9467bd",
    "contract": "#8c564b",
    "exercise": "#ff7f0e",
    "operation": "#e377c2",
    "accession": "#17becf",
    "appointment": "#bcbd22",
    "other": "#a0a0a0",
}
SELECTION_COLOUR = "#111111"
FOREGROUND = "#333333"
POINT_SIZE = 8
MIN_X_RANGE = 7 * DAY
BAND_LABELS = 40
DENSE_POINTS = 4000  # more single-day events than this in view: draw densities instead
DENSITY_BINS = 1500
MAX_BAND_RECTS = 400  # more vague-period bands than this: one coverage image per lane instead
BAND_BINS = 4000  # zooming closer than a week shows nothing more: dates are days

# pyqtgraph's tick formats (strftime) -> CLDR skeletons formatted by babel in the UI language
_SKELETONS = {"%Y": "y", "%b": "MMM", "%d": "d", "%a %d": "EEEd", "%H:%M": "Hm", "%H:%M:%S": "Hms"}
_DAY_ZOOM = pg.graphicsItems.DateAxisItem.ZoomLevel(
    [
        pg.graphicsItems.DateAxisItem.TickSpec(
            pg.graphicsItems.DateAxisItem.DAY_SPACING,
            pg.graphicsItems.DateAxisItem.makeSStepper(pg.graphicsItems.DateAxisItem.DAY_SPACING),
            "%a %d",
        )
    ],
    "MMM 00",
)


class _UtcZoomLevel(pg.graphicsItems.DateAxisItem.ZoomLevel):
    """A zoom level of an axis in UTC.

    pyqtgraph moves every tick to local time through two QDateTime conversions, then adds the
    preferred offset, which is 0 here: a third of the axis's drawing time for no change at all.
    """

    def moveTicksToLocalTimeCoords(self, ticks, spacing, skipFactor):  # noqa: N802 - pyqtgraph's name
        if self.utcOffset == 0:
            return ticks
        return super().moveTicksToLocalTimeCoords(ticks, spacing, skipFactor)


def _utc_level(level) -> _UtcZoomLevel:
    return _UtcZoomLevel(level.tickSpecs, level.exampleText)


_UTC_ZOOM_LEVELS = {
    np.inf: _utc_level(pg.graphicsItems.DateAxisItem.YEAR_MONTH_ZOOM_LEVEL),
    5 * 86400: _utc_level(pg.graphicsItems.DateAxisItem.MONTH_DAY_ZOOM_LEVEL),
    6 * 3600: _utc_level(_DAY_ZOOM),
}
_MAX_CACHED_LABELS = 4096


def _epoch_plus(seconds: float) -> dt.datetime:
    # timedelta arithmetic rather than fromtimestamp: works before 1970 on every platform
    return dt.datetime(1970, 1, 1) + dt.timedelta(seconds=float(seconds))


class BabelDateAxis(pg.DateAxisItem):
    """A DateAxisItem whose labels are written by babel in the interface language, in UTC."""

    def __init__(self, lang: str, orientation: str = "bottom", **kwargs):
        super().__init__(orientation=orientation, utcOffset=0, **kwargs)
        self.lang = lang
        self._locale = babel_locale(lang)
        # dates are days: no hour or second levels
        self.zoomLevels = dict(_UTC_ZOOM_LEVELS)
        self._labels: dict[tuple[str, float], str] = {}  # babel is slow and ticks repeat from paint to paint

    def tickStrings(self, values, scale, spacing):
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        skeleton = _SKELETONS.get(spec.format if spec else "%Y", "yMMMd")
        if len(self._labels) > _MAX_CACHED_LABELS:
            self._labels.clear()
        labels = []
        for value in values:
            label = self._labels.get((skeleton, value))
            if label is None:
                label = self._labels[(skeleton, value)] = self._label(skeleton, value)
            labels.append(label)
        return labels

    def _label(self, skeleton: str, value: float) -> str:
        try:
            when = _epoch_plus(value)
        except (OverflowError, ValueError):
            return ""
        if skeleton == "y":
            return str(when.year)
        return format_skeleton(skeleton, when, locale=self._locale)


class _LaneAxis(pg.AxisItem):
    """Left axis naming the lanes; labels only at integer rows."""

    def __init__(self):
        super().__init__("left")
        self._labels: list[str] = []

    def set_labels(self, labels: list[str]) -> None:
        self._labels = labels
        self.setTicks([[(i, text) for i, text in enumerate(labels)], []])


def _brush(colour: str, alpha: int = 255, style=Qt.BrushStyle.SolidPattern) -> QBrush:
    c = QColor(colour)
    c.setAlpha(alpha)
    return QBrush(c, style)


class TimelinePlot(QWidget):
    """Detail plot (zoom and pan in time only) above an overview strip of the whole corpus.

    Public API: set_data(arrays, rows_by_id=None), set_overview(arrays), set_selection(ids),
    set_row_source(fn), set_time_range(t0, t1), time_range(), render_png(w, h),
    signals event_clicked(int) and events_clicked(list) (every event under the click).
    """

    event_clicked = Signal(int)
    events_clicked = Signal(list)
    range_changed = Signal(float, float)

    def __init__(self, lang: str | None = None, parent: QWidget | None = None, show_overview: bool = True):
        super().__init__(parent)
        self.lang = lang or current_language()
        self._show_overview = show_overview
        self._arrays = None
        self._overview_arrays = None
        self._layout = layout_timeline([], [], [], [], [])
        self._layout_of = None  # the arrays self._layout was made from
        self._rows_by_id: dict = {}
        self._row_source: Callable[[list[int]], list] | None = None
        self._selected: np.ndarray = np.empty(0, dtype=np.int64)
        self._syncing_region = False
        self._density_rect = None
        self._overview_drawn = None
        self._overview_histogram: tuple | None = None  # (arrays, edges, counts)
        self.dense = False

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.graphics.ci.setContentsMargins(4, 4, 12, 4)
        self.graphics.ci.setSpacing(2)
        self._build_detail()
        if show_overview:
            self._build_overview()

        self.legend = QLabel(self)
        self.legend.setObjectName("timelineLegend")
        self.legend.setText(
            "  ".join(
                [
                    "\u25cf " + _("single day"),
                    "\u25ac " + _("period"),
                    "\u25a8 " + _("approximate date (month, year, \u2018by the end of\u2019, \u2018recently\u2019)"),
                ]
            )
        )
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("timelineCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        legend_row = QHBoxLayout()
        legend_row.setContentsMargins(6, 0, 6, 2)
        legend_row.addWidget(self.legend, 1)
        legend_row.addWidget(self.count_label)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.graphics, 1)
        box.addLayout(legend_row)

        self._hover_proxy = pg.SignalProxy(self.graphics.scene().sigMouseMoved, rateLimit=30, slot=self._on_hover)
        self.graphics.scene().sigMouseClicked.connect(self._on_click)

    # ---- construction -------------------------------------------------------------------
    def _style_axis(self, axis: pg.AxisItem) -> None:
        axis.setPen(pg.mkPen(FOREGROUND))
        axis.setTextPen(pg.mkPen(FOREGROUND))

    def _build_detail(self) -> None:
        self.date_axis = BabelDateAxis(self.lang)
        self.lane_axis = _LaneAxis()
        self.plot: pg.PlotItem = self.graphics.addPlot(
            row=0, col=0, axisItems={"bottom": self.date_axis, "left": self.lane_axis}
        )
        for axis in (self.date_axis, self.lane_axis):
            self._style_axis(axis)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        vb = self.plot.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.invertY(True)
        vb.setDefaultPadding(0.01)
        self.lane_axis.setWidth(96)

        self._band_item = pg.BarGraphItem(x0=[], x1=[], y=[], height=VAGUE_HEIGHT)
        self._band_item.setZValue(-10)
        self._range_items: dict[int, pg.BarGraphItem] = {}  # row -> item
        self._bars_by_kind: dict[str, pg.BarGraphItem] = {}
        self._point_items: dict[int, pg.ScatterPlotItem] = {}  # row -> item
        self._scatter_by_kind: dict[str, pg.ScatterPlotItem] = {}
        self._lane_points: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # row -> (x sorted, y)
        self._points_window: tuple[float, float] | None = None
        self._point_pen = pg.mkPen("#ffffff", width=0.8)
        self.plot.addItem(self._band_item)
        self._band_image = pg.ImageItem()
        self._band_image.setZValue(-10)
        self._band_image.hide()
        self.plot.addItem(self._band_image)
        # counts on shared bands ("×37": how many events the hatching stands for), from a small
        # pool placed on zoom: only when few bands are in view, so they never pile up
        self._band_labels: list[pg.TextItem] = []
        for _i in range(BAND_LABELS):
            label = pg.TextItem("", color=FOREGROUND, anchor=(0, 0.5))
            label.setZValue(3)
            label.hide()
            self.plot.addItem(label)
            self._band_labels.append(label)
        # zoomed out over many events, points merge into an unreadable bar: show each lane's
        # density instead (a heat strip), and the points again once few are in view
        self._density = pg.ImageItem()
        self._density.setZValue(4)
        self._density.hide()
        self.plot.addItem(self._density)
        self._selection_points = pg.ScatterPlotItem(
            size=POINT_SIZE + 7, pen=pg.mkPen(SELECTION_COLOUR, width=2.5), brush=None, pxMode=True
        )
        self._selection_points.setZValue(20)
        self._selection_bars = pg.BarGraphItem(
            x0=[], x1=[], y=[], height=RANGE_HEIGHT + 0.12, pen=pg.mkPen(SELECTION_COLOUR, width=2.5), brush=None
        )
        self._selection_bars.setZValue(19)
        self.plot.addItem(self._selection_points)
        self.plot.addItem(self._selection_bars)
        vb.sigXRangeChanged.connect(self._on_detail_range)

    def _build_overview(self) -> None:
        self.overview_axis = BabelDateAxis(self.lang)
        self.overview: pg.PlotItem = self.graphics.addPlot(row=1, col=0, axisItems={"bottom": self.overview_axis})
        self._style_axis(self.overview_axis)
        self.overview.hideAxis("left")
        self.overview.hideButtons()
        self.overview.setMenuEnabled(False)
        self.overview.setMouseEnabled(x=False, y=False)
        self.overview.setMaximumHeight(62)
        # keep the strip's plot area aligned with the detail plot above it
        spacer = self.overview.getAxis("left")
        spacer.setWidth(96)
        spacer.show()
        spacer.setStyle(showValues=False)
        spacer.setPen(pg.mkPen(None))
        self._overview_curve = pg.PlotDataItem(
            stepMode="center", fillLevel=0, brush=_brush("#6b8fb5", 140), pen=pg.mkPen("#4a6d92")
        )
        self.overview.addItem(self._overview_curve)
        self.region = pg.LinearRegionItem(brush=_brush("#f5b041", 60), pen=pg.mkPen("#d68910", width=1.5))
        self.region.setZValue(10)
        self.overview.addItem(self.region)
        self.region.sigRegionChanged.connect(self._on_region)

    # ---- data -------------------------------------------------------------------------
    def set_row_source(self, fetch: Callable[[list[int]], list] | None) -> None:
        """fetch(ids) -> EventRows, used for tooltips when set_data got no rows."""
        self._row_source = fetch

    def set_overview(self, arrays) -> None:
        """The whole corpus in the overview strip (defaults to the data of set_data)."""
        self._overview_arrays = arrays
        self._overview_drawn = None
        self._draw_overview()

    def set_data(self, arrays, rows_by_id: dict | None = None, keep_range: bool = False) -> None:
        """Show these events (TimelineArrays); keep_range keeps the current zoom."""
        if arrays is self._arrays and self._layout_of is arrays:
            lay = self._layout  # the same events again (the search box cleared twice): same layout
        else:
            lay = layout_timeline(arrays.ids, arrays.start, arrays.end, arrays.lane, arrays.precision)
        self._arrays = arrays
        self._layout_of = arrays
        self._rows_by_id = dict(rows_by_id or {})
        self._layout = lay
        previous = self.time_range() if keep_range else None
        self._draw_points(lay)
        self._draw_bars(lay)
        self._draw_density(lay)
        self.lane_axis.set_labels([kind_label(k) for k in lay.kinds])
        vb = self.plot.getViewBox()
        rows = max(len(lay.kinds), 1)
        vb.setLimits(yMin=-0.6, yMax=rows - 0.4)
        vb.setYRange(-0.5, rows - 0.5, padding=0)
        lo, hi = self._full_extent()
        vb.setLimits(xMin=lo, xMax=hi, minXRange=MIN_X_RANGE, maxXRange=hi - lo)
        if previous and previous[0] < hi and previous[1] > lo:
            self.set_time_range(max(previous[0], lo), min(previous[1], hi))
        else:
            self.set_time_range(*self._focus_extent())
        n = len(lay)
        text = ngettext("{n} event on the timeline", "{n} events on the timeline", n).format(n=n)
        if lay.undated:
            text += " " + ngettext("({n} without a date)", "({n} without a date)", lay.undated).format(n=lay.undated)
        self.count_label.setText(text)
        self._draw_overview()
        self._draw_selection()
        self._update_detail_level()

    def _full_extent(self) -> tuple[float, float]:
        lay = self._layout
        if not len(lay):
            # nothing matches: keep showing the corpus's period rather than an arbitrary one
            overview = self._overview_arrays
            if overview is not None and np.isfinite(overview.start).any():
                lo = float(np.nanmin(overview.start))
                hi = float(np.nanmax(overview.end))
                pad = max((hi - lo) * 0.02, 15 * DAY)
                return lo - pad, hi + pad
            now = dt.datetime.now(dt.timezone.utc).timestamp()
            return now - 365 * DAY, now + 30 * DAY
        lo, hi = lay.x_min, lay.x_max
        pad = max((hi - lo) * 0.02, 15 * DAY)
        return lo - pad, hi + pad

    def _focus_extent(self) -> tuple[float, float]:
        """Where the events are: a few dates far out (a treaty of 1814, a goal for 2100) stay reachable
        by zooming out and in the overview, but do not squeeze everything else into a corner."""
        lay = self._layout
        lo, hi = self._full_extent()
        if len(lay) < 200:
            return lo, hi
        q_lo, q_hi = np.quantile(lay.x, [0.01, 0.99])
        pad = max((q_hi - q_lo) * 0.03, 15 * DAY)
        return max(lo, float(q_lo) - pad), min(hi, float(q_hi) + pad)

    def _draw_points(self, lay: TimelineLayout) -> None:
        """One scatter item per lane; they receive only the points around the view (see _fill_points).

        The items are made once per kind and reused: adding items to a plot costs more than new data.
        """
        previous = self._point_items
        self._point_items = {}
        self._lane_points.clear()
        self._points_window = None
        # every point sorted once by (row, x), then cut per row: one pass instead of one per lane
        at = np.flatnonzero(lay.shape == TimelineLayout.POINT)
        at = at[np.lexsort((lay.x[at], lay.row[at]))]
        bounds = np.searchsorted(lay.row[at], np.arange(len(lay.kinds) + 1))
        xs_all, ys_all = lay.x[at], lay.y[at]
        for row, kind in enumerate(lay.kinds):
            i0, i1 = int(bounds[row]), int(bounds[row + 1])
            if i0 == i1:
                continue
            self._lane_points[row] = (xs_all[i0:i1], ys_all[i0:i1])
            item = self._scatter_by_kind.get(kind)
            if item is None:
                item = pg.ScatterPlotItem(
                    size=POINT_SIZE,
                    pen=self._point_pen,
                    brush=_brush(KIND_COLOURS.get(kind, "#888888"), 230),
                    pxMode=True,
                    useCache=True,
                    antialias=True,
                )
                item.setZValue(5)
                self.plot.addItem(item)
                self._scatter_by_kind[kind] = item
            item.show()
            self._point_items[row] = item
        shown = {id(item) for item in self._point_items.values()}
        for item in previous.values():
            if id(item) not in shown:
                item.setData(x=[], y=[])
                item.hide()

    def _points_in(self, lo: float, hi: float) -> int:
        return sum(int(np.searchsorted(xs, hi, "right") - np.searchsorted(xs, lo, "left"))
                   for xs, _ys in self._lane_points.values())

    def _fill_points(self, lo: float, hi: float) -> None:
        """Give the scatter items the points of [lo, hi] widened by the view's width on each side.

        Handing pyqtgraph 100,000 points costs a third of a second (it builds a record per point);
        the few thousand around the view cost milliseconds, and panning inside the margin costs nothing.
        """
        window = self._points_window
        if window is not None and window[0] <= lo and hi <= window[1]:
            return
        width = hi - lo
        a, b = lo - width, hi + width
        if self._points_in(a, b) > 3 * DENSE_POINTS:
            a, b = lo, hi
        for row, item in self._point_items.items():
            xs, ys = self._lane_points[row]
            i0, i1 = np.searchsorted(xs, a, "left"), np.searchsorted(xs, b, "right")
            item.setData(x=xs[i0:i1], y=ys[i0:i1])
        self._points_window = (a, b)

    def _draw_bars(self, lay: TimelineLayout) -> None:
        # like the points: one item per kind, made once and given new data (adding items costs more)
        previous = self._range_items
        self._range_items = {}
        # range bars grouped by row in one stable sort (each row keeps the layout's order)
        at = np.flatnonzero(lay.shape == TimelineLayout.RANGE)
        at = at[np.argsort(lay.row[at], kind="stable")]
        bounds = np.searchsorted(lay.row[at], np.arange(len(lay.kinds) + 1))
        for row, kind in enumerate(lay.kinds):
            mask = at[int(bounds[row]) : int(bounds[row + 1])]
            if not mask.size:
                continue
            item = self._bars_by_kind.get(kind)
            if item is None:
                colour = KIND_COLOURS.get(kind, "#888888")
                item = pg.BarGraphItem(
                    x0=[], x1=[], y=[], height=RANGE_HEIGHT,
                    brush=_brush(colour, 220), pen=pg.mkPen(QColor(colour).darker(130), width=1),
                )
                item.setZValue(2)
                self.plot.addItem(item)
                self._bars_by_kind[kind] = item
            item.setOpts(x0=lay.x[mask], x1=lay.x_end[mask], y=lay.y[mask])
            item.show()
            self._range_items[row] = item
        shown = {id(item) for item in self._range_items.values()}
        for item in previous.values():
            if id(item) not in shown:
                item.setOpts(x0=[], x1=[], y=[])
                item.hide()
        self._band_image.hide()
        if lay.band_x0.size > MAX_BAND_RECTS:
            # thousands of overlapping hatched rectangles cost a tenth of a second per repaint: past
            # this many, the vague periods are drawn as one translucent coverage strip per lane
            self._band_item.setOpts(x0=[], x1=[], y=[], brushes=None, pens=None)
            self._draw_band_image(lay)
        elif lay.band_x0.size:
            # one brush and pen per lane, shared by its bands
            styles = [
                (_brush(KIND_COLOURS.get(kind, "#888888"), 150, Qt.BrushStyle.BDiagPattern),
                 pg.mkPen(QColor(KIND_COLOURS.get(kind, "#888888")).lighter(110), width=1,
                          style=Qt.PenStyle.DashLine))
                for kind in lay.kinds
            ]
            brushes = [styles[r][0] for r in lay.band_row]
            pens = [styles[r][1] for r in lay.band_row]
            self._band_item.setOpts(x0=lay.band_x0, x1=lay.band_x1, y=lay.band_row.astype(float),
                                    height=VAGUE_HEIGHT, brushes=brushes, pens=pens)
        else:
            self._band_item.setOpts(x0=[], x1=[], y=[], brushes=None, pens=None)

    def _draw_band_image(self, lay: TimelineLayout) -> None:
        lo, hi = self._full_extent()
        rows = len(lay.kinds)
        bins = BAND_BINS
        scale = bins / (hi - lo)
        b0 = np.clip(((lay.band_x0 - lo) * scale).astype(np.int64), 0, bins - 1)
        b1 = np.clip(((lay.band_x1 - lo) * scale).astype(np.int64), 0, bins - 1)
        # np.bincount on flat (row, bin) cells: the same sums as np.add.at, several times faster
        size = rows * (bins + 1)
        diff = (np.bincount(lay.band_row * (bins + 1) + b0, weights=lay.band_count, minlength=size)
                - np.bincount(lay.band_row * (bins + 1) + b1 + 1, weights=lay.band_count, minlength=size))
        diff = diff.reshape(rows, bins + 1)
        coverage = np.cumsum(diff[:, :bins], axis=1)
        level = np.log1p(coverage) / max(np.log1p(coverage.max()), 1e-9)
        sub = 10  # image rows per lane: the band covers the middle eight, like VAGUE_HEIGHT
        # built as (y, x) in memory and handed over transposed: pyqtgraph's own transpose then gives
        # a contiguous array and it makes the QImage without copying a few megabytes per search
        rgba = np.zeros((rows * sub, bins, 4), dtype=np.ubyte)
        for row, kind in enumerate(lay.kinds):
            colour = QColor(KIND_COLOURS.get(kind, "#888888"))
            alpha = np.where(coverage[row] > 0, 25 + 110 * level[row], 0).astype(np.ubyte)
            for k in range(1, sub - 1):
                y = row * sub + k
                rgba[y, :, 0], rgba[y, :, 1], rgba[y, :, 2] = colour.red(), colour.green(), colour.blue()
                # every other sub-row fainter: a hint of the hatching of the precise drawing
                rgba[y, :, 3] = alpha if k % 2 else alpha // 2
        self._band_image.setImage(rgba.swapaxes(0, 1), autoLevels=False)
        self._band_image.setRect(lo, -0.5, hi - lo, float(rows))
        self._band_image.show()

    def _draw_density(self, lay: TimelineLayout) -> None:
        is_point = lay.shape == TimelineLayout.POINT
        if not is_point.any():
            self._density_rect = None
            self._density.hide()
            return
        lo, hi = self._full_extent()
        rows = len(lay.kinds)
        sub = 4  # image rows per lane: 3 painted, 1 gap between lanes
        bins = np.clip(((lay.x[is_point] - lo) / (hi - lo) * DENSITY_BINS).astype(np.int64), 0, DENSITY_BINS - 1)
        counts = np.bincount(bins * rows + lay.row[is_point], minlength=DENSITY_BINS * rows).astype(np.float64)
        counts = counts.reshape(DENSITY_BINS, rows)
        level = np.log1p(counts) / max(np.log1p(counts.max()), 1e-9)
        rgba = np.zeros((rows * sub, DENSITY_BINS, 4), dtype=np.ubyte)  # (y, x): see _draw_band_image
        for row, kind in enumerate(lay.kinds):
            colour = QColor(KIND_COLOURS.get(kind, "#888888"))
            alpha = np.where(counts[:, row] > 0, 60 + 195 * level[:, row], 0).astype(np.ubyte)
            for k in range(sub - 1):
                y = row * sub + k
                rgba[y, :, 0], rgba[y, :, 1], rgba[y, :, 2] = colour.red(), colour.green(), colour.blue()
                rgba[y, :, 3] = alpha
        self._density.setImage(rgba.swapaxes(0, 1), autoLevels=False)
        # the painted sub-rows are centred on the lane: shift the image by a gap's half
        self._density_rect = (lo, -0.5 + 0.5 / sub, hi - lo, float(rows))
        self._density.setRect(*self._density_rect)

    def _update_detail_level(self) -> None:
        lay = self._layout
        lo, hi = self.time_range()
        in_view = self._points_in(lo, hi)
        dense = in_view > DENSE_POINTS and self._density_rect is not None
        if not dense:
            self._fill_points(lo, hi)
        for item in self._point_items.values():
            item.setVisible(not dense)
        self._density.setVisible(dense)
        self.dense = dense
        # band counts
        shown = np.empty(0, dtype=np.int64)
        if lay.band_x0.size:
            visible = np.flatnonzero((lay.band_count > 1) & (lay.band_x1 >= lo) & (lay.band_x0 <= hi))
            if visible.size <= BAND_LABELS:
                shown = visible
        for k, label in enumerate(self._band_labels):
            if k < shown.size:
                i = shown[k]
                label.setText(f"\u00d7{int(lay.band_count[i])}")
                label.setPos(max(float(lay.band_x0[i]), lo), float(lay.band_row[i]) - VAGUE_HEIGHT / 4)
                label.show()
            else:
                label.hide()

    def _draw_overview(self) -> None:
        if not self._show_overview:
            return
        arrays = self._overview_arrays if self._overview_arrays is not None else self._arrays
        if arrays is None:
            return
        extent = self._full_extent()
        if self._overview_arrays is not None and self._overview_drawn == (id(arrays), extent):
            self._sync_region()  # the corpus did not change: only the region follows the view
            return
        if self._overview_histogram is None or self._overview_histogram[0] is not arrays:
            # the corpus's histogram changes with the corpus, not with each search (a reference, not
            # an id: a new result could reuse the id of a freed one)
            mid = (np.asarray(arrays.start, dtype=float) + np.asarray(arrays.end, dtype=float)) / 2
            edges, counts = histogram(mid[np.isfinite(mid)])
            self._overview_curve.setData(edges, counts)
            self._overview_histogram = (arrays, edges, counts)
        _arrays, edges, counts = self._overview_histogram
        self._overview_drawn = (id(arrays), extent)
        lo, hi = float(edges[0]), float(edges[-1])
        detail_lo, detail_hi = self._full_extent()
        lo, hi = min(lo, detail_lo), max(hi, detail_hi)
        self.overview.setXRange(lo, hi, padding=0)
        self.overview.setYRange(0, max(float(counts.max()) if counts.size else 1.0, 1.0), padding=0.05)
        self.region.setBounds((lo, hi))
        self._sync_region()

    # ---- selection --------------------------------------------------------------------
    def set_selection(self, ids: Iterable[int]) -> None:
        self._selected = np.fromiter((int(i) for i in ids), dtype=np.int64)
        self._draw_selection()

    def selected_ids(self) -> list[int]:
        return [int(i) for i in self._selected]

    def _draw_selection(self) -> None:
        lay = self._layout
        at = lay.positions_of(self._selected) if self._selected.size else np.empty(0, dtype=np.int64)
        points = at[lay.shape[at] == TimelineLayout.POINT]
        bars = at[lay.shape[at] != TimelineLayout.POINT]
        self._selection_points.setData(x=lay.x[points], y=lay.y[points])
        if bars.size:
            self._selection_bars.setOpts(x0=lay.x[bars], x1=lay.x_end[bars], y=lay.y[bars])
        else:
            self._selection_bars.setOpts(x0=[], x1=[], y=[])

    def scroll_to(self, event_id: int) -> None:
        """Pan (without zooming) so the event is in view."""
        at = self._layout.positions_of([event_id])
        if not at.size:
            return
        x0, x1 = float(self._layout.x[at[0]]), float(self._layout.x_end[at[0]])
        lo, hi = self.time_range()
        if x0 >= lo and x1 <= hi:
            return
        width = hi - lo
        centre = (x0 + x1) / 2
        self.set_time_range(centre - width / 2, centre + width / 2)

    # ---- range ------------------------------------------------------------------------
    def time_range(self) -> tuple[float, float]:
        lo, hi = self.plot.getViewBox().viewRange()[0]
        return float(lo), float(hi)

    def set_time_range(self, t0: float, t1: float) -> None:
        self.plot.setXRange(t0, t1, padding=0)

    def _on_detail_range(self, _vb, rng) -> None:
        self._update_detail_level()
        self._sync_region()
        self.range_changed.emit(float(rng[0]), float(rng[1]))

    def _sync_region(self) -> None:
        if not self._show_overview or self._syncing_region:
            return
        self._syncing_region = True
        try:
            self.region.setRegion(self.time_range())
        finally:
            self._syncing_region = False

    def _on_region(self) -> None:
        if self._syncing_region:
            return
        self._syncing_region = True
        try:
            lo, hi = self.region.getRegion()
            if hi - lo >= MIN_X_RANGE:
                self.set_time_range(lo, hi)
        finally:
            self._syncing_region = False

    # ---- mouse ------------------------------------------------------------------------
    def _events_at(self, scene_pos) -> np.ndarray:
        vb = self.plot.getViewBox()
        if not self.plot.sceneBoundingRect().contains(scene_pos) or not len(self._layout):
            return np.empty(0, dtype=np.int64)
        point = vb.mapSceneToView(scene_pos)
        px, py = vb.viewPixelSize()
        half = POINT_SIZE / 2 + 2
        return self._layout.hit(point.x(), point.y(), abs(px) * half, abs(py) * half)

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hits = self._events_at(event.scenePos())
        if not hits.size:
            return
        lay = self._layout
        first = hits[0]
        if lay.shape[first] == TimelineLayout.BAND:
            # the whole group drawn by this band
            same = np.flatnonzero(lay.band_of_event == lay.band_of_event[first])
            ids = [int(i) for i in lay.ids[same]]
        else:
            ids = [int(lay.ids[first])]
        event.accept()
        self.events_clicked.emit(ids)
        self.event_clicked.emit(ids[0])

    def _on_hover(self, args) -> None:
        scene_pos = args[0]
        hits = self._events_at(scene_pos)
        if not hits.size:
            QToolTip.hideText()
            return
        text = self.tooltip_text([int(i) for i in self._layout.ids[hits]])
        view_pos = self.graphics.mapFromScene(scene_pos)
        QToolTip.showText(self.graphics.mapToGlobal(view_pos), text, self.graphics)

    def tooltip_text(self, ids: list[int], limit: int = 6) -> str:
        """Rich-text tooltip for these events (every field escaped)."""
        rows = self._rows_for(ids[:limit])
        parts = []
        for row in rows:
            date = format_event_date(row.start, row.end, row.precision, self.lang)
            parts.append(
                f"<b>{html.escape(row.title)}</b><br/>{html.escape(date)} \u2014 "
                f"{html.escape(kind_label(row.kind))}<br/><i>{html.escape(row.doc_title or row.doc_name)}</i>"
            )
        if not parts:
            parts.append(html.escape(ngettext("{n} event", "{n} events", len(ids)).format(n=len(ids))))
        elif len(ids) > limit:
            more = len(ids) - limit
            parts.append(html.escape(ngettext("and {n} more event", "and {n} more events", more).format(n=more)))
        return "<br/><br/>".join(parts)

    def _rows_for(self, ids: list[int]) -> list:
        missing = [i for i in ids if i not in self._rows_by_id]
        if missing and self._row_source is not None:
            for row in self._row_source(missing):
                self._rows_by_id[row.id] = row
        return [self._rows_by_id[i] for i in ids if i in self._rows_by_id]

    # ---- export -----------------------------------------------------------------------
    def render_png(self, width: int, height: int) -> bytes:
        """PNG of the current view (same data, time range and selection) on white, without the overview.

        Drawn by a hidden twin widget, so it works offscreen and leaves this widget's layout alone.
        """
        twin = TimelinePlot(self.lang, show_overview=False)
        try:
            twin.legend.setStyleSheet("background: white; color: #333;")
            twin.count_label.setStyleSheet("background: white; color: #333;")
            twin.setStyleSheet("background: white;")
            if self._arrays is not None:
                twin.set_data(self._arrays, self._rows_by_id)
                twin.set_time_range(*self.time_range())
            twin.set_selection(self._selected)
            twin.resize(int(width), int(height))
            if self._arrays is not None:
                twin.set_time_range(*self.time_range())
            return png_bytes(twin.grab())
        finally:
            twin.deleteLater()


def kind_colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, "#888888")


def png_bytes(pixmap) -> bytes:
    """A pixmap encoded as PNG, in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())

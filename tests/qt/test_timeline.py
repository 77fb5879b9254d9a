"""The timeline widget on its own: data in, clicks out, selection overlay, localised axis, PNG export."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import numpy as np
import pytest
from pyqtgraph.graphicsItems import DateAxisItem
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from nato_viewer.core.model import EVENT_KINDS, PRECISIONS
from nato_viewer.qt.timeline import DENSE_POINTS, BabelDateAxis, TimelinePlot

DAY = 86400.0


def ts(iso: str) -> float:
    return dt.datetime.fromisoformat(iso).replace(tzinfo=dt.timezone.utc).timestamp()


def arrays(rows):
    """rows: (id, start iso, end iso, kind, precision) sorted by start."""
    return SimpleNamespace(
        ids=np.array([r[0] for r in rows], dtype=np.int64),
        start=np.array([ts(r[1]) for r in rows]),
        end=np.array([ts(r[2]) for r in rows]),
        lane=np.array([EVENT_KINDS.index(r[3]) for r in rows], dtype=np.int8),
        precision=np.array([PRECISIONS.index(r[4]) for r in rows], dtype=np.int8),
    )


SAMPLE = arrays([
    (11, "2024-01-10", "2024-01-11", "meeting", "day"),
    (12, "2024-02-15", "2024-02-16", "pledge", "day"),
    (13, "2024-01-01", "2025-01-01", "projection", "year_end"),
    (14, "2024-07-09", "2024-07-12", "meeting", "range"),
    (15, "2024-09-01", "2024-10-01", "decision", "month"),
])


@pytest.fixture
def plot(qtbot):
    widget = TimelinePlot("en")
    qtbot.addWidget(widget)
    widget.resize(1000, 360)
    widget.set_data(SAMPLE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _click_at(qtbot, widget, x: float, y: float):
    vb = widget.plot.getViewBox()
    scene_pos = vb.mapViewToScene(QPointF(x, y))
    view_pos = widget.graphics.mapFromScene(scene_pos)
    qtbot.mouseClick(widget.graphics.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(view_pos.x(), view_pos.y()))


def _point_of(widget, event_id):
    lay = widget._layout
    i = int(np.flatnonzero(lay.ids == event_id)[0])
    return float(lay.x[i]), float(lay.y[i])


def test_lanes_are_the_kinds_present(plot):
    assert plot._layout.kinds == ["meeting", "decision", "pledge", "projection"]
    labels = [text for _value, text in plot.lane_axis._tickLevels[0]]
    assert labels == ["meeting", "decision", "pledge", "projection"]


def test_click_on_a_point_emits_its_id(qtbot, plot):
    x, y = _point_of(plot, 12)
    with qtbot.waitSignal(plot.event_clicked, timeout=1000) as blocker:
        _click_at(qtbot, plot, x, y)
    assert blocker.args == [12]


def test_click_on_a_range_bar_and_on_empty_space(qtbot, plot):
    x0 = ts("2024-07-10")
    _lane_x, y = _point_of(plot, 14)
    with qtbot.waitSignal(plot.event_clicked, timeout=1000) as blocker:
        _click_at(qtbot, plot, x0, y)
    assert blocker.args == [14]
    with qtbot.assertNotEmitted(plot.event_clicked):
        _click_at(qtbot, plot, ts("2024-04-01"), 0)


def test_selection_overlay_marks_points_and_bars(plot):
    plot.set_selection([12, 14, 999])
    assert len(plot._selection_points.data) == 1
    assert len(plot._selection_bars.opts["x0"]) == 1
    plot.set_selection([])
    assert len(plot._selection_points.data) == 0


def test_zoom_is_in_time_only_and_bounded(plot):
    vb = plot.plot.getViewBox()
    assert vb.state["mouseEnabled"] == [True, False]
    plot.set_time_range(ts("2024-02-01"), ts("2024-02-02"))  # closer than the minimum: clamped
    lo, hi = plot.time_range()
    assert hi - lo >= 7 * DAY - 1


def test_scroll_to_pans_without_zooming(plot):
    plot.set_time_range(ts("2024-01-01"), ts("2024-02-01"))
    width = np.subtract(*plot.time_range()[::-1])
    plot.scroll_to(15)
    lo, hi = plot.time_range()
    assert lo <= ts("2024-09-01") <= hi and abs((hi - lo) - width) < DAY


def test_tooltip_escapes_document_text(plot):
    rows = {12: SimpleNamespace(id=12, title="<b>pledge</b> & <script>x</script>", start="2024-02-15", end=None,
                                precision="day", kind="pledge", doc_title="", doc_name="a.txt")}
    plot.set_data(SAMPLE, rows)
    text = plot.tooltip_text([12])
    assert "&lt;script&gt;" in text and "<script>" not in text
    assert "February 15, 2024" in text


def test_babel_axis_speaks_the_interface_language(qtbot):
    months = DateAxisItem.MONTH_DAY_ZOOM_LEVEL
    spacing = months.tickSpecs[0].spacing
    axis = BabelDateAxis("fr")
    axis.zoomLevel = months
    labels = axis.tickStrings([ts("2024-02-01"), ts("2024-07-01")], 1, spacing)
    assert labels == ["févr.", "juil."]
    english = BabelDateAxis("en")
    english.zoomLevel = months
    assert english.tickStrings([ts("2024-02-01")], 1, spacing) == ["Feb"]
    # years, including before 1970 (NATO dates from 1949)
    english.zoomLevel = DateAxisItem.YEAR_MONTH_ZOOM_LEVEL
    year_spacing = english.zoomLevel.tickSpecs[0].spacing
    assert english.tickStrings([ts("1949-01-01")], 1, year_spacing) == ["1949"]


def test_render_png_offscreen_white_background(qtbot):
    widget = TimelinePlot("en")  # never shown
    qtbot.addWidget(widget)
    widget.set_data(SAMPLE)
    widget.set_selection([12])
    png = widget.render_png(800, 300)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (800, 300)
    assert image.pixelColor(image.width() - 3, 3).name() == "#ffffff"
    # the pledge lane's green is somewhere in the picture
    pixels = (image.pixelColor(x, y) for x in range(0, 800, 2) for y in range(0, 300, 2))
    assert any(c.green() > c.red() + 60 and c.green() > c.blue() + 60 for c in pixels)


def test_dense_view_switches_to_densities_and_back(qtbot):
    n = DENSE_POINTS * 2
    start = ts("2020-01-01") + np.sort(np.random.default_rng(0).integers(0, 1500, n)) * DAY
    many = SimpleNamespace(ids=np.arange(n, dtype=np.int64), start=start.astype(float), end=start + DAY,
                           lane=np.zeros(n, dtype=np.int8), precision=np.zeros(n, dtype=np.int8))
    widget = TimelinePlot("en")
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    widget.set_data(many)
    assert widget.dense and widget._density.isVisible() is not False
    widget.set_time_range(ts("2021-01-01"), ts("2021-01-20"))
    assert not widget.dense
    assert all(item.isVisible() for item in widget._point_items.values())

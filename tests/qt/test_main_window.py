"""The real window, composed like the app does, driven offscreen over a library built from the seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from nato_viewer.core.store import Library
from nato_viewer.qt.panes.fact_model import SpansRole


def _type_and_wait(qtbot, window, text: str):
    """Type into the search box like a user and wait for the debounced search to land."""
    window.search_bar.text_edit.clear()
    with qtbot.waitSignal(window.controller.searched, timeout=3000):
        qtbot.keyClicks(window.search_bar.text_edit, text)


def _listed_rows(window):
    model = window.event_model
    return [model.row_data(model.id_at(r)) for r in range(model.rowCount())]


def _cells(pane):
    model = pane.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _drone_pledge(window):
    return next(r for r in _listed_rows(window) if r.kind == "pledge" and "drones" in r.summary)


def test_search_drones_select_pledge_and_read_the_panes(qtbot, make_window, library):
    window = make_window(library)
    window.show()
    qtbot.waitExposed(window)
    everything = window.event_model.rowCount()
    assert everything >= 5
    # nothing selected yet: the panes say what to do, not that some document has no facts
    for pane in (window.quotes, window.figures, window.countries):
        assert pane.model.rowCount() == 0 and pane.empty.text() == "Select an event to see its document's facts."

    _type_and_wait(qtbot, window, "drones")
    listed = _listed_rows(window)
    assert listed and all("drone" in (r.summary + r.doc_title).lower() or r.doc_id == listed[0].doc_id
                          for r in listed)
    assert window.event_model.rowCount() < everything or len({r.doc_id for r in listed}) == 1
    assert len(window.timeline._layout) == window.event_model.rowCount() - window.timeline._layout.undated
    assert window.search_bar.info.text().startswith(f"{window.event_model.rowCount()} event")

    pledge = _drone_pledge(window)
    row = window.event_model.row_of(pledge.id)
    window.table.selectionModel().setCurrentIndex(
        window.event_model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert window.selection.current == pledge.id

    # header
    assert window.detail_header.title.text() == pledge.title
    assert "pledge" in window.detail_header.meta.text()
    # figures: the event's own figure first, formatted for English, with what it counts
    figures = _cells(window.figures)
    assert figures[0][1] == "drones" and "million" in figures[0][3]
    assert figures[0][0] in ("1,000,000", "1 million", "1M")
    # countries: pledging countries first, with what they pledged; names in the UI language
    countries = _cells(window.countries)
    pledging = [c for c in countries if "pledging" in c[2]]
    assert pledging and countries[: len(pledging)] == pledging
    assert {c[1] for c in pledging} >= {"CA", "FI", "NO"}
    assert all(c[3] for c in pledging)
    assert countries[[c[1] for c in countries].index("UA")][:2] == ["Ukraine", "UA"]
    # quotes: the speaker and role as the text gives them
    quotes = _cells(window.quotes)
    assert quotes and quotes[0][0] == "Jens Stoltenberg" and "secrétaire général" in quotes[0][1]
    # source: the event's sentence and every fact highlighted, the view on the event
    source = window.source
    assert "drones" in source.text_of_span(pledge.span)
    assert tuple(pledge.span) in source.highlighted["event"]
    assert len(source.highlighted["figure"]) == len(figures)
    assert len(source.editor.extraSelections()) >= sum(len(v) for v in source.highlighted.values())
    assert source.text_of_span(source.highlighted["figure"][0]) != ""
    # timeline: the selection overlay marks the event
    assert window.timeline.selected_ids() == [pledge.id]


def test_clicking_a_fact_highlights_and_scrolls_to_its_span(qtbot, make_window, library):
    window = make_window(library)
    window.show()
    qtbot.waitExposed(window)
    pledge = _drone_pledge(window)
    window.selection.select(pledge.id)
    figures = window.figures
    index = figures.model.index(0, 0)
    spans = index.data(SpansRole)
    with qtbot.waitSignal(figures.spans_activated):
        qtbot.mouseClick(figures.view.viewport(), Qt.MouseButton.LeftButton, pos=figures.view.visualRect(index).center())
    assert window.source.focused == [tuple(s) for s in spans]
    assert window.source.selected_text() == window.source.text_of_span(spans[0])
    assert "drones" in window.source.selected_text()
    # a country: every mention is focused
    window.tabs.setCurrentWidget(window.countries)
    countries = window.countries
    ua_row = [countries.model.index(r, 1).data() for r in range(countries.model.rowCount())].index("UA")
    countries.activate_row(ua_row)
    assert len(window.source.focused) >= 2
    assert all(window.source.text_of_span(s) for s in window.source.focused)


def test_selection_sync_table_to_timeline_and_back(qtbot, make_window, library):
    window = make_window(library)
    model = window.event_model
    first, second = model.id_at(0), model.id_at(model.rowCount() - 1)
    # table -> core -> timeline
    window.table.selectRow(model.row_of(first))
    assert window.selection.ids == (first,)
    assert window.timeline.selected_ids() == [first]
    # timeline click -> core -> table (and the table scrolls to it)
    window.timeline.events_clicked.emit([second])
    assert window.selection.current == second
    selected_rows = {i.row() for i in window.table.selectionModel().selectedRows()}
    assert selected_rows == {model.row_of(second)}
    assert window.table.selectionModel().currentIndex().row() == model.row_of(second)
    # arrows move through the events in list order
    window.controller.select_relative(-1)
    assert window.selection.current == model.id_at(model.rowCount() - 2)


def test_timeline_click_selects_in_the_table(qtbot, make_window, library):
    from PySide6.QtCore import QPoint, QPointF

    window = make_window(library)
    window.show()
    qtbot.waitExposed(window)
    lay = window.timeline._layout
    point = int((lay.shape == 0).nonzero()[0][0])
    vb = window.timeline.plot.getViewBox()
    scene = vb.mapViewToScene(QPointF(float(lay.x[point]), float(lay.y[point])))
    pos = window.timeline.graphics.mapFromScene(scene)
    qtbot.mouseClick(window.timeline.graphics.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    assert window.selection.current is not None
    clicked = window.selection.current
    assert clicked in lay.ids[lay.hit(float(lay.x[point]), float(lay.y[point]), 1.0, 0.05)].tolist()
    assert window.table.selectionModel().currentIndex().row() == window.event_model.row_of(clicked)


def test_filters_and_facets_narrow_list_and_timeline_together(qtbot, make_window, library):
    window = make_window(library)
    bar = window.search_bar
    everything = window.event_model.rowCount()
    kinds = {bar.kind.itemData(i): bar.kind.itemText(i) for i in range(1, bar.kind.count())}
    assert kinds.get("pledge", "").startswith("pledge (")  # facet counts shown
    with qtbot.waitSignal(window.controller.searched):
        bar.kind.setCurrentIndex(bar.kind.findData("pledge"))
    rows = _listed_rows(window)
    assert rows and all(r.kind == "pledge" for r in rows) and len(rows) < everything
    assert set(window.timeline._layout.kinds) == {"pledge"}
    with qtbot.waitSignal(window.controller.searched):
        bar.clear_filters()
    assert window.event_model.rowCount() == everything
    with qtbot.waitSignal(window.controller.searched):
        bar.language.setCurrentIndex(bar.language.findData("en"))
    assert all(r.language == "en" for r in _listed_rows(window))


def test_header_click_sorts_in_the_core(qtbot, make_window, library):
    window = make_window(library)
    with qtbot.waitSignal(window.controller.searched):
        window.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    assert window.controller.query.order == "title" and window.controller.query.descending
    titles = [r.title for r in _listed_rows(window)]
    expected = [r.title for r in library.event_rows(library.search(window.controller.query).event_ids)]
    assert titles == expected


def test_html_document_is_shown_literally(qtbot, make_window, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    payload = ('<html><body><script>alert("x")</script><img src="http://example.invalid/t.png">'
               "<b>Le 3 mars 2024, la Pologne a promis 100 chars à l'Ukraine.</b></body></html>\n")
    (folder / "hostile.txt").write_text(payload, encoding="utf-8")
    library = Library(tmp_path / "hostile.sqlite3")
    try:
        library.index([str(folder)], workers=1)
        window = make_window(library)
        assert window.event_model.rowCount() >= 1
        window.selection.select(window.event_model.id_at(0))
        text = window.source.editor.toPlainText()
        assert '<script>alert("x")</script>' in text and '<img src="http://example.invalid/t.png">' in text
        assert window.source.editor.document().toPlainText() == payload.rstrip("\n") or payload in text + "\n"
        # labels that show document strings render them as text
        assert window.detail_header.title.textFormat() == Qt.TextFormat.PlainText
        tooltip = window.event_model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
        assert "<script>" not in tooltip
    finally:
        library.close()


def test_open_paths_indexes_in_background_and_filters_the_view(qtbot, make_window, library, tmp_path):
    window = make_window(library)
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "a.txt").write_text("Le 4 avril 2024, les ministres se sont réunis à Bruxelles.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02" * 10)
    before = library.stats()["documents"]
    with qtbot.waitSignal(window.worker.finished, timeout=60000):
        window.open_paths([str(folder)])
        assert window.progress.isVisibleTo(window) or not window.worker.is_running()
    assert library.stats()["documents"] == before + 1
    assert window.restriction_bar.isVisibleTo(window)
    rows = _listed_rows(window)
    assert rows and all(Path(r.doc_path).parent == folder.resolve() for r in rows)
    assert not window.progress.isVisibleTo(window)
    window.show_whole_library()
    assert window.event_model.rowCount() > len(rows)


def test_unreadable_files_are_listed_not_popped_up(qtbot, make_window, library, tmp_path):
    window = make_window(library)
    missing = str(tmp_path / "nowhere.txt")
    window.open_paths([missing])
    assert [e.path for e in window.error_panel.model.errors()] == [missing]
    assert window.errors_button.isVisibleTo(window)
    assert window.errors_button.text() == "1 file not read"


def test_cancel_stops_indexing(qtbot, make_window, library, tmp_path):
    window = make_window(library)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i}.txt").write_text(f"Le {i % 28 + 1} mars 2024, l'OTAN a tenu une réunion numéro {i}.\n",
                                         encoding="utf-8")
    with qtbot.waitSignal(window.worker.finished, timeout=60000) as blocker:
        window.open_paths([str(folder)])
        window.cancel_button.click()
    report = blocker.args[0]
    assert window.worker.cancelled
    assert report.added < 40 or report.stopped is False
    assert "cancelled" in window.status_label.text()


def test_window_remembers_geometry_and_splitters(qtbot, make_window, library, settings):
    window = make_window(library)
    window.resize(720, 610)  # within the offscreen screen (800x800): restoreGeometry clamps to the screen
    window.main_splitter.setSizes([250, 300])
    window.close()
    again = make_window(library)
    assert again.size().width() == 720 and again.size().height() == 610
    assert abs(again.main_splitter.sizes()[0] - window.main_splitter.sizes()[0]) <= 2


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dates_and_countries_are_written_for_the_interface_language(qtbot, make_window, library, lang):
    from babel.dates import get_month_names

    from nato_viewer.core.formatting import babel_locale, country_name

    window = make_window(library, lang)
    months = set(get_month_names("wide", locale=babel_locale(lang)).values())
    model = window.event_model
    day_rows = [r for r in range(model.rowCount()) if model.row_data(model.id_at(r)).precision == "day"]
    assert day_rows
    assert all(any(m in model.index(r, 0).data() for m in months) for r in day_rows)
    assert window.timeline.date_axis.lang == lang
    pledge = next(model.row_data(model.id_at(r)) for r in range(model.rowCount())
                  if model.row_data(model.id_at(r)).pledging)
    window.selection.select(pledge.id)
    names = [window.countries.model.index(r, 0).data() for r in range(window.countries.model.rowCount())]
    assert country_name("FI", lang) in names and ("Finlande" in names) == (lang == "fr")


def test_shortcuts_and_briefing_actions(qtbot, make_window, library):
    from PySide6.QtGui import QKeySequence

    window = make_window(library)
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.open_files_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    calls = []

    class Recorder:
        def print_preview(self, parent, request):
            calls.append(("print", parent, request))

        def export_pdf(self, parent, request):
            calls.append(("pdf", parent, request))
            return "/tmp/briefing.pdf"

    window.printing = Recorder()
    chosen = [window.event_model.id_at(1), window.event_model.id_at(0)]
    window.selection.replace(chosen)
    window.print_action.trigger()
    window.export_action.trigger()
    assert [c[0] for c in calls] == ["print", "pdf"] and calls[0][1] is window
    assert calls[0][2].event_ids == chosen and calls[0][2].lang == "en"
    assert "/tmp/briefing.pdf" in window.status_label.text()
    window.selection.clear()
    window.print_action.trigger()
    assert calls[-1][2].event_ids == window.event_model.ids()  # nothing selected: the listed events


def test_launch_paints_the_window_before_reading_the_library(qtbot, library, settings):
    from PySide6.QtCore import QEvent, QObject

    from nato_viewer.core import i18n
    from nato_viewer.qt.app import compose

    i18n.install("en")
    window = compose(library, settings, "en")
    qtbot.addWidget(window)
    painted_empty = []

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not painted_empty:
                painted_empty.append(window.controller.result is None)
            return False

    paints = Paints()
    window.timeline.graphics.viewport().installEventFilter(paints)
    window.show()
    window.start_after_first_paint()
    assert window.controller.result is None and window.event_model.rowCount() == 0
    assert window.status_label.text() == "Reading the library\u2026"
    with qtbot.waitSignal(window.controller.searched, timeout=5000):
        pass
    assert painted_empty == [True]  # the first paint came before the library was read
    assert window.event_model.rowCount() == len(library.all_event_ids()) > 0
    assert window.timeline.selected_ids() == [] and window.status_label.text() == ""
    window.timeline.graphics.viewport().removeEventFilter(paints)


def test_first_window_fits_the_screen(qtbot, make_window, library):
    window = make_window(library)  # no saved geometry: the first start
    room = window.screen().availableGeometry()
    assert 0 < window.width() <= room.width() and 0 < window.height() <= room.height()

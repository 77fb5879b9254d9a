"""Every Qt model of the app passes pytest-qt's model tester, with real content."""

from __future__ import annotations

from PySide6.QtCore import Qt

from nato_viewer.core.model import ParseError
from nato_viewer.qt.error_panel import ErrorModel
from nato_viewer.qt.event_model import EventTableModel, IdRole
from nato_viewer.qt.panes.countries import country_rows
from nato_viewer.qt.panes.fact_model import FactModel, FactRow, SpansRole
from nato_viewer.qt.panes.figures import figure_rows
from nato_viewer.qt.panes.quotes import quote_rows


def test_event_model(qtmodeltester, library):
    model = EventTableModel(library.event_rows, "en")
    ids = library.all_event_ids()
    model.set_ids(ids)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(ids)
    assert [model.index(r, 0).data(IdRole) for r in range(model.rowCount())] == ids
    row = library.event_rows([ids[0]])[0]
    assert model.index(0, 2).data() == row.title
    assert model.row_of(ids[-1]) == len(ids) - 1 and model.row_of(-5) is None
    model.set_ids(ids[:2], {ids[0]: "…un million de \x02drones\x03 <b>…"})  # the tester watches the reset
    tip = model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>drones</b>" in tip and "&lt;b&gt;" in tip  # the match in bold, the text escaped
    model.set_ids([])
    assert model.rowCount() == 0 and not model.index(0, 0).isValid()


def test_event_model_fetches_rows_lazily_in_blocks(library):
    calls = []

    def fetch(ids):
        calls.append(list(ids))
        return library.event_rows(ids)

    model = EventTableModel(fetch, "en")
    ids = library.all_event_ids()
    model.set_ids(ids)
    assert calls == []  # nothing fetched until a row is shown
    model.index(0, 0).data()
    model.index(1, 2).data()
    assert len(calls) == 1 and calls[0] == ids[: len(calls[0])]


def test_header_sort_asks_the_core(qtbot, library):
    model = EventTableModel(library.event_rows, "en")
    with qtbot.waitSignal(model.sort_requested) as blocker:
        model.sort(4, Qt.SortOrder.DescendingOrder)
    assert blocker.args == ["document", True]
    with qtbot.assertNotEmitted(model.sort_requested):
        model.sort(3)  # countries: not a core order


def test_fact_models(qtmodeltester, library):
    doc = library.document(library.document_ids()[0])
    event = doc.events[0]
    for rows in (quote_rows(doc, event), figure_rows(doc, event, "fr"), country_rows(doc, event, "en")):
        model = FactModel(["a", "b", "c", "d"])
        model.set_rows(rows)
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == len(rows)
        if rows:
            assert model.index(0, 0).data(SpansRole) == rows[0].spans
    model = FactModel(["x", "y"])
    model.set_rows([FactRow(["<i>a</i>", "b"], [(0, 1)], emphasised=True)])
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert "&lt;i&gt;" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_emphasised_facts_come_first(library):
    doc = library.document(library.document_ids()[0])
    event = next(e for e in doc.events if e.figure_ids)
    rows = figure_rows(doc, event, "en")
    flags = [r.emphasised for r in rows]
    assert flags[0] and flags == sorted(flags, reverse=True)
    assert sum(flags) == len(event.figure_ids)


def test_error_model(qtmodeltester):
    model = ErrorModel()
    model.set_errors([ParseError("/b.txt", "not text"), ParseError("/a.txt", "empty"), ParseError("/b.txt", "binary")])
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 0).data() for r in range(2)] == ["/a.txt", "/b.txt"]
    assert model.index(1, 1).data() == "binary"


def test_event_model_keeps_fetched_rows_across_lists_until_the_library_changes(qtmodeltester, library):
    import numpy as np

    calls = []

    def fetch(ids):
        calls.append(list(ids))
        return library.event_rows(ids)

    model = EventTableModel(fetch, "en")
    ids = library.all_event_ids()
    model.set_ids(np.array(ids))  # the controller hands over an int64 array
    qtmodeltester.check(model, force_py=True)
    first_title = model.index(0, 2).data()
    fetched = len(calls)
    model.set_ids(ids[:3], keep_rows=True)  # the next keystroke lists some of the same events
    assert model.index(0, 2).data() == first_title and len(calls) == fetched
    assert model.row_of(ids[2]) == 2 and model.row_of(ids[5]) is None and model.id_at(1) == ids[1]
    assert model.ids() == ids[:3]
    model.clear_rows()  # the library changed: fetch again
    assert model.index(0, 2).data() == first_title and len(calls) == fetched + 1
    model.set_ids(ids[:3])  # without keep_rows a new list starts afresh, as before
    model.index(0, 2).data()
    assert len(calls) == fetched + 2

from nato_viewer.core.selection import Selection


def test_replace_reports_added_removed_and_current():
    selection = Selection()
    changes = []
    selection.subscribe(changes.append)
    assert selection.replace([3, 1, 3], source="table")
    assert selection.ids == (3, 1)
    assert selection.current == 3
    change = changes[-1]
    assert change.added == {1, 3} and change.removed == frozenset() and change.source == "table"
    assert selection.replace([1, 2], current=2)
    assert changes[-1].added == {2} and changes[-1].removed == {3}
    assert changes[-1].previous == 3 and changes[-1].current == 2


def test_same_selection_is_not_announced_again():
    selection = Selection()
    changes = []
    selection.subscribe(changes.append)
    selection.replace([5])
    assert not selection.replace([5])
    assert len(changes) == 1


def test_current_outside_ids_is_added_first():
    selection = Selection()
    selection.replace([1, 2], current=7)
    assert selection.ids == (7, 1, 2) and selection.current == 7


def test_retain_drops_hidden_ids_and_moves_current():
    selection = Selection()
    selection.replace([1, 2, 3], current=2)
    assert selection.retain([1, 3, 9])
    assert selection.ids == (1, 3) and selection.current == 1
    assert not selection.retain([1, 3])
    selection.retain([])
    assert not selection and selection.current is None


def test_unsubscribe_stops_notifications():
    selection = Selection()
    seen = []
    selection.subscribe(seen.append)
    selection.unsubscribe(seen.append)
    selection.unsubscribe(seen.append)  # twice is harmless
    selection.select(4)
    assert seen == [] and 4 in selection and len(selection) == 1


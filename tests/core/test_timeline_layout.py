import numpy as np

from nato_viewer.core.model import EVENT_KINDS, PRECISIONS
from nato_viewer.core.timeline_layout import DAY, TimelineLayout, histogram, layout_timeline

P = {name: i for i, name in enumerate(PRECISIONS)}
K = {name: i for i, name in enumerate(EVENT_KINDS)}
T0 = 1_700_000_000.0 // DAY * DAY  # a midnight


def _layout(rows):
    ids, start, end, lane, precision = zip(*rows)
    return layout_timeline(np.array(ids), np.array(start, float), np.array(end, float), np.array(lane),
                           np.array(precision))


def test_only_present_kinds_get_rows_in_kind_order():
    lay = _layout([(1, T0, T0 + DAY, K["pledge"], P["day"]), (2, T0, T0 + DAY, K["meeting"], P["day"])])
    assert lay.kinds == ["meeting", "pledge"]
    assert list(lay.row) == [1, 0]


def test_days_are_points_ranges_bars_and_vague_dates_bands():
    lay = _layout([
        (1, T0, T0 + DAY, K["meeting"], P["day"]),
        (2, T0, T0 + 3 * DAY, K["meeting"], P["range"]),
        (3, T0, T0 + 365 * DAY, K["projection"], P["year"]),
        (4, T0, T0 + DAY, K["meeting"], P["range"]),  # a one-day range is a point
    ])
    assert list(lay.shape) == [TimelineLayout.POINT, TimelineLayout.RANGE, TimelineLayout.BAND, TimelineLayout.POINT]
    assert lay.x[0] == T0 + DAY / 2  # middle of its day, not midnight
    assert lay.x_end[2] - lay.x[2] == 365 * DAY  # a year is drawn as the whole year


def test_same_day_events_are_stacked_not_overlapping():
    lay = _layout([(i, T0, T0 + DAY, K["meeting"], P["day"]) for i in range(1, 6)])
    assert len(set(np.round(lay.y, 6))) == 5
    assert np.all(np.abs(lay.y) < 0.5)  # they stay inside their lane


def test_vague_events_sharing_a_period_become_one_band_with_a_count():
    year = (T0, T0 + 365 * DAY)
    lay = _layout([(i, *year, K["projection"], P["year_end"]) for i in range(1, 38)] +
                  [(99, T0, T0 + 30 * DAY, K["projection"], P["month"])])
    assert sorted(lay.band_count.tolist()) == [1, 37]
    assert len(set(lay.band_of_event[:37].tolist())) == 1


def test_ongoing_is_a_band_around_its_anchor_day():
    for end in (np.nan, T0 + DAY):
        lay = _layout([(1, T0, end, K["operation"], P["ongoing"])])
        assert lay.shape[0] == TimelineLayout.BAND
        assert lay.x[0] < T0 - 30 * DAY and lay.x_end[0] > T0 + 30 * DAY


def test_hit_prefers_points_then_the_most_precise_band():
    lay = _layout([
        (1, T0, T0 + DAY, K["meeting"], P["day"]),
        (2, T0 - 100 * DAY, T0 + 265 * DAY, K["meeting"], P["year"]),
        (3, T0 - 10 * DAY, T0 + 20 * DAY, K["meeting"], P["month"]),
    ])
    assert lay.ids[lay.hit(T0 + DAY / 2, 0.0, DAY, 0.2)[0]] == 1
    hits = lay.hit(T0 + 10 * DAY, 0.0, DAY, 0.2)
    assert [lay.ids[h] for h in hits] == [3, 2]
    assert lay.hit(T0 + 400 * DAY, 0.0, DAY, 0.2).size == 0


def test_positions_of_selected_ids():
    lay = _layout([(10, T0, T0 + DAY, 0, 0), (20, T0 + DAY, T0 + 2 * DAY, 0, 0)])
    assert lay.positions_of([20, 99]).tolist() == [1]


def test_histogram_counts_every_event():
    x = np.array([T0, T0 + DAY, T0 + 400 * DAY])
    edges, counts = histogram(x, bins=10)
    assert counts.sum() == 3 and edges.size == 11


def test_empty_layout():
    lay = layout_timeline([], [], [], [], [])
    assert len(lay) == 0 and lay.kinds == [] and lay.hit(0, 0, 1, 1).size == 0


def test_undated_events_are_left_out_and_counted():
    lay = _layout([(1, np.nan, np.nan, 0, 0), (2, T0, T0 + DAY, 0, 0)])
    assert lay.ids.tolist() == [2] and lay.undated == 1


def test_bands_are_grouped_by_row_start_and_end_in_that_order():
    # the same grouping np.unique(axis=0) gives over (row, start, end), which the bands used to come from
    rng = np.random.default_rng(7)
    n = 400
    start = T0 + rng.integers(0, 6, n) * 30 * DAY
    end = start + rng.choice([30, 365], n) * DAY
    lane = rng.choice([K["meeting"], K["pledge"], K["projection"]], n)
    lay = layout_timeline(np.arange(1, n + 1), start, end, lane, np.full(n, P["month"]))
    keys = np.stack([lay.row.astype(float), start, end], axis=1)
    unique, inverse, counts = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
    assert lay.band_row.tolist() == unique[:, 0].astype(int).tolist()
    assert lay.band_x0.tolist() == unique[:, 1].tolist() and lay.band_x1.tolist() == unique[:, 2].tolist()
    assert lay.band_count.tolist() == counts.tolist()
    assert lay.band_of_event.tolist() == np.asarray(inverse).reshape(-1).tolist()


def _arrays(ids, start):
    from nato_viewer.core.search import TimelineArrays

    n = len(ids)
    return TimelineArrays(np.array(ids, dtype=np.int64), np.array(start, dtype=float),
                          np.array(start, dtype=float) + DAY, np.zeros(n, np.int8), np.zeros(n, np.int8))


def test_subsets_keep_the_library_order_and_drop_unknown_ids():
    from nato_viewer.core.timeline_layout import TimelineSubsets

    # in date order, ids shuffled; one far id so that both lookup methods get tested
    for ids in ([5, 2, 9, 1, 7], [5, 2, 9, 1, 10**9]):
        everything = _arrays(ids, [T0 + k * DAY for k in range(5)])
        subsets = TimelineSubsets(everything)
        got = subsets.of([ids[4], 3, ids[1], ids[0], -4])  # the caller's order and unknown ids do not matter
        assert got.ids.tolist() == [ids[0], ids[1], ids[4]]
        assert got.start.tolist() == [T0, T0 + DAY, T0 + 4 * DAY]
        assert len(subsets.of([])) == 0
        assert subsets.of(np.array(ids)).ids.tolist() == ids


def test_subsets_equal_the_library_s_own_timeline(tmp_path):
    import pathlib

    from nato_viewer.core.search import Query
    from nato_viewer.core.store import Library
    from nato_viewer.core.timeline_layout import TimelineSubsets

    seeds = pathlib.Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
    if not seeds.is_dir():
        import pytest

        pytest.skip("../shared/seeds is absent")
    library = Library(tmp_path / "lib.sqlite3")
    try:
        library.index([seeds], workers=1)
        subsets = TimelineSubsets(library.timeline(None))
        for text in ("", "drones", "nato OR otan"):
            ids = library.search(Query(text=text)).event_ids
            mine, theirs = subsets.of(ids), library.timeline(ids)
            for name in ("ids", "start", "end", "lane", "precision"):
                assert np.array_equal(getattr(mine, name), getattr(theirs, name), equal_nan=True), (text, name)
    finally:
        library.close()

"""Documents cross from the workers to the parent unchanged, and the parent's collector settings come back.

The model's dataclasses pickle as `cls(*field values)` (model._pickled_as_arguments) instead of their
attribute dicts, and parse_many makes young-generation collections rarer while it runs
(batch._rare_collections). Both must be invisible: the same objects, with the same types in every
field, and the caller's gc thresholds as they were.
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import pickle
import threading
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core import batch
from nato_viewer.core import model as M
from nato_viewer.core.batch import parse_many, parse_one

CLASSES = [c for c in vars(M).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
ROOT = Path(__file__).resolve().parents[2]
TEXTS = [ROOT / "seeds", ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "corpus"]

_INTS = st.integers(min_value=-(2**40), max_value=2**40)
_SPANS = st.tuples(_INTS, _INTS)


def _values(annotation: str) -> st.SearchStrategy:
    """Values for a field, from its annotation (a string: the model uses postponed annotations)."""
    if annotation.endswith(" | None"):
        return st.none() | _values(annotation[: -len(" | None")])
    if annotation.startswith("list["):
        return st.lists(_values(annotation[5:-1]), max_size=3)
    simple = {"str": st.text(max_size=8), "Span": _SPANS, "int": _INTS, "bool": st.booleans(),
              "float": st.floats(allow_nan=False)}
    if annotation in simple:
        return simple[annotation]
    return st.deferred(lambda: _instances(getattr(M, annotation)))


def _instances(cls: type) -> st.SearchStrategy:
    return st.builds(cls, **{f.name: _values(f.type) for f in dataclasses.fields(cls)})


def _same(a, b, where: str = "") -> None:
    """a == b, and the same type at every level (== alone takes (1, 2) for [1, 2] and 1 for 1.0)."""
    assert type(a) is type(b), where
    if dataclasses.is_dataclass(a):
        assert list(vars(a)) == list(vars(b)), where
        for name in vars(a):
            _same(getattr(a, name), getattr(b, name), f"{where}.{name}")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]")
    else:
        assert a == b, where


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(CLASSES).flatmap(_instances))
def test_a_pickled_object_comes_back_the_same(obj):
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(obj, protocol))
        assert back == obj
        _same(back, obj)
    _same(copy.deepcopy(obj), obj)
    shallow = copy.copy(obj)
    _same(shallow, obj)
    for f in dataclasses.fields(obj):  # a shallow copy shares the field values, as before
        assert getattr(shallow, f.name) is getattr(obj, f.name)


@settings(max_examples=20, deadline=None)
@given(_instances(M.Document))
def test_the_compact_pickle_is_the_plain_one_read_back(doc):
    """The default pickle (attribute dicts) and the compact one give the same document."""

    def plain(obj):  # the pickle every dataclass had before: class + attribute dict
        if dataclasses.is_dataclass(obj):
            fresh = object.__new__(type(obj))
            fresh.__dict__.update({k: plain(v) for k, v in vars(obj).items()})
            return fresh
        return [plain(x) for x in obj] if isinstance(obj, list) else obj

    _same(pickle.loads(pickle.dumps(doc)), plain(doc))


def test_every_field_is_in_the_compact_pickle():
    for cls in CLASSES:
        obj = cls(*(object() for _ in dataclasses.fields(cls)))
        rebuild, args = obj.__reduce__()
        assert rebuild is cls
        assert [id(a) for a in args] == [id(getattr(obj, f.name)) for f in dataclasses.fields(cls)]


def test_a_subclass_is_pickled_as_itself():
    @dataclasses.dataclass(eq=False)
    class Noted(M.Mention):
        note: str = ""

    globals()["Noted"] = Noted  # picklable by name, as a module-level class would be
    Noted.__qualname__ = "Noted"
    try:
        back = pickle.loads(pickle.dumps(Noted("OTAN", (3, 7), "x")))
    finally:
        del globals()["Noted"]
    assert type(back) is Noted
    assert (back.text, back.span, back.note) == ("OTAN", (3, 7), "x")


def test_documents_from_the_workers_equal_the_ones_parsed_here():
    files = [str(p) for folder in TEXTS for p in sorted(folder.glob("*.txt"))[:6]]
    assert files, "seeds/ must hold the seed press release"
    got = list(parse_many(files, workers=2, chunk=2))
    assert len(got) == len(files)
    for path, doc in zip(files, got, strict=True):
        _same(doc, parse_one(path), path)


def test_parse_many_restores_the_gc_thresholds(tmp_path):
    files = []
    for i in range(5):
        path = tmp_path / f"{i}.txt"
        path.write_text(f"NATO ministers met in Brussels on 3 March 2024. Item {i}.\n", encoding="utf-8")
        files.append(str(path))
    before = gc.get_threshold()
    try:
        gc.set_threshold(900, 11, 12)
        run = parse_many(files, workers=1)
        next(run)
        assert gc.get_threshold() == (batch._RARE_COLLECTIONS, 11, 12)  # while it runs
        assert len(list(run)) == 4
        assert gc.get_threshold() == (900, 11, 12)  # run to the end

        run = parse_many(files, workers=2, chunk=1)
        next(run)
        run.close()  # a caller that stops early
        assert gc.get_threshold() == (900, 11, 12)

        first, second = parse_many(files, workers=1), parse_many(files, workers=1)
        next(first)
        next(second)
        first.close()  # overlapping runs: the threshold stays raised until the last one ends
        assert gc.get_threshold()[0] == batch._RARE_COLLECTIONS
        second.close()
        assert gc.get_threshold() == (900, 11, 12)

        gc.set_threshold(80_000, 11, 12)  # a caller's higher threshold is kept
        run = parse_many(files, workers=1)
        next(run)
        assert gc.get_threshold() == (80_000, 11, 12)
        run.close()
    finally:
        gc.set_threshold(*before)


def test_threads_running_parse_many_at_once_leave_the_thresholds_as_they_were(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The Secretary General said NATO would help.\n", encoding="utf-8")
    before = gc.get_threshold()
    start = threading.Barrier(4)

    def run():
        start.wait()
        for _ in range(20):
            list(parse_many([str(path)], workers=1))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.get_threshold() == before

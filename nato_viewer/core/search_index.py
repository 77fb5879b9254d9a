"""Every event's filterable columns held as numpy arrays: filters, facets and orderings without SQL scans.

Measured on the large corpus (~50,000 events): one GROUP BY over the events table costs ~100 ms of CPU,
too slow for a search with five facets in 50 ms; numpy's bincount over the same rows takes well under
5 ms. The full-text part of a search stays in FTS5; everything else runs here.

The arrays are loaded from the database on first use and kept in step with it: rows are only ever
appended (ids come from AUTOINCREMENT) or deleted, so new rows are read incrementally and a deletion
triggers a full reload.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from nato_viewer.core.model import COUNTRY_ROLES, EVENT_KINDS, LANGUAGES, PRECISIONS


class _Vocabulary:
    """Strings to small ints, growing as new values appear."""

    def __init__(self, initial=()):
        self.values: list[str] = []
        self.index: dict[str, int] = {}
        for value in initial:
            self.code(value)

    def code(self, value: str) -> int:
        i = self.index.get(value)
        if i is None:
            i = self.index[value] = len(self.values)
            self.values.append(value)
        return i

    def get(self, value: str) -> int | None:
        return self.index.get(value)


class EventColumns:
    """One entry per event, in ascending id order (see the module docstring)."""

    def __init__(self):
        self.generation: object = None
        self._reset()

    def _reset(self) -> None:
        self.ids = np.empty(0, np.int64)
        self.doc = np.empty(0, np.int64)
        self.seq = np.empty(0, np.int32)
        self.kind = np.empty(0, np.int16)
        self.precision = np.empty(0, np.int8)
        self.year = np.empty(0, np.int32)  # -1: no year
        self.lang = np.empty(0, np.int16)
        self.start = np.empty(0, np.float64)  # NaN: no date
        self.end = np.empty(0, np.float64)
        self.kinds = _Vocabulary(EVENT_KINDS)
        self.langs = _Vocabulary(LANGUAGES)
        self.codes = _Vocabulary()
        self.roles = _Vocabulary(COUNTRY_ROLES)
        self.names = _Vocabulary()
        self.norms: list[str] = []
        self.ec_event = np.empty(0, np.int64)  # event_countries: event index, code, role
        self.ec_code = np.empty(0, np.int32)
        self.ec_role = np.empty(0, np.int16)
        self.ep_event = np.empty(0, np.int64)  # event_people: event index, name
        self.ep_name = np.empty(0, np.int32)
        self._orders: dict[str, np.ndarray] = {}
        self._people: dict[str, np.ndarray] = {}
        self._doc_sorted: bool | None = None

    def __len__(self) -> int:
        return len(self.ids)

    # ------------------------------------------------------------ keeping in step with the database

    def refresh(self, conn: sqlite3.Connection, generation: object) -> None:
        if generation == self.generation:
            return
        # One read transaction: every statement sees the same snapshot while an indexer writes.
        conn.execute("BEGIN")
        try:
            last = int(self.ids[-1]) if len(self.ids) else 0
            total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            newer = conn.execute("SELECT count(*) FROM events WHERE id > ?", (last,)).fetchone()[0]
            if total - newer != len(self.ids):  # something was deleted: start again
                self._reset()
                self._append(conn, 0)
            elif newer:
                self._append(conn, last)
        finally:
            conn.execute("COMMIT")
        self.generation = generation

    def _append(self, conn: sqlite3.Connection, after: int) -> None:
        """Read the events with ids above `after` (and their countries and people) into the arrays.

        Each column comes back from SQLite as one comma-separated string parsed by numpy, and each
        string value (kind, country, name...) as the list of the events that have it: no Python object
        per row, which keeps the first search of a session fast on 100,000+ events.
        """
        precisions = _Vocabulary(PRECISIONS)
        vocabularies = (("kind", self.kinds), ("precision", precisions), ("language", self.langs))
        cases, params = [], []
        for column, vocab in vocabularies:
            # Known values become their code in SQL; anything new is -1 and looked up below.
            cases.append(f"group_concat(CASE {column} " + "WHEN ? THEN ? " * len(vocab.values) + "ELSE -1 END)")
            for i, value in enumerate(vocab.values):
                params += [value, i]
        row = conn.execute(
            "SELECT count(*), group_concat(id), group_concat(document_id), group_concat(seq), "
            "group_concat(coalesce(year, -1)), group_concat(coalesce(cast(start_ts AS INTEGER), ?)), "
            f"group_concat(coalesce(cast(end_ts AS INTEGER), ?)), {', '.join(cases)} "
            "FROM (SELECT id, document_id, seq, kind, precision, year, language, start_ts, end_ts FROM events "
            "WHERE id > ? ORDER BY id)",
            (_NO_TIME, _NO_TIME, *params, after)).fetchone()
        if not row[0]:
            return
        ids = _ints(row[1])
        coded = {}
        for (column, vocab), text in zip(vocabularies, row[7:10]):
            codes = _ints(text)
            if (codes < 0).any():
                for value, members in conn.execute(
                        f"SELECT {column}, group_concat(id) FROM events WHERE id > ? GROUP BY {column}", (after,)):
                    if vocab.get(value) is None:
                        codes[np.searchsorted(ids, _ints(members))] = vocab.code(value)
            coded[column] = codes
        self.ids = np.concatenate([self.ids, ids])
        self.doc = np.concatenate([self.doc, _ints(row[2])])
        self.seq = np.concatenate([self.seq, _ints(row[3]).astype(np.int32)])
        self.year = np.concatenate([self.year, _ints(row[4]).astype(np.int32)])
        self.start = np.concatenate([self.start, _times(row[5])])
        self.end = np.concatenate([self.end, _times(row[6])])
        self.kind = np.concatenate([self.kind, coded["kind"].astype(np.int16)])
        # A precision this program does not know is drawn as a day.
        precision = coded["precision"]
        precision[precision >= len(PRECISIONS)] = 0
        self.precision = np.concatenate([self.precision, precision.astype(np.int8)])
        self.lang = np.concatenate([self.lang, coded["language"].astype(np.int16)])

        events, codes, roles = [], [], []
        for code, role, members in conn.execute(
                "SELECT code, role, group_concat(event_id) FROM event_countries WHERE event_id > ? "
                "GROUP BY code, role", (after,)):
            member_ids = _ints(members)
            events.append(np.searchsorted(self.ids, member_ids))
            codes.append(np.full(len(member_ids), self.codes.code(code), np.int32))
            roles.append(np.full(len(member_ids), self.roles.code(role), np.int16))
        if events:
            self.ec_event = np.concatenate([self.ec_event, *events])
            self.ec_code = np.concatenate([self.ec_code, *codes])
            self.ec_role = np.concatenate([self.ec_role, *roles])
        events, names = [], []
        for name, norm, members in conn.execute(
                "SELECT name, min(norm), group_concat(event_id) FROM event_people WHERE event_id > ? GROUP BY name",
                (after,)):
            member_ids = _ints(members)
            before = len(self.names.values)
            code = self.names.code(name)
            if len(self.names.values) > before:
                self.norms.append(norm)
            events.append(np.searchsorted(self.ids, member_ids))
            names.append(np.full(len(member_ids), code, np.int32))
        if events:
            self.ep_event = np.concatenate([self.ep_event, *events])
            self.ep_name = np.concatenate([self.ep_name, *names])
        self._orders.clear()
        self._people.clear()
        self._doc_sorted = None

    # ------------------------------------------------------------ look-ups

    def indexes_of(self, ids) -> np.ndarray:
        """Positions of these event ids (unknown ids dropped)."""
        ids = np.asarray(ids, dtype=np.int64)
        if not len(ids) or not len(self.ids):
            return np.empty(0, np.int64)
        pos = np.searchsorted(self.ids, ids)
        pos = np.minimum(pos, len(self.ids) - 1)
        return pos[self.ids[pos] == ids]

    def events_of_documents(self, doc_ids) -> np.ndarray:
        """Mask of the events of these documents."""
        mask = np.zeros(len(self.ids), dtype=bool)
        mask[self.positions_of_documents(doc_ids)[0]] = True
        return mask

    def positions_of_documents(self, doc_ids) -> tuple[np.ndarray, np.ndarray]:
        """(event positions, index in `doc_ids` of each one's document) for the events of these documents."""
        doc_ids = np.asarray(doc_ids, dtype=np.int64)
        if self._doc_sorted is None:
            self._doc_sorted = bool(len(self.doc) < 2 or (np.diff(self.doc) >= 0).all())
        if not self._doc_sorted:  # never with AUTOINCREMENT ids; kept for hand-made databases
            pos = np.flatnonzero(np.isin(self.doc, doc_ids))
            return pos, np.searchsorted(np.sort(doc_ids), self.doc[pos])
        # Each document's events are one run of positions: no per-event look-up.
        lo = np.searchsorted(self.doc, doc_ids, side="left")
        counts = np.searchsorted(self.doc, doc_ids, side="right") - lo
        owner = np.repeat(np.arange(len(doc_ids)), counts)
        starts = np.repeat(lo - (np.cumsum(counts) - counts), counts)
        return starts + np.arange(len(owner)), owner

    def with_country(self, code: str | None, role: str | None) -> np.ndarray:
        sel = np.ones(len(self.ec_event), dtype=bool)
        if code is not None:
            c = self.codes.get(code)
            sel &= (self.ec_code == c) if c is not None else False
        if role is not None:
            r = self.roles.get(role)
            sel &= (self.ec_role == r) if r is not None else False
        mask = np.zeros(len(self.ids), dtype=bool)
        mask[self.ec_event[sel]] = True
        return mask

    def with_person(self, folded: str) -> np.ndarray:
        """Events naming or quoting a person whose folded name contains `folded`."""
        names = self._people.get(folded)
        if names is None:
            names = np.fromiter((i for i, n in enumerate(self.norms) if folded in n), np.int32)
            self._people[folded] = names
        mask = np.zeros(len(self.ids), dtype=bool)
        mask[self.ep_event[np.isin(self.ep_name, names)]] = True
        return mask

    def order_rank(self, conn: sqlite3.Connection, order: str) -> np.ndarray:
        """rank[i]: position of event i in the whole library sorted by `order` (ascending)."""
        rank = self._orders.get(order)
        if rank is not None:
            return rank
        n = len(self.ids)
        if order == "title":
            # Titles are not held in memory: SQLite sorts them once per change of the library.
            ordered = self.indexes_of([r[0] for r in conn.execute(
                "SELECT id FROM events ORDER BY title COLLATE NOCASE, start_ts, id")])
        else:
            start = np.where(np.isnan(self.start), np.inf, self.start)
            if order == "kind":
                keys = (self.ids, start, self.kind)
            elif order == "document":
                keys = (self.seq, self.doc)
            else:  # date
                keys = (self.ids, start)
            ordered = np.lexsort(keys)
        rank = np.empty(n, dtype=np.int64)
        rank[ordered] = np.arange(len(ordered))
        self._orders[order] = rank
        return rank

    def sort(self, conn: sqlite3.Connection, hits: np.ndarray, order: str, descending: bool) -> np.ndarray:
        """The event positions `hits` sorted by `order`; undated events stay last in date order."""
        rank = self.order_rank(conn, order)
        out = hits[np.argsort(rank[hits], kind="stable")]
        if descending:
            out = out[::-1]
            if order == "date":
                undated = np.isnan(self.start[out])
                out = np.concatenate([out[~undated], out[undated][::-1]])
        return out


def _ints(text: str | None) -> np.ndarray:
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.empty(0, np.int64)


_NO_TIME = -(2**62)  # stands for NULL in the comma-separated times


def _times(text: str | None) -> np.ndarray:
    ints = _ints(text)
    out = ints.astype(np.float64)
    out[ints == _NO_TIME] = np.nan
    return out

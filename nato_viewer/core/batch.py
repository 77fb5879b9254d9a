"""Parsing many files on every core, in batches, with results streamed back in input order."""

from __future__ import annotations

import gc
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager

from nato_viewer.core.loader import LoadError
from nato_viewer.core.model import Document, ParseError


def parse_one(path: str) -> Document | ParseError:
    """Parse a file; every failure becomes a ParseError with a one-line message, never an exception."""
    from nato_viewer.core.parsing.pipeline import parse_file

    try:
        return parse_file(path)
    except LoadError as exc:
        return ParseError(path, str(exc))
    except RecursionError:
        return ParseError(path, "text too deeply nested to parse")
    except MemoryError:
        return ParseError(path, "out of memory while parsing")
    except Exception as exc:  # a parser bug must not stop a batch of 10,000 files
        return ParseError(path, f"internal parser error ({type(exc).__name__}: {exc})")


# Young objects the cyclic collector lets pile up before it runs (Python's default: 700).
_RARE_COLLECTIONS = 50_000


def _worker_start() -> None:
    # The parser makes millions of short-lived objects that reference counting frees; the cyclic
    # collector's default thresholds would walk its word caches again and again for nothing
    # (about 5 % of the parse time). Collections stay on, just rarer.
    gc.set_threshold(_RARE_COLLECTIONS, 50, 1000)


_gc_lock = threading.Lock()
_gc_users = 0
_gc_saved = gc.get_threshold()


@contextmanager
def _rare_collections() -> Iterator[None]:
    """Rarer young-generation collections in this process while parse_many runs (restored after).

    The parent unpickles about 200 objects per document and frees them soon after the caller has
    used the document; at the default threshold (700) the collector walks each of them once or
    twice while the chunk they came in waits to be read, about a sixth of the parent's CPU, taken
    from the cores the workers need. Collections stay on; overlapping calls (several threads) share
    one raised threshold and the last one out restores the one it found.
    """
    global _gc_users, _gc_saved
    with _gc_lock:
        if _gc_users == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(max(_gc_saved[0], _RARE_COLLECTIONS), *_gc_saved[1:])
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0:
                gc.set_threshold(*_gc_saved)


def _parse_chunk(paths: list[str]) -> list[Document | ParseError]:
    return [parse_one(p) for p in paths]


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def parse_many(
    paths: Iterable[str],
    workers: int | None = None,
    chunk: int = 16,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[Document | ParseError]:
    """Yield a Document or a ParseError for each path, in order.

    With more than one worker, files go to a process pool in chunks of `chunk`
    so the per-task overhead stays small; the caller sees results as they come.
    """
    paths = [str(p) for p in paths]
    with _rare_collections():
        yield from _parse_many(paths, workers, chunk, progress, should_stop)


def _parse_many(
    paths: list[str],
    workers: int | None,
    chunk: int,
    progress: Callable[[int, int], None] | None,
    should_stop: Callable[[], bool] | None,
) -> Iterator[Document | ParseError]:
    total = len(paths)
    workers = default_workers() if workers is None else max(1, workers)
    done = 0
    if workers == 1 or total <= chunk:
        for path in paths:
            if should_stop and should_stop():
                return
            yield parse_one(path)
            done += 1
            if progress:
                progress(done, total)
        return
    chunks = [paths[i:i + chunk] for i in range(0, total, chunk)]
    # Results are yielded in input order, but chunks are handed out as workers free up: a slow chunk
    # (a few long files) must not leave the other workers idle once they have run ahead of it.
    # Finished chunks wait in order up to `ahead` chunks, which bounds the memory they hold.
    busy_target, ahead = workers * 2, workers * 4
    pending: deque[Future] = deque()
    next_chunk = 0
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_start) as pool:

        def top_up() -> None:
            nonlocal next_chunk
            running = sum(1 for f in pending if not f.done())
            while next_chunk < len(chunks) and running < busy_target and len(pending) < ahead:
                pending.append(pool.submit(_parse_chunk, chunks[next_chunk]))
                next_chunk += 1
                running += 1

        top_up()
        while pending:
            if should_stop and should_stop():
                for f in pending:
                    f.cancel()
                return
            head = pending[0]
            if not head.done():
                wait([f for f in pending if not f.done()], timeout=0.5, return_when=FIRST_COMPLETED)
                top_up()
                continue
            pending.popleft()
            results = head.result()
            top_up()
            for result in results:
                yield result
                done += 1
                if progress:
                    progress(done, total)
